import { ObjectStorageUrl, RealmKind, RegionTable } from '../../lib';

describe('RegionTable (oci-common 2.139.1 region list)', () => {
  test('knows commercial, government, sovereign and dedicated regions with key, realm and domain', () => {
    const t = RegionTable.DEFAULT;
    expect(t.lookup('us-ashburn-1')).toMatchObject({ key: 'IAD', realm: 'oc1', realmDomain: 'oraclecloud.com', realmKind: RealmKind.COMMERCIAL });
    expect(t.lookup('us-gov-ashburn-1')).toMatchObject({ realm: 'oc3', realmDomain: 'oraclegovcloud.com', realmKind: RealmKind.GOVERNMENT });
    expect(t.lookup('uk-gov-london-1')).toMatchObject({ realm: 'oc4', realmDomain: 'oraclegovcloud.uk' });
    expect(t.lookup('eu-frankfurt-2')).toMatchObject({ realm: 'oc19', realmDomain: 'oraclecloud.eu', realmKind: RealmKind.SOVEREIGN });
    expect(t.lookup('ap-dcc-canberra-1')).toMatchObject({ realm: 'oc10', realmKind: RealmKind.DEDICATED });
    expect(t.regions.length).toBeGreaterThanOrEqual(85);
    expect(t.lookup('Ashburn')).toBeUndefined();
  });

  test('suggests the closest identifiers for a wrong one', () => {
    expect(RegionTable.DEFAULT.closest('us-phonix-1')[0]).toBe('us-phoenix-1');
    expect(RegionTable.DEFAULT.closest('Ashburn')).toEqual(expect.arrayContaining(['us-ashburn-1']));
    expect(RegionTable.DEFAULT.closest('eu-frankfurt')).toEqual(expect.arrayContaining(['eu-frankfurt-1']));
  });

  test('users add regions without changing the default table', () => {
    const t = RegionTable.DEFAULT.withRegion({ identifier: 'xx-newcity-1', key: 'xnc', realm: 'OC1', realmDomain: 'oraclecloud.com' });
    expect(t.lookup('xx-newcity-1')).toMatchObject({ key: 'XNC', realm: 'oc1', realmKind: RealmKind.COMMERCIAL });
    expect(RegionTable.DEFAULT.lookup('xx-newcity-1')).toBeUndefined();
    expect(() => RegionTable.DEFAULT.withRegion({ identifier: 'Ashburn', key: 'IAD', realm: 'oc1', realmDomain: 'oraclecloud.com' })).toThrow(/identifier "Ashburn".*Fix:/);
  });

  test('the table drives URL hosts for every realm', () => {
    for (const r of RegionTable.DEFAULT.regions) {
      expect(ObjectStorageUrl.hostForRegion(r.identifier)).toBe(`objectstorage.${r.identifier}.${r.realmDomain}`);
    }
  });
});

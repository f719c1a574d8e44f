import { Region } from 'oci-common';
import { ObjectStorageUrl as U } from '../../lib/storage-url';
import { errorMessage } from './helpers';

describe('hostForRegion', () => {
  test.each([
    ['us-ashburn-1', 'objectstorage.us-ashburn-1.oraclecloud.com'],
    ['sa-saopaulo-1', 'objectstorage.sa-saopaulo-1.oraclecloud.com'],
    ['us-langley-1', 'objectstorage.us-langley-1.oraclegovcloud.com'],
    ['uk-gov-london-1', 'objectstorage.uk-gov-london-1.oraclegovcloud.uk'],
    ['eu-frankfurt-2', 'objectstorage.eu-frankfurt-2.oraclecloud.eu'],
    ['eu-dcc-milan-1', 'objectstorage.eu-dcc-milan-1.oraclecloud14.com'],
  ])('%s', (region, host) => {
    expect(U.hostForRegion(region)).toBe(host);
  });

  test('realmDomain overrides the table', () => {
    expect(U.hostForRegion('us-ashburn-1', 'example-realm.test')).toBe('objectstorage.us-ashburn-1.example-realm.test');
  });

  test('an unknown dedicated (-dcc-) region needs realmDomain', () => {
    expect(errorMessage(() => U.hostForRegion('eu-dcc-nowhere-9'))).toContain('pass realmDomain');
    expect(U.hostForRegion('eu-dcc-nowhere-9', 'oraclecloud99.com')).toBe('objectstorage.eu-dcc-nowhere-9.oraclecloud99.com');
  });

  test.each([
    ['not a region', ['US East'], 'not a region identifier'],
    ['bad realmDomain', ['us-ashburn-1', 'oraclecloud'], 'not a domain'],
    ['token', ['${TfToken[TOKEN.4]}'], 'unresolved'],
  ])('rejects %s', (_label, args, problem) => {
    const [region, realmDomain] = args;
    const message = errorMessage(() => U.hostForRegion(region, realmDomain));
    expect(message).toContain(problem);
    expect(message).toContain('Expected objectstorage.<region>.<realm domain>');
  });

  // Guards against drift: the table is copied from the SDK version we depend on.
  test('agrees with every region registered in oci-common', () => {
    const regions = Region.values();
    expect(regions.length).toBeGreaterThan(50);
    for (const region of regions) {
      expect([region.regionId, U.realmDomainForRegion(region.regionId)])
        .toEqual([region.regionId, region.realm.secondLevelDomain]);
    }
  });
});

describe('dedicatedHost', () => {
  test('builds the namespace-prefixed OC1 host', () => {
    expect(U.dedicatedHost('axaxnpcrorw5', 'us-ashburn-1')).toBe('axaxnpcrorw5.objectstorage.us-ashburn-1.oci.customer-oci.com');
  });

  test.each([
    ['a non-OC1 region', ['ns', 'us-langley-1'], 'outside the OC1 realm'],
    ['a bad namespace', ['My_NS', 'us-ashburn-1'], 'must be lowercase'],
    ['a bad region', ['ns', 'Ashburn'], 'not a region identifier'],
  ])('rejects %s', (_label, [namespace, region], problem) => {
    const message = errorMessage(() => U.dedicatedHost(namespace, region));
    expect(message).toContain(problem);
    expect(message).toContain('Expected <namespace>.objectstorage.<region>.oci.customer-oci.com');
  });
});

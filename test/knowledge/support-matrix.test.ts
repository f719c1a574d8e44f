import { OperatingSystemId, OsDistro, OsFamily, SupportMatrix, SupportStatus, WindowsEdition } from '../../lib/knowledge';

const { SEED_EDITION: SEED, EDITION_2025_03, EDITION_2026_09 } = SupportMatrix;

describe('SEED_EDITION (F-30, F-31)', () => {
  const linux: [string, string][] = [
    ['Oracle Linux', '6.10'], ['Oracle Linux', '7.9'], ['Oracle Linux', '8'], ['Oracle Linux', '9.4'],
    ['Oracle Linux Cloud Developer', '8'], ['CentOS', '7'], ['CentOS Stream', '8'],
    ['Ubuntu', '18.04'], ['Canonical Ubuntu', '20.04'], ['Ubuntu', '22.04'],
  ];
  test.each(linux)('%s %s is supported', (os, version) => {
    const r = SEED.lookup(os, version);
    expect(r.status).toBe(SupportStatus.SUPPORTED);
    expect(r.matchedEntry).toBeDefined();
    expect(r.reason).toContain('"seed" edition');
  });

  const windows = ['2012', '2012 R2', '2016', '2019', '2022'].flatMap((v) => [`Server ${v} Standard`, `Server ${v} Datacenter`]);
  test.each(windows)('Windows %s is supported', (version) => {
    expect(SEED.lookup('Windows', version).status).toBe(SupportStatus.SUPPORTED);
  });

  test('covers exactly the seed list', () => {
    expect(SEED.entries).toHaveLength(15);
    expect(SEED.source).toContain('Importação/Exportação de Imagens');
  });

  test.each([
    ['Ubuntu', '16.04'], ['Ubuntu', '22.10'], ['Ubuntu', '24.04'], ['Windows', 'Server 2008 R2 Standard'], ['Debian', '12'],
    ['Oracle Linux', '5.11'], ['CentOS', '8'], ['Windows', '10'], ['Oracle Autonomous Linux', '8'],
  ])('%s %s is unsupported', (os, version) => {
    const r = SEED.lookup(os, version);
    expect(r.status).toBe(SupportStatus.UNSUPPORTED);
    expect(r.matchedEntry).toBeUndefined();
  });

  test('unknown OS is reported, not guessed', () => {
    const r = SEED.lookup('Linux', '');
    expect(r.status).toBe(SupportStatus.UNKNOWN_OS);
    expect(r.reason).toMatch(/^Cannot check/);
  });

  test('unsupported lookup says which other edition lists it', () => {
    const r = SEED.lookup('Ubuntu', '24.04');
    expect(r.listedInOtherEditions).toEqual(['2025-03-05', '2026-09-05']);
    expect(r.reason).toBe('Ubuntu 24.04 is not in the "seed" edition of the OCI image import/export support list; it is listed in the "2025-03-05" and "2026-09-05" editions.');
  });

  test('supported lookup says which other editions dropped it', () => {
    const r = SEED.lookup('CentOS', '7');
    expect(r.notListedInOtherEditions).toEqual(['2025-03-05', '2026-09-05']);
    expect(r.reason).toContain('The "2025-03-05" and "2026-09-05" editions do not list it.');
    expect(EDITION_2025_03.lookup('Ubuntu', '24.04').reason).toContain('The "seed" edition does not list it.');
  });
});

describe('Windows editions (F-31, F-33)', () => {
  test('an edition other than Standard/Datacenter is unsupported', () => {
    const r = SEED.lookup('Windows', 'Server 2019 Essentials');
    expect(r.status).toBe(SupportStatus.UNSUPPORTED);
    expect(r.reason).toContain('names only the Standard and Datacenter editions');
  });

  test('a missing edition checks the version only, and says so', () => {
    const r = SEED.lookup('Windows', '2019');
    expect(r.status).toBe(SupportStatus.SUPPORTED);
    expect(r.reason).toContain('edition was not given');
  });

  test('the edition argument overrides the text', () => {
    const r = SEED.lookup('Windows', 'Server 2019 Essentials', WindowsEdition.DATACENTER);
    expect(r.status).toBe(SupportStatus.SUPPORTED);
    expect(r.reason).toMatch(/^Windows Server 2019 Datacenter is supported/);
  });

  test('R2 is its own release', () => {
    const m = SupportMatrix.custom({ edition: 'only-2012', source: 'test', retrievedOn: '2026-01-01', entries: [
      { distro: OsDistro.WINDOWS_SERVER, majorVersion: '2012', windowsEditions: [WindowsEdition.STANDARD] },
    ] });
    expect(m.lookup('Windows', 'Server 2012 Standard').status).toBe(SupportStatus.SUPPORTED);
    expect(m.lookup('Windows', 'Server 2012 R2 Standard').status).toBe(SupportStatus.UNSUPPORTED);
    expect(m.lookup('Windows', 'Server 2012 Datacenter').status).toBe(SupportStatus.UNSUPPORTED);
  });
});

describe('newer editions (F-32)', () => {
  test.each([
    ['Oracle Linux', '6', 'UNSUPPORTED', 'UNSUPPORTED'],
    ['Oracle Linux', '7', 'SUPPORTED', 'SUPPORTED'],
    ['Oracle Linux', '9', 'SUPPORTED', 'SUPPORTED'],
    ['Oracle Linux Cloud Developer', '8', 'SUPPORTED', 'SUPPORTED'],
    ['CentOS', '7', 'UNSUPPORTED', 'UNSUPPORTED'],
    ['CentOS Stream', '8', 'UNSUPPORTED', 'UNSUPPORTED'],
    ['Ubuntu', '18.04', 'UNSUPPORTED', 'UNSUPPORTED'],
    ['Ubuntu', '20.04', 'SUPPORTED', 'SUPPORTED'],
    ['Ubuntu', '24.04', 'SUPPORTED', 'SUPPORTED'],
    ['Windows', 'Server 2012 R2 Standard', 'UNSUPPORTED', 'UNSUPPORTED'],
    ['Windows', 'Server 2016 Datacenter', 'SUPPORTED', 'SUPPORTED'],
    ['Windows', 'Server 2022 Standard', 'SUPPORTED', 'SUPPORTED'],
    ['Windows', 'Server 2025 Standard', 'UNSUPPORTED', 'SUPPORTED'],
  ])('%s %s: 2025-03 %s, 2026-09 %s', (os, version, in2025, in2026) => {
    expect(EDITION_2025_03.lookup(os, version).status).toBe((SupportStatus as any)[in2025]);
    expect(EDITION_2026_09.lookup(os, version).status).toBe((SupportStatus as any)[in2026]);
  });

  test('every built-in edition is cited and dated', () => {
    expect(SupportMatrix.EDITIONS).toEqual([SEED, EDITION_2025_03, EDITION_2026_09]);
    for (const m of SupportMatrix.EDITIONS) {
      expect(m.source).toMatch(/https:\/\/docs\.(cloud\.)?oracle\.com\//);
      expect(m.retrievedOn).toMatch(/^(\d{4}-\d{2}-\d{2}|undated)$/);
    }
  });
});

describe('custom and extend', () => {
  const rocky = { distro: OsDistro.ROCKY_LINUX, majorVersion: '9' };

  test('extend returns a new matrix and leaves the original alone', () => {
    const ext = SEED.extend([rocky], 'tested by the platform team');
    expect(SEED.lookup('Rocky Linux', '9.3').status).toBe(SupportStatus.UNSUPPORTED);
    const r = ext.lookup('Rocky Linux', '9.3');
    expect(r.status).toBe(SupportStatus.SUPPORTED);
    expect(r.matchedEntry?.note).toBe('tested by the platform team');
    expect(r.reason).toContain('(entry added: tested by the platform team)');
    expect(ext.edition).toBe('seed+extended');
    expect(ext.source).toContain('extended: tested by the platform team');
    expect(ext.lookup('Ubuntu', '22.04').status).toBe(SupportStatus.SUPPORTED);
  });

  test('entries for a user-defined distribution are recognised', () => {
    const alpine = OsDistro.custom({ id: 'alpine', displayName: 'Alpine Linux', family: OsFamily.LINUX, aliases: ['alpine'] });
    const m = SupportMatrix.custom({ edition: 'ours', source: 'internal policy', retrievedOn: '2026-11-27', entries: [{ distro: alpine, majorVersion: '3', minorVersion: '19' }] });
    expect(m.lookup('Alpine', '3.19').status).toBe(SupportStatus.SUPPORTED);
    expect(m.lookup('Alpine', '3.18').status).toBe(SupportStatus.UNSUPPORTED);
    expect(m.lookup('Ubuntu', '22.04').reason).toContain('"ours" edition');
  });

  test('lookupParsed accepts an already parsed OS', () => {
    expect(EDITION_2025_03.lookupParsed(OperatingSystemId.parse('Ubuntu', '24.04')).status).toBe(SupportStatus.SUPPORTED);
  });

  test('an empty edition is rejected', () => {
    expect(() => SupportMatrix.custom({ edition: ' ', source: 'x', retrievedOn: 'undated', entries: [] })).toThrow(/edition/);
  });
});

import { OperatingSystemId, OsDistro, OsFamily, WindowsEdition } from '../../lib/knowledge';

describe('OperatingSystemId.parse', () => {
  test.each([
    ['Oracle Linux', '8.9', OsDistro.ORACLE_LINUX, '8', '9', 'Oracle Linux 8.9'],
    ['Oracle Linux', '8', OsDistro.ORACLE_LINUX, '8', undefined, 'Oracle Linux 8'],
    ['Oracle Linux', '9.x', OsDistro.ORACLE_LINUX, '9', undefined, 'Oracle Linux 9'],
    ['OL8', '', OsDistro.ORACLE_LINUX, '8', undefined, 'Oracle Linux 8'],
    ['Oracle-Linux-8.9-2024.01.26-0', undefined, OsDistro.ORACLE_LINUX, '8', '9', 'Oracle Linux 8.9'],
    ['Oracle Linux Cloud Developer', '8', OsDistro.ORACLE_LINUX_CLOUD_DEVELOPER, '8', undefined, 'Oracle Linux Cloud Developer 8'],
    ['Oracle Autonomous Linux', '7.9', OsDistro.ORACLE_AUTONOMOUS_LINUX, '7', '9', 'Oracle Autonomous Linux 7.9'],
    ['Canonical Ubuntu', '22.04', OsDistro.UBUNTU, '22', '04', 'Ubuntu 22.04'],
    ['Ubuntu', '22.04 Minimal', OsDistro.UBUNTU, '22', '04', 'Ubuntu 22.04'],
    ['ubuntu', '24.04 LTS', OsDistro.UBUNTU, '24', '04', 'Ubuntu 24.04'],
    ['CentOS', '7', OsDistro.CENTOS, '7', undefined, 'CentOS 7'],
    ['CentOS Linux', '7.9', OsDistro.CENTOS, '7', '9', 'CentOS 7.9'],
    ['CentOS Stream 8', '', OsDistro.CENTOS_STREAM, '8', undefined, 'CentOS Stream 8'],
    ['CentOS', 'Stream 8', OsDistro.CENTOS_STREAM, '8', undefined, 'CentOS Stream 8'],
    ['Debian', '12', OsDistro.DEBIAN, '12', undefined, 'Debian 12'],
    ['Red Hat Enterprise Linux', 'Server 7.9', OsDistro.RED_HAT_ENTERPRISE_LINUX, '7', '9', 'Red Hat Enterprise Linux 7.9'],
    ['Rocky Linux', '9', OsDistro.ROCKY_LINUX, '9', undefined, 'Rocky Linux 9'],
  ])('%s + %s', (os, version, distro, major, minor, display) => {
    const p = OperatingSystemId.parse(os, version);
    expect(p).toMatchObject({ known: true, distro, family: OsFamily.LINUX, majorVersion: major, displayName: display });
    expect(p.minorVersion).toBe(minor);
    expect(p.windowsEdition).toBeUndefined();
  });

  test.each([
    ['Windows', 'Server 2019 Standard', '2019', WindowsEdition.STANDARD, 'Windows Server 2019 Standard'],
    ['Windows', 'Server 2012 R2 Datacenter', '2012 R2', WindowsEdition.DATACENTER, 'Windows Server 2012 R2 Datacenter'],
    ['Windows Server', '2022 Data Center', '2022', WindowsEdition.DATACENTER, 'Windows Server 2022 Datacenter'],
    ['Microsoft Windows Server 2016', 'Standard Edition', '2016', WindowsEdition.STANDARD, 'Windows Server 2016 Standard'],
    ['Windows', '2019', '2019', undefined, 'Windows Server 2019'],
    ['Windows-Server-2012-R2-Standard-Edition-VM', undefined, '2012 R2', WindowsEdition.STANDARD, 'Windows Server 2012 R2 Standard'],
  ])('%s + %s', (os, version, major, edition, display) => {
    const p = OperatingSystemId.parse(os, version);
    expect(p).toMatchObject({ known: true, distro: OsDistro.WINDOWS_SERVER, family: OsFamily.WINDOWS, majorVersion: major, displayName: display });
    expect(p.windowsEdition).toBe(edition);
    expect(p.minorVersion).toBeUndefined();
  });

  test('names a Windows edition that is neither Standard nor Datacenter', () => {
    const p = OperatingSystemId.parse('Windows', 'Server 2019 Essentials');
    expect(p).toMatchObject({ known: true, windowsEdition: undefined, otherWindowsEdition: 'Essentials', displayName: 'Windows Server 2019 Essentials' });
  });

  test('desktop Windows is recognised, not confused with Server', () => {
    expect(OperatingSystemId.parse('Windows', '10')).toMatchObject({ known: true, distro: OsDistro.WINDOWS_DESKTOP, majorVersion: '10' });
  });

  test.each([
    ['', '', undefined],
    ['Linux', '', OsFamily.LINUX],
    ['Linux', '8', OsFamily.LINUX],
    ['Plan 9', '4', undefined],
    ['Windows', '', OsFamily.WINDOWS],
    ['Windows Server', 'Datacenter', OsFamily.WINDOWS],
    ['Ubuntu', '', OsFamily.LINUX],
    ['Olive OS', '2', undefined],
  ])('unknown, never thrown: %j %j', (os, version, family) => {
    const p = OperatingSystemId.parse(os, version);
    expect(p.known).toBe(false);
    expect(p.family).toBe(family);
    expect(p.reason).toMatch(/\w/);
  });

  test('user-defined distributions are recognised when passed in', () => {
    const alpine = OsDistro.custom({ id: 'alpine', displayName: 'Alpine Linux', family: OsFamily.LINUX, aliases: ['alpine linux', 'alpine'] });
    expect(OperatingSystemId.parse('Alpine', '3.19').known).toBe(false);
    expect(OperatingSystemId.parse('Alpine', '3.19', [alpine])).toMatchObject({ known: true, distro: alpine, majorVersion: '3', minorVersion: '19' });
  });

  test('sameVersionPart ignores case and leading zeros', () => {
    expect(OperatingSystemId.sameVersionPart('04', '4')).toBe(true);
    expect(OperatingSystemId.sameVersionPart('2012 R2', '2012 r2')).toBe(true);
    expect(OperatingSystemId.sameVersionPart('2012', '2012 R2')).toBe(false);
  });
});

describe('WindowsEdition.tryParse', () => {
  test.each([
    ['Standard', WindowsEdition.STANDARD],
    ['DATACENTER', WindowsEdition.DATACENTER],
    ['Data Center', WindowsEdition.DATACENTER],
    ['Essentials', undefined],
  ])('%s', (text, edition) => expect(WindowsEdition.tryParse(text)).toBe(edition));
});

/** F-30..F-35: supported operating systems, Windows licensing and clock, paravirtualized targets. */
import { ExportFormat, ImportSource, LaunchMode, WindowsEdition } from '../../../../lib';
import { casesFor, error, info, notCheckable, objectUrl, RuleCase, warning } from '../harness';

const qcow2 = objectUrl('images/byoi.qcow2');
const windowsQcow2 = objectUrl('images/windows.qcow2');

export const operatingSystemCases: RuleCase[] = [
  ...casesFor('OIT030', [
    {
      title: 'Oracle Linux 8 exported and imported',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'Windows Server 2012 R2 Datacenter (seed edition)',
      build: (w) => { w.export({ image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2012 R2 Datacenter' } }); },
      expected: [],
    },
    {
      title: 'Ubuntu 24.04 is not in the seed edition',
      build: (w) => { w.export({ image: { operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '24.04' } }); },
      expected: [error('Export', 'Ubuntu 24.04', '"seed"')],
      synth: true,
    },
    {
      title: 'export and import of Debian 12 are both reported',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export({ image: { operatingSystem: 'Debian', operatingSystemVersion: '12' } })))); },
      expected: [error('Export', 'Debian 12'), error('Import', 'Debian 12')],
    },
    {
      title: 'OS version is a token',
      build: (w) => { w.export({ image: { operatingSystemVersion: w.token('os_version') } }); },
      expected: [notCheckable('Export', 'operating system', 'token')],
    },
    {
      title: 'OS not given on a BYOI import',
      build: (w) => { w.import(ImportSource.fromUrl(qcow2)); },
      expected: [notCheckable('Import', 'operating system', 'was not given')],
    },
    {
      title: 'OS name the library does not recognise',
      build: (w) => { w.import(ImportSource.fromUrl(qcow2), { operatingSystem: 'Linux', operatingSystemVersion: '6.1' }); },
      expected: [notCheckable('Import', '"Linux 6.1"', 'not recognised')],
    },
  ]),

  ...casesFor('OIT031', [
    {
      title: 'Windows Server 2019 Standard',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard', windowsRealTimeIsUniversalSet: true }); },
      expected: [],
    },
    {
      title: 'Windows Server 2019 Essentials',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Essentials', windowsRealTimeIsUniversalSet: true }); },
      expected: [error('Import', '"Essentials"')],
    },
    {
      title: 'exported Windows Server 2016 Enterprise',
      build: (w) => { w.export({ image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2016 Enterprise' } }); },
      expected: [error('Export', '"Enterprise"')],
    },
  ]),

  ...casesFor('OIT033', [
    {
      title: 'version in the text and edition as a property',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2022', windowsEdition: WindowsEdition.DATACENTER }); },
      expected: [],
    },
    {
      title: 'Windows without version and edition',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows' }); },
      expected: [error('Import', 'version and edition', 'version null')],
      synth: true,
    },
    {
      title: 'Windows Server 2019 without edition',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019' }); },
      expected: [error('Import', 'without its edition', '"Server 2019"')],
    },
    {
      title: 'Windows version is a token',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: w.token('windows_version') }); },
      expected: [notCheckable('Import', 'Windows version', 'token')],
    },
  ]),

  ...casesFor('OIT034', [
    {
      title: 'Linux export',
      build: (w) => { w.export(); },
      expected: [],
    },
    {
      title: 'existing Windows object (exported elsewhere)',
      build: (w) => { w.existing({ image: { imageId: 'ocid1.image.oc1..win', operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } }); },
      expected: [],
    },
    {
      title: 'Windows export',
      build: (w) => { w.export({ image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } }); },
      expected: [info('Export', 'Windows', 'Microsoft')],
    },
  ]),

  ...casesFor('OIT035', [
    {
      title: 'Windows import that states RealTimeIsUniversal=1',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard', windowsRealTimeIsUniversalSet: true }); },
      expected: [],
    },
    {
      title: 'Windows import without the statement',
      build: (w) => { w.import(ImportSource.fromUrl(windowsQcow2), { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' }); },
      expected: [warning('Import', 'RealTimeIsUniversal')],
    },
  ]),

  ...casesFor('OIT036', [
    {
      title: 'BYOI on an AMD shape with the default PARAVIRTUALIZED',
      build: (w) => { w.import(ImportSource.fromUrl(qcow2), { compatibleShapes: ['VM.Standard.E4.Flex'] }); },
      expected: [],
    },
    {
      title: 'OCI-type import leaves the launch mode to OCI',
      build: (w) => {
        w.import(ImportSource.fromObject(w.copy(w.export({ image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } }))),
          { windowsRealTimeIsUniversalSet: true });
      },
      expected: [],
    },
    {
      title: 'BYOI EMULATED on AMD and Arm shapes',
      build: (w) => { w.import(ImportSource.fromUrl(qcow2), { launchMode: LaunchMode.EMULATED, compatibleShapes: ['VM.Standard.E4.Flex', 'VM.Standard.A1.Flex', 'VM.Standard2.1'] }); },
      expected: [warning('Import', '"EMULATED"', 'VM.Standard.E4.Flex', 'VM.Standard.A1.Flex')],
    },
    {
      title: 'Windows QCOW2 from OCI defaults to PARAVIRTUALIZED, not NATIVE',
      build: (w) => {
        w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2, image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } })),
          { provider: w.phx, windowsRealTimeIsUniversalSet: true });
      },
      expected: [],
    },
    {
      title: 'Windows QCOW2 from OCI forced to NATIVE',
      build: (w) => {
        w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2, image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } })),
          { provider: w.phx, windowsRealTimeIsUniversalSet: true, launchMode: LaunchMode.NATIVE });
      },
      expected: [warning('Import', '"NATIVE"', 'Windows')],
    },
  ]),
];

/** OIT039 at synth: an import against its own source image (the plan-time half is in test/plan-checks). */
export const statedFactCases: RuleCase[] = [
  ...casesFor('OIT039', [
    {
      title: 'import inherits what the source states',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'import states Windows for an Oracle Linux source',
      build: (w) => {
        w.import(ImportSource.fromObject(w.copy(w.export())), {
          operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD, windowsRealTimeIsUniversalSet: true,
        });
      },
      expected: [error('Import', '"Windows Server 2019"', '"Oracle Linux 8"')],
      synth: true,
    },
    {
      title: 'import states a smaller size than the source',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export({ image: { sizeInGbs: 120 } }))), { sizeInGbs: 50 }); },
      expected: [error('Import', '50 GB', '120 GB')],
    },
  ]),
];

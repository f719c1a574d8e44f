/** F-10..F-14 and F-20: formats, launch modes, import limits, what can be exported. */
import { ExportFormat, ImageImportType, ImageOrigin, ImportSource, LaunchMode } from '../../../../lib';
import { casesFor, error, info, notCheckable, objectUrl, RuleCase, warning } from '../harness';

/** A launch mode value no version of OCI knows, as a jsii caller or a cast could pass it. */
const UNKNOWN_MODE = { value: 'TURBO' } as unknown as LaunchMode;

export const formatCases: RuleCase[] = [
  ...casesFor('OIT011', [
    {
      title: 'OCI export imported as OCI',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'VHD export feeding an import',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.VHD })), { provider: w.phx }); },
      expected: [error('Import', '"VHD"')],
      synth: true,
    },
    {
      title: 'BYOI URL of a .vdi file',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/desktop.vdi'))); },
      expected: [error('Import', '"VDI"')],
    },
    {
      title: 'QCOW2 export imported as VMDK',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { provider: w.phx, importType: ImageImportType.VMDK }); },
      expected: [error('Import', '"QCOW2"', '"VMDK"')],
    },
  ]),

  ...casesFor('OIT012', [
    {
      title: 'OCI import without launch mode',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/web.oci'))); },
      expected: [],
    },
    {
      title: 'OCI import with launch mode NATIVE',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/web.oci')), { launchMode: LaunchMode.NATIVE }); },
      expected: [error('Import', '"NATIVE"')],
      synth: true,
    },
  ]),

  ...casesFor('OIT013', [
    {
      title: 'QCOW2 from OCI with the default launch mode (NATIVE)',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { provider: w.phx }); },
      expected: [],
    },
    {
      title: 'Windows QCOW2 from OCI imported PARAVIRTUALIZED, as F-35 asks (OIT036)',
      build: (w) => {
        w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2, image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' } })),
          { provider: w.phx, launchMode: LaunchMode.PARAVIRTUALIZED, windowsRealTimeIsUniversalSet: true });
      },
      expected: [],
    },
    {
      title: 'QCOW2 from OCI imported PARAVIRTUALIZED on an Intel shape',
      build: (w) => {
        w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { provider: w.phx, launchMode: LaunchMode.PARAVIRTUALIZED, compatibleShapes: ['VM.Standard2.1'] });
      },
      expected: [warning('Import', '"PARAVIRTUALIZED"')],
    },
    {
      title: 'QCOW2 from OCI imported EMULATED',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { provider: w.phx, launchMode: LaunchMode.EMULATED }); },
      expected: [warning('Import', '"EMULATED"')],
    },
  ]),

  ...casesFor('OIT014', [
    {
      title: 'BYOI QCOW2 with the default launch mode (PARAVIRTUALIZED)',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.qcow2'))); },
      expected: [],
    },
    {
      title: 'BYOI QCOW2 forced to NATIVE',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.qcow2')), { launchMode: LaunchMode.NATIVE }); },
      expected: [warning('Import', '"NATIVE"')],
    },
  ]),

  ...casesFor('OIT015', [
    {
      title: 'EMULATED is known to every provider version',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.vmdk')), { launchMode: LaunchMode.EMULATED }); },
      expected: [],
    },
    {
      title: 'ACCELERATEDPV needs provider v8',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.qcow2')), { launchMode: LaunchMode.ACCELERATEDPV }); },
      expected: [warning('Import', '"ACCELERATEDPV"', '8')],
    },
    {
      title: 'a launch mode OCI does not know',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.qcow2')), { launchMode: UNKNOWN_MODE }); },
      expected: [error('Import', '"TURBO"')],
    },
  ]),

  ...casesFor('OIT016', [
    {
      title: 'image of exactly 400 GB',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export({ image: { sizeInGbs: 400 } })))); },
      expected: [],
    },
    {
      title: 'image of 512 GB (size from the source image)',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export({ image: { sizeInGbs: 512 } })))); },
      expected: [error('Import', '512 GB')],
    },
    {
      title: 'image of 1024 GB given on the import',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/big.qcow2')), { sizeInGbs: 1024 }); },
      expected: [error('Import', '1024 GB')],
    },
    {
      title: 'size is a token',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/big.qcow2')), { sizeInGbs: w.numberToken('image_size') }); },
      expected: [notCheckable('Import', 'size', 'token')],
    },
  ]),

  ...casesFor('OIT017', [
    {
      title: 'VMDK exported from OCI',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.VMDK })), { provider: w.phx }); },
      expected: [],
    },
    {
      title: 'BYOI VMDK from outside OCI',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/appliance.vmdk'))); },
      expected: [info('Import', 'VMDK', 'streamOptimized')],
    },
  ]),

  ...casesFor('OIT020', [
    {
      title: 'custom image',
      build: (w) => { w.export({ image: { origin: ImageOrigin.CUSTOM } }); },
      expected: [],
    },
    {
      title: 'platform image',
      build: (w) => { w.export({ image: { origin: ImageOrigin.PLATFORM } }); },
      expected: [error('Export', '"PLATFORM"')],
    },
    {
      title: 'custom image derived from a Marketplace image',
      build: (w) => { w.export({ image: { origin: ImageOrigin.MARKETPLACE_DERIVED } }); },
      expected: [error('Export', '"MARKETPLACE_DERIVED"')],
    },
  ]),
];

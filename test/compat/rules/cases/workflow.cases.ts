/** F-01..F-05: the export → copy → PAR → import workflow. */
import { ExportDestination, ExportFormat, ImageImportType, ImportSource } from '../../../../lib';
import { ASHBURN, casesFor, error, IMAGE_ID, info, notCheckable, objectUrl, parUrl, PHOENIX, RuleCase, warning } from '../harness';

export const workflowCases: RuleCase[] = [
  ...casesFor('OIT001', [
    {
      title: 'export to a bucket in the image region',
      build: (w) => { w.export(); },
      expected: [],
    },
    {
      title: 'export from Phoenix to an Ashburn bucket',
      build: (w) => { w.export({ destination: ExportDestination.toBucket(w.bucket('AshBucket', { provider: w.ash })) }); },
      expected: [error('Export', `"${PHOENIX}"`, `"${ASHBURN}"`)],
      synth: true,
    },
    {
      title: 'export to a URL in another region',
      build: (w) => { w.export({ destination: ExportDestination.toUrl(objectUrl('images/web.oci'), ASHBURN) }); },
      expected: [error('Export', `"${PHOENIX}"`, `"${ASHBURN}"`)],
    },
    {
      title: 'image region is a token',
      build: (w) => { w.export({ image: { region: w.token('image_region') } }); },
      expected: [notCheckable('Export', 'region')],
    },
    {
      title: 'an existing object is not checked (the export happened elsewhere)',
      build: (w) => { w.existing({ region: ASHBURN, image: { imageId: IMAGE_ID, region: PHOENIX } }); },
      expected: [],
    },
  ]),

  ...casesFor('OIT002', [
    {
      title: 'copy from Phoenix to Ashburn',
      build: (w) => { w.copy(w.export()); },
      expected: [],
    },
    {
      title: 'copy within Phoenix',
      build: (w) => { w.copy(w.export(), { provider: w.phx }); },
      expected: [warning('Copy', `"${PHOENIX}"`)],
    },
    {
      title: 'target region is a token',
      build: (w) => { w.copy(w.export(), { provider: w.provider('tokenRegion', { region: w.token('target_region') }) }); },
      expected: [notCheckable('Copy', 'region', 'token')],
    },
    {
      title: 'target provider has no region',
      build: (w) => { w.copy(w.export(), { provider: w.provider('noRegion') }); },
      expected: [notCheckable('Copy', 'target region', 'targetRegion is unset')],
    },
  ]),

  ...casesFor('OIT003', [
    {
      title: 'cross-tenancy import through a PAR',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.export())), { provider: w.other }); },
      expected: [],
    },
    {
      title: 'cross-tenancy import from a PAR URL given as a string',
      build: (w) => { w.import(ImportSource.fromUrl(parUrl('images/web.oci')), { crossTenancy: true }); },
      expected: [],
    },
    {
      title: 'same-tenancy import from a tuple (tenancies compared from the providers)',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'tuple import in another tenancy (providers name different tenancies)',
      build: (w) => { w.import(ImportSource.fromObject(w.export()), { provider: w.other }); },
      expected: [error('Import', 'bucket/object tuple')],
      synth: true,
    },
    {
      title: 'plain object URL declared cross-tenancy',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/web.oci')), { crossTenancy: true }); },
      expected: [error('Import', 'plain object URL')],
    },
    {
      title: 'tenancies cannot be compared (provider without tenancyOcid)',
      build: (w) => { w.import(ImportSource.fromObject(w.export()), { provider: w.provider('noTenancy', { region: ASHBURN }) }); },
      expected: [notCheckable('Import', 'tenancy')],
    },
    {
      title: 'source URL is a token',
      build: (w) => { w.import(ImportSource.fromUrl(w.token('image_url')), { importType: ImageImportType.OCI }); },
      expected: [notCheckable('Import', 'PAR', 'token')],
    },
  ]),

  ...casesFor('OIT004', [
    {
      title: 'PAR on the copy in the import region',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.copy(w.export())))); },
      expected: [],
    },
    {
      title: 'import in Ashburn straight from a Phoenix PAR',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.export()))); },
      expected: [info('Import', `"${ASHBURN}"`, `"${PHOENIX}"`)],
    },
    {
      title: 'cross-tenancy PAR import in another region is the F-03 path, not reported',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.export())), { provider: w.other }); },
      expected: [],
    },
  ]),

  ...casesFor('OIT005', [
    {
      title: 'OCI-format export copied to another region',
      build: (w) => { w.copy(w.export()); },
      expected: [],
    },
    {
      title: 'QCOW2 export imported in the same region without sharing',
      build: (w) => { w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { provider: w.phx }); },
      expected: [],
    },
    {
      title: 'QCOW2 export copied to another region',
      build: (w) => { w.copy(w.export({ format: ExportFormat.QCOW2 })); },
      expected: [warning('Export', '"QCOW2"')],
    },
    {
      title: 'VMDK export shared through a PAR',
      build: (w) => { w.par(w.export({ format: ExportFormat.VMDK })); },
      expected: [warning('Export', '"VMDK"')],
    },
  ]),
];

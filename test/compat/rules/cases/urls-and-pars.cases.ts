/** F-50..F-56: Object Storage URLs, PARs, principals, copies that share a destination. */
import { TerraformOutput } from 'cdktf';
import { AuthMode, ExportDestination, ImageImportType, ImportSource, ParAccessType, ParExpiry, TransitBucket } from '../../../../lib';
import {
  ASHBURN, casesFor, COMPARTMENT, error, hoursFromNow, notCheckable, objectUrl, parUrl, RuleCase, warning,
} from '../harness';

export const urlAndParCases: RuleCase[] = [
  ...casesFor('OIT050', [
    {
      title: 'PAR on an object whose region is a token: realm domain assumed',
      build: (w) => {
        const bucket = TransitBucket.fromBucketName(w.stack, 'TokenBucket', { namespace: 'ns', bucketName: 'b', region: w.token('region') });
        w.par(w.export({ destination: ExportDestination.toBucket(bucket) }));
      },
      expected: [notCheckable('ReadAccess', 'realm', 'realmDomain')],
    },
    {
      title: 'object URL and PAR URL of the right shape',
      build: (w) => {
        w.import(ImportSource.fromUrl(objectUrl('images/a.qcow2')), {}, 'FromObjectUrl');
        w.import(ImportSource.fromUrl(parUrl('images/b.qcow2')), {}, 'FromParUrl');
        w.export({ destination: ExportDestination.toUrl(parUrl(), ASHBURN), objectName: 'images/c.oci' });
      },
      expected: [],
    },
    {
      title: 'a URL that is not Object Storage',
      build: (w) => { w.import(ImportSource.fromUrl('https://images.example.com/golden/web.qcow2')); },
      expected: [error('Import', 'images.example.com')],
      synth: true,
    },
    {
      title: 'an Object Storage URL without the bucket part',
      build: (w) => { w.import(ImportSource.fromUrl(`https://objectstorage.${ASHBURN}.oraclecloud.com/n/ns/o/web.qcow2`)); },
      expected: [error('Import', `objectstorage.${ASHBURN}.oraclecloud.com`)],
    },
    {
      title: 'URL is a token',
      build: (w) => { w.import(ImportSource.fromUrl(w.token('image_url')), { importType: ImageImportType.QCOW2 }); },
      expected: [notCheckable('Import', 'URL', 'token')],
    },
  ]),

  ...casesFor('OIT051', [
    {
      title: 'object-level PAR URL',
      build: (w) => { w.import(ImportSource.fromUrl(parUrl('images/web.oci'))); },
      expected: [],
    },
    {
      title: 'bucket-level PAR URL with no object',
      build: (w) => { w.import(ImportSource.fromUrl(parUrl()), { importType: ImageImportType.OCI }); },
      expected: [error('Import', 'bucket-level PAR', '/o/<object name>')],
    },
  ]),

  ...casesFor('OIT052', [
    {
      title: 'two copies of different exports into one bucket',
      build: (w) => {
        const shared = new TransitBucket(w.stack, 'AshBucket', { compartmentId: COMPARTMENT, provider: w.ash });
        w.copy(w.export({}, 'ExportA'), { destinationBucket: shared }, 'CopyA');
        w.copy(w.export({}, 'ExportB'), { destinationBucket: shared }, 'CopyB');
      },
      expected: [],
    },
    {
      title: 'two copies of one export into one TransitBucket (bucket name is a token)',
      build: (w) => {
        const shared = new TransitBucket(w.stack, 'AshBucket', { compartmentId: COMPARTMENT, provider: w.ash });
        const exported = w.export();
        w.copy(exported, { destinationBucket: shared }, 'CopyA');
        w.copy(exported, { destinationBucket: shared }, 'CopyB');
      },
      expected: [error('CopyB', '"images/case-export-297554e2.oci"', 'case/CopyA')],
    },
    {
      title: 'two copies with the same object name into an existing bucket',
      build: (w) => {
        const existing = TransitBucket.fromBucketName(w.stack, 'Existing', { namespace: 'ns', bucketName: 'golden', provider: w.ash });
        w.copy(w.export({}, 'ExportA'), { destinationBucket: existing, objectName: 'golden.oci' }, 'CopyA');
        w.copy(w.export({}, 'ExportB'), { destinationBucket: existing, objectName: 'golden.oci' }, 'CopyB');
      },
      expected: [error('CopyB', '"golden.oci"', '"golden"')],
    },
  ]),

  ...casesFor('OIT053', [
    {
      title: 'API key export to a bucket and tuple import',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'instance principal import through a PAR',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.copy(w.export()))), { provider: w.provider('ip', { region: ASHBURN, auth: 'InstancePrincipal' }) }); },
      expected: [],
    },
    {
      title: 'instance principal export to a bucket tuple (auth read from the provider)',
      build: (w) => { w.export({ provider: w.provider('ip', { region: 'us-phoenix-1', auth: 'InstancePrincipal' }) }); },
      expected: [error('Export', '"InstancePrincipal"')],
    },
    {
      title: 'federated user importing from a bucket tuple',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export())), { federatedUser: true }); },
      expected: [error('Import', 'federated user')],
    },
    {
      title: 'resource principal importing from a bucket tuple',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export())), { authMode: AuthMode.RESOURCE_PRINCIPAL }); },
      expected: [error('Import', '"ResourcePrincipal"')],
    },
  ]),

  ...casesFor('OIT054', [
    {
      title: 'ObjectRead on one object',
      build: (w) => { w.par(w.export()); },
      expected: [],
    },
    {
      title: 'AnyObjectReadWrite',
      build: (w) => { w.par(w.export(), { accessType: ParAccessType.ANY_OBJECT_READ_WRITE }); },
      expected: [error('ReadAccess', '"AnyObjectReadWrite"')],
    },
    {
      title: 'ObjectRead on the whole bucket',
      build: (w) => { w.par(w.export(), { bucketLevel: true }); },
      expected: [error('ReadAccess', 'bucket-level')],
    },
  ]),

  ...casesFor('OIT055', [
    {
      title: 'absolute expiry three days from now',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.at(hoursFromNow(72)) }); },
      expected: [],
    },
    {
      title: 'expiry that is not RFC 3339',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.at('next tuesday') }); },
      expected: [error('ReadAccess', '"next tuesday"')],
    },
    {
      title: 'expiry in the past',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.at('2020-01-31T12:00:00Z') }); },
      expected: [error('ReadAccess', '"2020-01-31T12:00:00Z"', 'already passed')],
    },
    {
      title: 'expiry is a token',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.at(w.token('par_expiry')) }); },
      expected: [notCheckable('ReadAccess', 'expiry', 'token')],
    },
  ]),

  ...casesFor('OIT057', [
    {
      title: 'expires two days after the apply, import timeout shorter',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.copy(w.export())))); },
      expected: [],
    },
    {
      title: 'PAR valid for 30 days',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.afterDays(30) }); },
      expected: [warning('ReadAccess', 'about 30 days')],
    },
    {
      title: 'absolute expiry 20 days away',
      build: (w) => { w.par(w.export(), { expiry: ParExpiry.at(hoursFromNow(480)) }); },
      expected: [warning('ReadAccess', 'more than 7 days away')],
    },
    {
      title: 'PAR expires before the import can time out',
      build: (w) => { w.import(ImportSource.fromPar(w.par(w.copy(w.export()), { expiry: ParExpiry.afterHours(1) })), { createTimeoutMinutes: 240 }); },
      expected: [warning('Import', '240 min', '60 min')],
    },
  ]),

  ...casesFor('OIT058', [
    {
      title: 'PAR URL from a sensitive variable',
      build: (w) => { w.import(ImportSource.fromUrl(w.token('partner_par_url')), { importType: ImageImportType.OCI }); },
      expected: [],
    },
    {
      title: 'plain object URL written in the program',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/a.oci')), { importType: ImageImportType.OCI }); },
      expected: [],
    },
    {
      title: 'PAR URL written in the program',
      build: (w) => { w.import(ImportSource.fromUrl('https://objectstorage.us-ashburn-1.oraclecloud.com/p/T0k3nSecret/n/ns1/b/b/o/a.oci'), { importType: ImageImportType.OCI }); },
      expected: [warning('Import', '/p/***/', 'sensitive TerraformVariable')],
    },
  ]),

  ...casesFor('OIT056', [
    {
      title: 'PAR URL through addUrlOutput (sensitive)',
      build: (w) => { w.par(w.export()).addUrlOutput('image_par_url'); },
      expected: [],
    },
    {
      title: 'plain output of something else',
      build: (w) => { new TerraformOutput(w.stack, 'image_ocid', { value: w.import(ImportSource.fromObject(w.copy(w.export()))).imageId }); },
      expected: [],
    },
    {
      title: 'PAR URL in a non-sensitive output',
      build: (w) => { new TerraformOutput(w.stack, 'leak', { value: w.par(w.export()).url }); },
      expected: [error('leak', 'PAR URL', 'sensitive')],
      synth: true,
    },
    {
      title: 'PAR access_uri in a non-sensitive output',
      build: (w) => { new TerraformOutput(w.stack, 'leak', { value: w.par(w.export()).par.accessUri }); },
      expected: [error('leak', 'PAR URL')],
    },
  ]),
];

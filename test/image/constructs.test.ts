import { escapeTemplateLiterals } from '../../lib/provider/terraform-attributes';
import { ociCliExportScript } from '../../lib/export/oci-cli-script';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { AuthMode,
  ExportDestination, ExportedImage, ExportFormat, ExportRunner, ImageImportType, ImageObjectCopy, ImageReadAccess, ImportedImage,
  ImportSource, LaunchMode, ParExpiry, TransitBucket,
} from '../../lib';
import { resolveIn, synthJson } from '../support/synth';
import { COMPARTMENT, IMAGE, linuxExport, twoRegions } from './fixtures';

describe('TransitBucket', () => {
  test('is private, takes a KMS key, and expires export objects after 7 days by default', () => {
    const { app, stack, bucket } = twoRegions();
    new TransitBucket(stack, 'Encrypted', { compartmentId: COMPARTMENT, namespace: 'ns1', kmsKeyId: 'ocid1.key.oc1..k', bucketName: 'enc' });
    const json = synthJson(app, stack);
    const buckets = json.resource.oci_objectstorage_bucket;
    expect(Object.values(buckets).map((b: any) => b.access_type)).toEqual(['NoPublicAccess', 'NoPublicAccess']);
    expect((Object.values(buckets) as any[]).find((b) => b.name === 'enc').kms_key_id).toBe('ocid1.key.oc1..k');
    const rules = Object.values(json.resource.oci_objectstorage_object_lifecycle_policy).map((p: any) => p.rules[0]);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ action: 'DELETE', time_amount: '7', time_unit: 'DAYS', object_name_filter: { inclusion_prefixes: ['images/'] } });
    expect(resolveIn(stack, bucket.bucketName)).toMatch(/^\$\{oci_objectstorage_bucket\..*\.name\}$/);
  });

  test('gets no lifecycle rule when a copy lands in it (re-read copies would be re-created, F-81)', () => {
    const { app, stack, phoenix, ashburn, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const target = new TransitBucket(stack, 'Target', { compartmentId: COMPARTMENT, provider: ashburn, namespace: 'ns1' });
    new ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, destinationBucket: target });
    const json = synthJson(app, stack);
    const policies = Object.values(json.resource.oci_objectstorage_object_lifecycle_policy) as any[];
    expect(policies).toHaveLength(1);
    expect(policies[0].bucket).toContain('ExportBucket');
  });

  test('expireObjectsAfterDays: 0 turns expiry off', () => {
    const { app, stack } = twoRegions();
    new TransitBucket(stack, 'Keep', { compartmentId: COMPARTMENT, namespace: 'ns1', expireObjectsAfterDays: 0 });
    const json = synthJson(app, stack);
    expect(Object.keys(json.resource.oci_objectstorage_object_lifecycle_policy)).toHaveLength(1);
  });

  test('reads the namespace with a data source when none is given', () => {
    const { app, stack } = twoRegions();
    new TransitBucket(stack, 'Auto', { compartmentId: COMPARTMENT });
    const json = synthJson(app, stack);
    expect(Object.keys(json.data.oci_objectstorage_namespace)).toHaveLength(1);
  });

  test('buckets on one provider and compartment share one namespace lookup (F-85); another provider or compartment gets its own', () => {
    const { app, stack, phoenix, ashburn } = twoRegions();
    for (const id of ['A', 'B', 'C']) new TransitBucket(stack, id, { compartmentId: COMPARTMENT, provider: ashburn });
    new TransitBucket(stack, 'D', { compartmentId: COMPARTMENT, provider: phoenix });
    new TransitBucket(stack, 'E', { compartmentId: 'ocid1.compartment.oc1..other', provider: phoenix });
    const json = synthJson(app, stack);
    expect(Object.keys(json.data.oci_objectstorage_namespace)).toHaveLength(3);
    const namespaces = new Set(['A', 'B', 'C'].map((id) => (Object.entries<any>(json.resource.oci_objectstorage_bucket).find(([k]) => k.startsWith(`${id}_`))![1]).namespace));
    expect(namespaces.size).toBe(1);
  });
});

describe('ExportedImage', () => {
  test('runs the runner from terraform_data with inputs in the environment and triggers on image, destination and format', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix, { runner: ExportRunner.nodeSdk({ command: 'node runner.js' }), revision: 'r2' });
    const json = synthJson(app, stack);
    const step = exportStep(json);
    const exec = step.provisioner[0]['local-exec'];
    expect(exec.command).toBe('node runner.js');
    expect(exec.environment).toMatchObject({
      OCI_IMAGE_EXPORT_IMAGE_ID: IMAGE, OCI_IMAGE_EXPORT_FORMAT: 'OCI', OCI_IMAGE_EXPORT_REGION: 'us-phoenix-1',
      OCI_IMAGE_EXPORT_NAMESPACE: 'ns1', OCI_IMAGE_EXPORT_OBJECT_NAME: 'images/test-export-41804175.oci', OCI_IMAGE_EXPORT_AUTH: 'ApiKey',
    });
    expect(step.triggers_replace).toMatchObject({ image_id: IMAGE, format: 'OCI', revision: 'r2' });
    expect(step.triggers_replace.destination).toContain('images/test-export-41804175.oci');
    expect(exported.objectName).toBe('images/test-export-41804175.oci');
    expect(exported.region).toBe('us-phoenix-1');
  });

  test('the oci CLI runner writes a constant script into the command; every value, tokens included, goes in the environment', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const image = new TerraformVariable(stack, 'image', { type: 'string' });
    new ExportedImage(stack, 'Export', {
      image: { imageId: image.stringValue }, destination: ExportDestination.toBucket(bucket), provider: phoenix, runner: ExportRunner.ociCli(),
      authMode: AuthMode.SECURITY_TOKEN, configFileProfile: 'ops',
    });
    const json = synthJson(app, stack);
    const exec = exportStep(json).provisioner[0]['local-exec'];
    const command: string = exec.command;
    expect(command).toMatch(/^#!\/bin\/sh/);
    expect(command).toBe(escapeTemplateLiterals(ociCliExportScript()));
    expect(command).not.toContain('var.image');
    expect(exec.environment).toMatchObject({ OCI_IMAGE_EXPORT_IMAGE_ID: '${var.image}', OCI_IMAGE_EXPORT_AUTH: 'SecurityToken', OCI_IMAGE_EXPORT_PROFILE: 'ops' });
    // Every ${ of the script is the shell's, escaped as $${ so Terraform leaves it alone.
    expect(command.replace(/\$\$\{/g, '')).not.toContain('${');
  });

  test('object name follows the format extension', () => {
    const { stack, phoenix, bucket } = twoRegions();
    expect(linuxExport(stack, bucket, phoenix, { format: ExportFormat.QCOW2 }).objectName).toBe('images/test-export-41804175.qcow2');
  });

  test('a PAR destination stays out of the command, the state and the plan (F-55)', () => {
    const { app, stack, phoenix } = twoRegions();
    const par = 'https://objectstorage.us-phoenix-1.oraclecloud.com/p/SeCrEtToKeN/n/ns1/b/transit/o/';
    new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, destination: ExportDestination.toUrl(par, 'us-phoenix-1'), objectName: 'images/x.oci', provider: phoenix,
    });
    const json = synthJson(app, stack);
    const step = exportStep(json);
    const exec = step.provisioner[0]['local-exec'];
    expect(exec.command).not.toContain('SeCrEtToKeN');
    expect(exec.environment.OCI_IMAGE_EXPORT_DESTINATION_URI).toMatch(/^\$\{sensitive\(".*\/o\/images%2Fx\.oci"\)\}$/);
    expect(JSON.stringify(step.triggers_replace)).toMatch(/sha256/);
  });

  test('fromExistingObject creates nothing and feeds a copy', () => {
    const { app, stack, ashburn } = twoRegions();
    const existing = ExportedImage.fromExistingObject(stack, 'Existing', { namespace: 'ns1', bucketName: 'src', objectName: 'a/b.oci', region: 'us-phoenix-1' });
    new ImageObjectCopy(stack, 'Copy', { source: existing, provider: ashburn, compartmentId: COMPARTMENT });
    const json = synthJson(app, stack);
    expect(json.resource.terraform_data).toBeUndefined();
    const copy = Object.values(json.resource.oci_objectstorage_object)[0] as any;
    expect(copy.source_uri_details).toEqual({ region: 'us-phoenix-1', namespace: 'ns1', bucket: 'src', object: 'a/b.oci' });
  });
});

describe('ImageObjectCopy', () => {
  test('copies on the target provider, waits for the export, and has a long create timeout', () => {
    const { app, stack, phoenix, ashburn, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const copy = new ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, compartmentId: COMPARTMENT });
    const json = synthJson(app, stack);
    const object = json.resource.oci_objectstorage_object[Object.keys(json.resource.oci_objectstorage_object)[0]];
    expect(object.provider).toBe('oci.iad');
    expect(object.timeouts).toEqual({ create: '480m' });
    expect(object.depends_on[0]).toMatch(/^terraform_data\./);
    expect(object.source_uri_details.region).toBe('us-phoenix-1');
    // Only the source-version trigger (test/image/source-version.test.ts): nothing ignored, nothing else.
    expect(object.lifecycle).toEqual({ replace_triggered_by: ['terraform_data.SourceVersion-test-Export'] });
    expect(copy.region).toBe('us-ashburn-1');
    expect(copy.objectName).toBe(exported.objectName);
  });
});

describe('ImageReadAccess', () => {
  test('ObjectRead on one object, duration captured once at apply, URL sensitive', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const access = new ImageReadAccess(stack, 'Share', { object: exported, expiry: ParExpiry.afterDays(2) });
    access.addUrlOutput('par_url');
    const json = synthJson(app, stack);
    const par = Object.values(json.resource.oci_objectstorage_preauthrequest)[0] as any;
    expect(par).toMatchObject({ access_type: 'ObjectRead', object_name: 'images/test-export-41804175.oci', provider: 'oci.phx' });
    const expiry = (Object.entries(json.resource.terraform_data) as [string, any][]).find(([k]) => k.includes('Expiry'))![1];
    expect(expiry.input).toBe('${timeadd(timestamp(), "48h")}');
    expect(expiry.lifecycle.ignore_changes).toEqual(['input']);
    expect(par.time_expires).toMatch(/^\$\{terraform_data\..*\.output\}$/);
    expect(json.output.par_url).toMatchObject({ sensitive: true });
    expect(json.output.par_url.value).toMatch(/^\$\{sensitive\("https:\/\/objectstorage\.us-phoenix-1\.oraclecloud\.com\$\{oci_objectstorage_preauthrequest\..*\.access_uri\}"\)\}$/);
  });

  test('an absolute expiry goes straight into time_expires; other realms get their domain', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const access = new ImageReadAccess(stack, 'Share', { object: exported, expiry: ParExpiry.at('2099-01-01T00:00:00Z'), realmDomain: 'oraclegovcloud.com' });
    const json = synthJson(app, stack);
    const par = Object.values(json.resource.oci_objectstorage_preauthrequest)[0] as any;
    expect(par.time_expires).toBe('2099-01-01T00:00:00Z');
    expect(resolveIn(stack, access.url)).toContain('objectstorage.us-phoenix-1.oraclegovcloud.com');
  });

  test('a bucket-level PAR URL gets /o/<object> appended (F-52)', () => {
    const { stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const access = new ImageReadAccess(stack, 'Share', { object: exported, expiry: ParExpiry.afterHours(6), bucketLevel: true });
    expect(resolveIn(stack, access.url)).toContain('/o/images%2Ftest-export-41804175.oci');
  });
});

describe('ImportedImage', () => {
  test('OCI import from a copy: tuple source, no launch mode, no source_image_type (F-12, F-13), source changes ignored (F-61)', () => {
    const { app, stack, phoenix, ashburn, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix);
    const copy = new ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, compartmentId: COMPARTMENT });
    new ImportedImage(stack, 'Import', {
      compartmentId: COMPARTMENT, source: ImportSource.fromObject(copy), provider: ashburn, compatibleShapes: ['VM.Standard2.1', 'VM.Standard2.2'],
      capabilitySchema: { globalSchemaVersionName: 'v1', schemaData: { 'Compute.Firmware': JSON.stringify({ values: ['UEFI_64'] }) } },
      freeformTags: { team: 'x' }, definedTags: { 'Ops.owner': 'y' },
    });
    const json = synthJson(app, stack);
    const image = Object.values(json.resource.oci_core_image)[0] as any;
    expect(image.launch_mode).toBeUndefined();
    expect(image.image_source_details.namespace_name).toMatch(/data\.oci_objectstorage_namespace\.ObjectStorageNamespace-iad\.namespace/);
    expect(image.image_source_details).toMatchObject({ source_type: 'objectStorageTuple', object_name: 'images/test-export-41804175.oci', operating_system: 'Oracle Linux' });
    expect(image.image_source_details.source_image_type).toBeUndefined();
    expect(image.lifecycle.ignore_changes).toEqual(['image_source_details']);
    expect(image.timeouts).toEqual({ create: '180m' });
    expect(image.depends_on[0]).toMatch(/^oci_objectstorage_object\./);
    expect(Object.keys(json.resource.oci_core_shape_management)).toHaveLength(2);
    expect(Object.values(json.resource.oci_core_compute_image_capability_schema)[0]).toMatchObject({ compute_global_image_capability_schema_version_name: 'v1' });
  });

  test('a QCOW2 exported from OCI defaults to NATIVE; a foreign QCOW2 to PARAVIRTUALIZED (F-12)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix, { format: ExportFormat.QCOW2 });
    const fromOci = new ImportedImage(stack, 'FromOci', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(exported) });
    const url = new TerraformVariable(stack, 'url', { type: 'string', sensitive: true });
    const foreign = new ImportedImage(stack, 'Foreign', { compartmentId: COMPARTMENT, source: ImportSource.fromUrl(url.stringValue), importType: ImageImportType.QCOW2 });
    const json = synthJson(app, stack);
    const images = json.resource.oci_core_image;
    const byPath = (p: string) => (Object.values(images) as any[]).find((i) => i['//'].metadata.path.includes(p));
    expect(byPath('FromOci').launch_mode).toBe('NATIVE');
    expect(byPath('FromOci').image_source_details.source_image_type).toBe('QCOW2');
    expect(byPath('Foreign').launch_mode).toBe('PARAVIRTUALIZED');
    // A value we cannot see may be a PAR: it is kept sensitive (F-55).
    expect(byPath('Foreign').image_source_details).toMatchObject({ source_type: 'objectStorageUri', source_uri: '${sensitive(var.url)}' });
    expect(fromOci.imageId).toBeDefined();
    expect(foreign.imageId).toBeDefined();
  });

  test('the import type follows the URL extension for BYOI (.vmdk → VMDK)', () => {
    const { app, stack } = twoRegions();
    new ImportedImage(stack, 'Vmdk', {
      compartmentId: COMPARTMENT, source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns1/b/b/o/disk.vmdk'),
      launchMode: LaunchMode.EMULATED, operatingSystem: 'Oracle Linux', operatingSystemVersion: '9',
    });
    const image = Object.values(synthJson(app, stack).resource.oci_core_image)[0] as any;
    expect(image.image_source_details.source_image_type).toBe('VMDK');
    expect(image.launch_mode).toBe('EMULATED');
  });

  test('a retained import keeps its address and drops image_source_details', () => {
    const { app, stack } = twoRegions();
    new ImportedImage(stack, 'Kept', { compartmentId: COMPARTMENT, source: ImportSource.retained(), displayName: 'kept' });
    const image = Object.values(synthJson(app, stack).resource.oci_core_image)[0] as any;
    expect(image.image_source_details).toBeUndefined();
    expect(image.lifecycle.ignore_changes).toEqual(['image_source_details']);
  });

  test('a Windows version carries the edition as the console writes it', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const { WindowsEdition } = jest.requireActual('../../lib');
    const exported = new ExportedImage(stack, 'Win', {
      image: { imageId: IMAGE, operatingSystem: 'Windows', operatingSystemVersion: '2019', windowsEdition: WindowsEdition.DATACENTER },
      destination: ExportDestination.toBucket(bucket), provider: phoenix,
    });
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(exported), windowsRealTimeIsUniversalSet: true });
    new TerraformOutput(stack, 'x', { value: 'y' });
    const image = Object.values(synthJson(app, stack).resource.oci_core_image)[0] as any;
    expect(image.image_source_details.operating_system_version).toBe('Server 2019 Datacenter');
  });
});

/** The export step (ExportedImage also adds its teardown, another terraform_data). */
function exportStep(json: any): any {
  return (Object.entries(json.resource.terraform_data) as [string, any][]).find(([k]) => k.includes('ExportStep'))![1];
}

import { TerraformStack } from 'cdktf';
import {
  CoreComputeImageCapabilitySchema, CoreImage, CoreShapeManagement, DataOciCoreImage, DataOciObjectstorageNamespace,
  DataOciObjectstorageObjectHead, IdentityPolicy, ObjectstorageBucket, ObjectstorageObject, ObjectstorageObjectLifecyclePolicy,
  ObjectstoragePreauthrequest, OciProvider,
} from '../../lib/provider';
import { checkProviderSchema, newApp, synthJson } from '../support/synth';

function everyBinding() {
  const app = newApp();
  const stack = new TerraformStack(app, 'bindings');
  const provider = new OciProvider(stack, 'phx', {
    alias: 'phx', region: 'us-phoenix-1', auth: 'ApiKey', configFileProfile: 'DEFAULT', tenancyOcid: 'ocid1.tenancy.oc1..aaa',
    userOcid: 'ocid1.user.oc1..bbb', fingerprint: 'aa:bb', privateKeyPath: '~/.oci/key.pem', retryDurationSeconds: 60,
    disableAutoRetries: false, ignoreDefinedTags: ['Oracle-Tags.CreatedBy'],
  });
  const ns = new DataOciObjectstorageNamespace(stack, 'ns', { provider, compartmentId: 'ocid1.compartment.oc1..c' });
  const bucket = new ObjectstorageBucket(stack, 'bucket', {
    provider, compartmentId: 'ocid1.compartment.oc1..c', name: 'transit', namespaceName: ns.namespaceName, accessType: 'NoPublicAccess',
    kmsKeyId: 'ocid1.key.oc1..k', versioning: 'Disabled', freeformTags: { 'Team-Name': 'x', camelKey: 'y' },
    definedTags: { 'Ops.CostCenter': '42' },
  });
  new ObjectstorageObjectLifecyclePolicy(stack, 'lifecycle', {
    provider, bucket: bucket.name, namespaceName: ns.namespaceName,
    rules: [{ action: 'DELETE', isEnabled: true, name: 'expire', target: 'objects', timeAmount: '7', timeUnit: 'DAYS',
      objectNameFilter: { inclusionPrefixes: ['images/'] } }],
  });
  const copy = new ObjectstorageObject(stack, 'copy', {
    provider, bucket: bucket.name, namespaceName: ns.namespaceName, objectName: 'images/a.oci',
    sourceUriDetails: { region: 'us-ashburn-1', namespaceName: 'ns', bucket: 'src', objectName: 'images/a.oci' },
    timeouts: { create: '6h' }, metadata: { 'source-Image': 'x' },
  });
  const par = new ObjectstoragePreauthrequest(stack, 'par', {
    provider, accessType: 'ObjectRead', bucket: bucket.name, namespaceName: ns.namespaceName, name: 'share',
    objectName: copy.objectName, timeExpires: '2030-01-01T00:00:00Z',
  });
  const image = new CoreImage(stack, 'image', {
    provider, compartmentId: 'ocid1.compartment.oc1..c', displayName: 'img', launchMode: 'PARAVIRTUALIZED',
    imageSourceDetails: { sourceType: 'objectStorageUri', sourceUri: par.accessUri, sourceImageType: 'QCOW2', operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    timeouts: { create: '2h' }, freeformTags: { KeepCase: 'yes' },
    lifecycle: { ignoreChanges: ['image_source_details'] },
  });
  new CoreShapeManagement(stack, 'shape', { provider, compartmentId: 'ocid1.compartment.oc1..c', imageId: image.id, shapeName: 'VM.Standard.E4.Flex' });
  new CoreComputeImageCapabilitySchema(stack, 'caps', {
    provider, compartmentId: 'ocid1.compartment.oc1..c', imageId: image.id, computeGlobalImageCapabilitySchemaVersionName: 'v1',
    schemaData: { 'Compute.Firmware': JSON.stringify({ descriptorType: 'enumstring', values: ['UEFI_64'], defaultValue: 'UEFI_64', source: 'IMAGE' }) },
  });
  new IdentityPolicy(stack, 'policy', { provider, compartmentId: 'ocid1.tenancy.oc1..aaa', name: 'p', description: 'd', statements: ['Allow service objectstorage-us-phoenix-1 to manage object-family in tenancy'] });
  new DataOciObjectstorageObjectHead(stack, 'head', { provider, bucket: 'b', namespaceName: 'n', objectName: 'o' });
  new DataOciCoreImage(stack, 'src', { provider, imageId: 'ocid1.image.oc1.phx.x' });
  return { app, stack };
}

describe('L1 bindings', () => {
  test('synthesize attribute names and blocks of the oracle/oci schema', () => {
    const { app, stack } = everyBinding();
    const json = synthJson(app, stack);
    expect(json.terraform.required_providers.oci).toEqual({ source: 'oracle/oci', version: '>= 7.27.0, < 9.0.0' });
    expect(json.provider.oci[0]).toMatchObject({ alias: 'phx', region: 'us-phoenix-1', tenancy_ocid: 'ocid1.tenancy.oc1..aaa', private_key_path: '~/.oci/key.pem' });
    const copy = json.resource.oci_objectstorage_object.copy;
    expect(copy.source_uri_details).toEqual({ region: 'us-ashburn-1', namespace: 'ns', bucket: 'src', object: 'images/a.oci' });
    expect(copy.timeouts).toEqual({ create: '6h' });
    expect(copy.provider).toBe('oci.phx');
    // Map keys are the user's: never renamed.
    expect(json.resource.oci_objectstorage_bucket.bucket.freeform_tags).toEqual({ 'Team-Name': 'x', camelKey: 'y' });
    expect(json.resource.oci_core_image.image.freeform_tags).toEqual({ KeepCase: 'yes' });
    expect(json.resource.oci_core_image.image.lifecycle.ignore_changes).toEqual(['image_source_details']);
    expect(Object.keys(json.resource.oci_core_compute_image_capability_schema.caps.schema_data)).toEqual(['Compute.Firmware']);
    expect(json.resource.oci_objectstorage_object_lifecycle_policy.lifecycle.rules[0].object_name_filter).toEqual({ inclusion_prefixes: ['images/'] });
  });

  test('every binding passes the provider schema checker', () => {
    const { app } = everyBinding();
    app.synth();
    const result = checkProviderSchema(app.outdir);
    if (!result) return console.warn('../shared absent: schema check skipped');
    expect(result.output).toMatch(/, 0 error\(s\)/);
    expect(result.ok).toBe(true);
  });

  test('a user-supplied TerraformProvider is accepted as provider', () => {
    const { TerraformProvider } = jest.requireActual('cdktf');
    class TheirOciProvider extends TerraformProvider {
      constructor(scope: any, id: string) { super(scope, id, { terraformResourceType: 'oci', terraformProviderSource: 'oracle/oci', terraformGeneratorMetadata: { providerName: 'oci' } }); }
      get alias() { return 'theirs'; }
    }
    const app = newApp();
    const stack = new TerraformStack(app, 's');
    const provider = new TheirOciProvider(stack, 'p');
    new ObjectstorageBucket(stack, 'b', { provider, compartmentId: 'c', name: 'n', namespaceName: 'ns' });
    const json = synthJson(app, stack);
    expect(json.resource.oci_objectstorage_bucket.b.provider).toBe('oci.theirs');
  });
});

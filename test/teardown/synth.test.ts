/**
 * What the teardown looks like in the synthesized Terraform JSON: its
 * destroy provisioner reads only `self`, no secret is stored, and the
 * dependency order empties the bucket (and keeps the lifecycle policy)
 * until the objects are gone.
 */
import { createHash } from 'crypto';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ExportDestination, ExportedImage, ImageObjectCopy, ImageReplication, OciProvider, TransitBucket } from '../../lib';
import { DESTINATION_URI_ENV } from '../../lib/export/runner-contract';
import { withoutParToken } from '../../lib/image/export-teardown';
import { newApp, synthJson } from '../support/synth';

const IMAGE = 'ocid1.image.oc1.eu-frankfurt-1.aaaaexample';
const PAR = 'https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/SeCrEtPaRtOkEn/n/ns1/b/transit/o/images%2Fapp.oci';

function single(json: any, type: string, idPart: string): [string, any] {
  const hits = Object.entries(json.resource[type] ?? {}).filter(([k]) => k.includes(idPart));
  expect(hits).toHaveLength(1);
  return hits[0] as [string, any];
}

test('a bucket export: teardown with a destroy provisioner on self, ordered after the lifecycle policy and before the bucket', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'tear');
  new OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
  const bucket = new TransitBucket(stack, 'Bucket', { compartmentId: 'ocid1.compartment.oc1..c', namespaceName: 'ns1', region: 'eu-frankfurt-1' });
  new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'eu-frankfurt-1' }, destination: ExportDestination.toBucket(bucket) });
  const json = synthJson(app, stack);

  const [teardownId, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  const [, step] = single(json, 'terraform_data', 'Export_ExportStep');
  const [policyId] = single(json, 'oci_objectstorage_object_lifecycle_policy', 'Bucket');
  const [bucketId] = single(json, 'oci_objectstorage_bucket', 'Bucket');

  expect(teardown.provisioner).toEqual([{ 'local-exec': { when: 'destroy', command: 'npx --no-install oci-image-export', environment: '${self.output}' } }]);
  expect(teardown.input).toMatchObject({
    OCI_IMAGE_EXPORT_MODE: 'cleanup',
    OCI_IMAGE_EXPORT_IMAGE_ID: IMAGE,
    OCI_IMAGE_EXPORT_NAMESPACE: 'ns1',
    OCI_IMAGE_EXPORT_BUCKET: `\${oci_objectstorage_bucket.${bucketId}.name}`,
    // The default object name carries 8 hex of sha256(image OCID) (names.ts), the same as the step's.
    OCI_IMAGE_EXPORT_OBJECT_NAME: `images/tear-export-${createHash('sha256').update(IMAGE).digest('hex').slice(0, 8)}.oci`,
    OCI_IMAGE_EXPORT_TIMEOUT_MINUTES: '15',
  });
  expect(teardown.input.OCI_IMAGE_EXPORT_OBJECT_NAME).toBe(step.provisioner[0]['local-exec'].environment.OCI_IMAGE_EXPORT_OBJECT_NAME);
  expect(teardown.triggers_replace).toEqual(step.triggers_replace);
  // step -> teardown -> policy, bucket: destroyed in the reverse order.
  expect(step.depends_on).toEqual([`terraform_data.${teardownId}`]);
  expect(teardown.depends_on).toEqual([`oci_objectstorage_object_lifecycle_policy.${policyId}`]);
});

test('a PAR destination: the stored input keeps the object URL without the PAR token', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'par');
  const url = new TerraformVariable(stack, 'par_url', { type: 'string', sensitive: true }).stringValue;
  new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'eu-frankfurt-1' }, destination: ExportDestination.toUrl(url, 'eu-frankfurt-1') });
  const json = synthJson(app, stack);
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.input[DESTINATION_URI_ENV]).toBe('${replace(var.par_url, "/^([A-Za-z]+://[^/]+)[/]p[/][^/]+[/]/", "$1/")}');
  expect(withoutParToken(PAR)).toBe('https://objectstorage.eu-frankfurt-1.oraclecloud.com/n/ns1/b/transit/o/images%2Fapp.oci');
});

test('a literal PAR URL never reaches the teardown input (state) or its provisioner', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'literal');
  new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'eu-frankfurt-1' }, destination: ExportDestination.toUrl(PAR) });
  const json = synthJson(app, stack);
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  // triggers_replace repeats the step's: a sha256() of the URL, which is all the state keeps.
  expect(JSON.stringify([teardown.input, teardown.provisioner])).not.toContain('SeCrEtPaRtOkEn');
  expect(teardown.input[DESTINATION_URI_ENV]).toBe(withoutParToken(PAR));
});

test('a bucket from fromBucketAttributes: the teardown names only the object the export writes', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'foreign');
  const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns1', bucketName: 'theirs', region: 'eu-frankfurt-1' });
  new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'eu-frankfurt-1' }, destination: ExportDestination.toBucket(bucket), objectName: 'images/mine.oci' });
  const json = synthJson(app, stack);
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.input).toMatchObject({ OCI_IMAGE_EXPORT_BUCKET: 'theirs', OCI_IMAGE_EXPORT_OBJECT_NAME: 'images/mine.oci' });
  expect(teardown.depends_on).toBeUndefined();
});

test('literal ${ in runner command and environment is escaped for Terraform', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'esc');
  const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns1', bucketName: 'b', region: 'eu-frankfurt-1' });
  new ExportedImage(stack, 'Export', {
    image: { imageId: IMAGE, region: 'eu-frankfurt-1' }, destination: ExportDestination.toBucket(bucket), objectName: 'images/a${b}%{c}.oci',
    runner: (require('../../lib') as typeof import('../../lib')).ExportRunner.nodeSdk({ command: 'run ${HOME}', environment: { X: '${y}' } }),
  });
  const json = synthJson(app, stack);
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.provisioner[0]['local-exec'].command).toBe('run $${HOME}');
  expect(teardown.input.X).toBe('$${y}');
  expect(teardown.input.OCI_IMAGE_EXPORT_OBJECT_NAME).toBe('images/a$${b}%%{c}.oci');
});

test('retired: the teardown keeps its address with count 0, the export step and transit resources are gone, images stay', () => {
  const build = (retired: boolean) => {
    const app = newApp();
    const stack = new TerraformStack(app, 'rollout');
    new ImageReplication(stack, 'R', {
      rolloutName: 'app-v1', retired,
      source: { imageId: IMAGE, region: 'eu-frankfurt-1', compartmentId: 'ocid1.compartment.oc1..c' },
      targets: [{ region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..t' }],
    });
    return synthJson(app, stack);
  };
  const live = build(false);
  const retired = build(true);
  const [liveId, liveTeardown] = single(live, 'terraform_data', 'Export_Cleanup');
  const [retiredId, retiredTeardown] = single(retired, 'terraform_data', 'Export_Cleanup');
  expect(retiredId).toBe(liveId);
  expect({ ...retiredTeardown, '//': undefined }).toEqual({ '//': undefined, count: 0, provisioner: liveTeardown.provisioner });
  expect(Object.keys(retired.resource.terraform_data).filter((k) => k.includes('ExportStep'))).toEqual([]);
  expect(retired.resource.oci_objectstorage_bucket).toBeUndefined();
  expect(Object.keys(retired.resource.oci_core_image)).toEqual(Object.keys(live.resource.oci_core_image));
});

test('a copy into a bucket with an expiry rule depends on the rule, so the rule outlives the copy at destroy', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'copy');
  const phoenix = new OciProvider(stack, 'phx', { region: 'us-phoenix-1', alias: 'phx' });
  const ashburn = new OciProvider(stack, 'iad', { region: 'us-ashburn-1', alias: 'iad' });
  const source = TransitBucket.fromBucketAttributes(stack, 'Src', { namespaceName: 'ns1', bucketName: 'src', region: 'us-phoenix-1', provider: phoenix });
  const exported = new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'us-phoenix-1' }, destination: ExportDestination.toBucket(source), provider: phoenix });
  const target = new TransitBucket(stack, 'Dst', { compartmentId: 'ocid1.compartment.oc1..c', namespaceName: 'ns1', provider: ashburn, region: 'us-ashburn-1', expireObjectsAfterDays: 3 });
  new ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, destinationBucket: target, createTimeoutMinutes: 60 });
  const json = synthJson(app, stack);
  const [policyId] = single(json, 'oci_objectstorage_object_lifecycle_policy', 'Dst');
  const [, copy] = single(json, 'oci_objectstorage_object', 'Copy');
  expect(copy.depends_on).toContain(`oci_objectstorage_object_lifecycle_policy.${policyId}`);
});

/** A one-target rollout with its IAM policy, synthesized. */
function synthIamRollout(): any {
  const app = newApp();
  const stack = new TerraformStack(app, 'iam');
  new ImageReplication(stack, 'R', {
    rolloutName: 'app-v1', iam: { policyCompartmentId: 'ocid1.tenancy.oc1..t', principal: 'image-publishers' },
    source: { imageId: IMAGE, region: 'eu-frankfurt-1', compartmentId: 'ocid1.compartment.oc1..c' },
    targets: [{ region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..t' }],
  });
  const json = synthJson(app, stack);
  return json;
}

test('with iam, the export teardown depends on the rollout policy, which lets it delete the object at destroy', () => {
  const json = synthIamRollout();
  const [policyId] = single(json, 'oci_identity_policy', 'RolloutPolicy');
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.depends_on).toContain(`oci_identity_policy.${policyId}`);
});

test('with iam, the export teardown lists the rollout policy first and the lifecycle policy last', () => {
  const json = synthIamRollout();
  const [policyId] = single(json, 'oci_identity_policy', 'RolloutPolicy');
  const [lifecycleId] = single(json, 'oci_objectstorage_object_lifecycle_policy', 'ExportBucket');
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.depends_on).toEqual([`oci_identity_policy.${policyId}`, `oci_objectstorage_object_lifecycle_policy.${lifecycleId}`]);
});

test('a copy landing in the export bucket after the export drops the expiry, and the teardown no longer names it', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'late');
  const phoenix = new OciProvider(stack, 'phx', { region: 'us-phoenix-1', alias: 'phx' });
  const bucket = new TransitBucket(stack, 'Bucket', { compartmentId: 'ocid1.compartment.oc1..c', namespaceName: 'ns1', provider: phoenix });
  const exported = new ExportedImage(stack, 'Export', { image: { imageId: IMAGE, region: 'us-phoenix-1' }, destination: ExportDestination.toBucket(bucket), provider: phoenix });
  new ImageObjectCopy(stack, 'Copy', { source: exported, provider: phoenix, destinationBucket: bucket, objectName: 'images/copy.oci' });
  const json = synthJson(app, stack);
  expect(json.resource.oci_objectstorage_object_lifecycle_policy).toBeUndefined();
  const [, teardown] = single(json, 'terraform_data', 'Export_Cleanup');
  expect(teardown.depends_on).toBeUndefined();
});

test('Testing.synth shows the lifecycle policy too (it is made with the bucket, not at app synth)', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'unit');
  new TransitBucket(stack, 'Bucket', { compartmentId: 'ocid1.compartment.oc1..c', namespaceName: 'ns1', region: 'eu-frankfurt-1' });
  const json = JSON.parse(Testing.synth(stack));
  const policies = Object.values(json.resource.oci_objectstorage_object_lifecycle_policy ?? {}) as any[];
  expect(policies.map((p) => p.rules[0].time_amount)).toEqual(['7']);
});

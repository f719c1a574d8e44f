/**
 * Teardown with a real `terraform` (builtin resources only, no provider
 * download): the export step and its teardown run the runner against the
 * fake OCI endpoint, and a stand-in for the bucket deletes the bucket at
 * destroy with a signed DeleteBucket, which the fake refuses with 409
 * BucketNotEmpty while any object remains, as OCI does. So a destroy that
 * succeeds proves the bucket was empty when DeleteBucket ran.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ExportDestination, ExportedImage, ExportRunner, ImageReplication, ITransitBucket, PlanTimeChecks } from '../../lib';
import { TEST_TIMING_CONTEXT } from '../../lib/image/export-timing';
import { TerraformData } from '../../lib/provider/terraform-data';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { RunResult } from '../support/process';
import { describeWithTerraform, terraform as runTerraform } from '../support/terraform';
import { REPO_ROOT, cliShellCommand, shellQuote } from '../support/runner-cli';
import { Harness, NS, REGION } from '../export/harness';

jest.setTimeout(120_000);

let h: Harness;
const outputs: string[] = [];
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

/** `oci_objectstorage_bucket` stand-in: a builtin resource whose destroy is a real, signed DeleteBucket. */
class StandInBucket extends Construct implements ITransitBucket {
  public readonly namespaceName = NS;
  public readonly bucketName: string;
  public readonly region = REGION;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, name: string) {
    super(scope, id);
    const resource = new TerraformData(this, 'Resource', {
      input: name,
      provisioners: [{
        type: 'local-exec',
        when: 'destroy',
        command: `node ${shellQuote(join(__dirname, 'delete-bucket.js'))}`,
        environment: { CONFIG_FILE: h.creds.configFile, ENDPOINT: h.url, NAMESPACE: NS, BUCKET: name, SDK_DIR: join(REPO_ROOT, 'node_modules') },
      } as any],
    });
    this.bucketName = resource.output;
  }

  /** No lifecycle policy here: nothing to drop or to order after. */
  public registerCopy(_copy: IConstruct): void {
    return;
  }

  public registerObjectWriter(_writer: TerraformResource): void {
    return;
  }
}

/** The runner command with the fake's endpoints and the test credentials as flags (flags win over the step's environment). */
function runnerCommand(): string {
  return cliShellCommand(['--config-file', h.creds.configFile, '--compute-endpoint', h.url, '--object-storage-endpoint', h.url, '--poll-seconds', '0.05']);
}

interface Workspace { dir: string; bucket: string }

function workspace(bucket: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'oci-teardown-tf-'));
  h.tempDirs.push(dir);
  return { dir, bucket };
}

/** Synthesizes `build` and writes only the builtin resources (what runs without a provider). */
function write(ws: Workspace, build: (stack: TerraformStack, bucket: StandInBucket) => void, patch?: (json: any) => void): void {
  // Polls of milliseconds against the fake: only the internal test context allows them (export-timing.ts).
  const app = new App({ outdir: join(ws.dir, 'cdktf.out'), context: { [TEST_TIMING_CONTEXT]: true } });
  const stack = new TerraformStack(app, 'teardown');
  build(stack, new StandInBucket(stack, 'Bucket', ws.bucket));
  app.synth();
  const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'teardown', 'cdk.tf.json'), 'utf8'));
  const out = { terraform: {}, resource: { terraform_data: json.resource.terraform_data } };
  patch?.(out);
  writeFileSync(join(ws.dir, 'main.tf.json'), JSON.stringify(out, null, 2));
}

function exportProgram(ws: Workspace, imageId: string, opts: { timeoutMinutes?: number; patch?: (json: any) => void } = {}): void {
  write(ws, (stack, bucket) => {
    new ExportedImage(stack, 'Export', {
      image: { imageId, region: REGION }, destination: ExportDestination.toBucket(bucket), objectName: 'images/app.oci',
      runner: ExportRunner.nodeSdk({ command: runnerCommand() }), pollSeconds: 0.05, timeoutMinutes: opts.timeoutMinutes ?? 1,
    });
  }, opts.patch);
}

async function terraform(ws: Workspace, ...args: string[]): Promise<RunResult> {
  const r = await runTerraform(ws.dir, args);
  outputs.push(r.stdout, r.stderr);
  return r;
}

const objectsIn = (bucket: string) => h.objectsIn(bucket);
const deleteBucketAnswers = (bucket: string) => h.calls('DeleteBucket').filter((c) => c.path.endsWith(`/b/${bucket}`)).map((c) => c.status);
const markerImage = (bucket: string) => h.object('images/app.oci.export.json', bucket)?.meta['oci-image-export-image-id'];

describeWithTerraform('terraform destroy with the export teardown', () => {
  test('apply then destroy: the object and marker are deleted before the bucket, nothing is left', async () => {
    const ws = workspace('td-basic');
    const image = h.image({ exportPolls: 1 });
    exportProgram(ws, image.id);
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    expect(objectsIn(ws.bucket)).toEqual(['images/app.oci', 'images/app.oci.export.json']);

    const destroy = await terraform(ws, 'destroy', '-auto-approve');
    expect(destroy.stderr).toBe('');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/Export_Cleanup_\w+ \(local-exec\): oci-image-export: deleted images\/app\.oci\n/);
    const out = destroy.stdout;
    expect(out.search(/Bucket_[0-9A-F]+: Destroying/)).toBeGreaterThan(out.indexOf('oci-image-export: cleanup done'));
    expect(objectsIn(ws.bucket)).toEqual([]);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([204]);
    expect(JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8')).resources).toEqual([]);
  });

  test('without the teardown the same destroy fails with 409 BucketNotEmpty (the stand-in is faithful)', async () => {
    const ws = workspace('td-control');
    const image = h.image({ exportPolls: 1 });
    exportProgram(ws, image.id, { patch: (json) => {
      for (const [k, r] of Object.entries<any>(json.resource.terraform_data)) if (k.includes('Export_Cleanup')) delete r.provisioner;
    } });
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    const destroy = await terraform(ws, 'destroy', '-auto-approve');
    expect(destroy.code).toBe(1);
    expect(destroy.stderr).toMatch(/DeleteBucket failed: 409 BucketNotEmpty/);
    for (const name of objectsIn(ws.bucket)) h.deleteObject(name, ws.bucket);
    expect((await terraform(ws, 'destroy', '-auto-approve')).code).toBe(0);
  });

  test('destroy after a failed apply: the export timed out, OCI wrote the object later, destroy still removes it', async () => {
    const ws = workspace('td-failed');
    const image = h.image({ exportOutcome: 'never' });
    exportProgram(ws, image.id, { timeoutMinutes: 0.01 });
    const apply = await terraform(ws, 'apply', '-auto-approve');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/exit\s+status 5/);
    // The accepted export finishes in OCI after the apply gave up.
    h.seedObject('images/app.oci', { bucket: ws.bucket, size: 1 });

    const destroy = await terraform(ws, 'destroy', '-auto-approve');
    expect(destroy.code).toBe(0);
    expect(objectsIn(ws.bucket)).toEqual([]);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([204]);
  });

  test('destroy after the export object expired (lifecycle rule): 404 is success', async () => {
    const ws = workspace('td-expired');
    exportProgram(ws, h.image({ exportPolls: 1 }).id);
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    for (const name of objectsIn(ws.bucket)) h.deleteObject(name, ws.bucket);

    const destroy = await terraform(ws, 'destroy', '-auto-approve');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/images\/app\.oci is already gone \(404 ObjectNotFound/);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([204]);
  });

  test('cleanup answered 429 and 5xx is retried; 409 fails the destroy (exit 7) and a later destroy finishes', async () => {
    const ws = workspace('td-faults');
    exportProgram(ws, h.image({ exportPolls: 1 }).id);
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);

    h.inject('DeleteObject', 409, 1);
    const refused = await terraform(ws, 'destroy', '-auto-approve');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exit\s+status 7/);
    expect(refused.stderr.replace(/\s+/g, ' ')).toMatch(/OCI refused to delete the object \(409 Conflict/);
    expect(objectsIn(ws.bucket)).toHaveLength(2);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([]); // the bucket was not attempted

    h.inject('DeleteObject', 429, 1);
    h.inject('DeleteObject', 503, 1);
    const destroy = await terraform(ws, 'destroy', '-auto-approve');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/output suppressed|DeleteObject: 429/); // retries go to stderr of the provisioner
    expect(objectsIn(ws.bucket)).toEqual([]);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([204]);
  });

  test('a new image replaces the export: the old object is deleted before the new export writes it', async () => {
    const ws = workspace('td-replace');
    const first = h.image({ exportPolls: 1 });
    exportProgram(ws, first.id);
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    const second = h.image({ exportPolls: 1 });
    exportProgram(ws, second.id);
    const before = h.cloud.calls.length;
    const apply = await terraform(ws, 'apply', '-auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Resources: 2 added, 0 changed, 2 destroyed/);
    const ops = h.cloud.calls.slice(before).map((r) => r.operation);
    expect(ops.indexOf('DeleteObject')).toBeGreaterThanOrEqual(0);
    expect(ops.indexOf('DeleteObject')).toBeLessThan(ops.indexOf('ExportImage'));
    expect(markerImage(ws.bucket)).toBe(second.id);
    expect((await terraform(ws, 'destroy', '-auto-approve')).code).toBe(0);
    expect(objectsIn(ws.bucket)).toEqual([]);
  });

  test('with create_before_destroy forced, Terraform skips the replaced teardown (a deposed object): the new export stays intact', async () => {
    const ws = workspace('td-cbd');
    const cbd = (json: any) => {
      for (const r of Object.values<any>(json.resource.terraform_data)) r.lifecycle = { create_before_destroy: true };
    };
    exportProgram(ws, h.image({ exportPolls: 1 }).id, { patch: cbd });
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    const second = h.image({ exportPolls: 1 });
    exportProgram(ws, second.id, { patch: cbd });
    const deletes = h.calls('DeleteObject').length;
    const apply = await terraform(ws, 'apply', '-auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Export_Cleanup_\w+ \(deposed object \w+\): Destroying/);
    // Terraform 1.11 runs no destroy provisioner for a deposed object; were it to, the marker check would keep the new export.
    expect(h.calls('DeleteObject')).toHaveLength(deletes);
    expect(objectsIn(ws.bucket)).toEqual(['images/app.oci', 'images/app.oci.export.json']);
    expect(markerImage(ws.bucket)).toBe(second.id);
    expect((await terraform(ws, 'destroy', '-auto-approve')).code).toBe(0);
    expect(objectsIn(ws.bucket)).toEqual([]);
  });

  test('retired: true removes the export object and marker, a second retired apply changes nothing, destroy empties the rest', async () => {
    const ws = workspace('td-retire');
    const image = h.image({ exportPolls: 1 });
    const rollout = (retired: boolean) => write(ws, (stack, bucket) => {
      // Only builtin stand-ins run here: the plan-time image read (an oci data source) has no stand-in.
      PlanTimeChecks.disable(stack);
      new ImageReplication(stack, 'R', {
        rolloutName: 'app-v1', retired, exportRunnerCommand: runnerCommand(),
        source: { imageId: image.id, region: REGION, compartmentId: 'ocid1.compartment.oc1..c', exportBucket: bucket },
        targets: [{ region: REGION, compartmentId: 'ocid1.compartment.oc1..t', sourceRegionReason: 'import into another compartment' }],
      });
    });
    rollout(false);
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    expect(objectsIn(ws.bucket)).toHaveLength(2);

    rollout(true);
    const retire = await terraform(ws, 'apply', '-auto-approve');
    expect(retire.code).toBe(0);
    expect(retire.stdout).toMatch(/R_Export_ExportStep_\w+ will be destroyed/);
    expect(retire.stdout).toMatch(/R_Export_Cleanup_\w+\[0\] will be destroyed/);
    expect(retire.stdout).toMatch(/Resources: 0 added, 0 changed, \d+ destroyed/);
    expect(objectsIn(ws.bucket)).toEqual([]);

    const again = await terraform(ws, 'apply', '-auto-approve');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Resources: 0 added, 0 changed, 0 destroyed/);
    expect((await terraform(ws, 'destroy', '-auto-approve')).code).toBe(0);
    expect(deleteBucketAnswers(ws.bucket)).toEqual([204]);
  });

  test('retired rollout with its own transit bucket: the teardown runs before the orphaned lifecycle policy and bucket go', async () => {
    const ws = workspace('td-retire-own');
    const image = h.image({ exportPolls: 1 });
    const synth = (retired: boolean): any => {
      const app = new App({ outdir: join(ws.dir, `cdktf.out.${retired}`) });
      const stack = new TerraformStack(app, 'teardown');
      // Only builtin stand-ins run here: the plan-time image read (an oci data source) has no stand-in.
      PlanTimeChecks.disable(stack);
      new ImageReplication(stack, 'R', {
        rolloutName: 'app-v2', retired, exportRunnerCommand: runnerCommand(),
        source: { imageId: image.id, region: REGION, compartmentId: 'ocid1.compartment.oc1..c' },
        targets: [{ region: REGION, compartmentId: 'ocid1.compartment.oc1..t', sourceRegionReason: 'import into another compartment' }],
      });
      app.synth();
      return JSON.parse(readFileSync(join(app.outdir, 'stacks', 'teardown', 'cdk.tf.json'), 'utf8'));
    };
    // The bucket and its lifecycle policy become builtin stand-ins with the same names and references.
    const live = synth(false);
    const [bucketId, bucket] = Object.entries<any>(live.resource.oci_objectstorage_bucket)[0];
    const [policyId] = Object.keys(live.resource.oci_objectstorage_object_lifecycle_policy);
    const text = JSON.stringify(live.resource.terraform_data)
      .replace(/\$\{data\.oci_objectstorage_namespace\.[\w-]+\.namespace\}/g, NS)
      .replace(/\$\{oci_objectstorage_bucket\.(\w+)\.name\}/g, '${terraform_data.$1.output}')
      .replace(/oci_objectstorage_object_lifecycle_policy\.(\w+)/g, 'terraform_data.$1');
    const resources = { ...JSON.parse(text), [bucketId]: { input: bucket.name }, [policyId]: { input: `\${terraform_data.${bucketId}.output}` } };
    writeFileSync(join(ws.dir, 'main.tf.json'), JSON.stringify({ terraform: {}, resource: { terraform_data: resources } }, null, 2));
    expect((await terraform(ws, 'apply', '-auto-approve')).code).toBe(0);
    expect(objectsIn(bucket.name)).toHaveLength(2);

    const retired = synth(true);
    writeFileSync(join(ws.dir, 'main.tf.json'), JSON.stringify({ terraform: {}, resource: { terraform_data: retired.resource.terraform_data } }, null, 2));
    const retire = await terraform(ws, 'apply', '-auto-approve');
    expect(retire.code).toBe(0);
    for (const id of ['R_Export_ExportStep_\\w+', 'R_Export_Cleanup_\\w+\\[0\\]', policyId, bucketId]) {
      expect(retire.stdout).toMatch(new RegExp(`terraform_data\\.${id} will be destroyed`));
    }
    expect(retire.stdout).toMatch(/Resources: 0 added, 0 changed, \d+ destroyed/);
    expect(objectsIn(bucket.name)).toEqual([]);
    const out = retire.stdout;
    const cleaned = out.indexOf('oci-image-export: cleanup done');
    expect(cleaned).toBeGreaterThan(0);
    expect(out.indexOf(`terraform_data.${policyId}: Destroying`)).toBeGreaterThan(cleaned);
    expect(out.indexOf(`terraform_data.${bucketId}: Destroying`)).toBeGreaterThan(out.indexOf(`terraform_data.${policyId}: Destruction complete`));
  });

  test('no key material or fingerprint in any terraform output', () => {
    expect(findSecrets(outputs.join('\n'), secretNeedles(h.creds))).toEqual([]);
  });
});

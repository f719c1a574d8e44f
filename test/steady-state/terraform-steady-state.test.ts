import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  ExportDestination, ExportedImage, ExportRunner, ImageReadAccess, ImportedImage, ImportSource, OciProvider, ParExpiry, TransitBucket,
} from '../../lib';
import { stackFile, tempDir } from '../support/synth';
import { describeWithTerraform } from '../support/terraform';

/**
 * F-80..F-82 with a real terraform 1.11: the builtin parts of a transfer
 * (the export step and the PAR expiry capture) are applied, then planned
 * again after the transit object is gone. Providers cannot be downloaded
 * here, so the oci resources are stripped from the synthesized JSON; what
 * remains is exactly what the constructs emit for the builtin steps.
 */

function builtinOnly(app: App, stack: TerraformStack, dir: string): void {
  const json = JSON.parse(readFileSync(stackFile(app, stack, 'cdk.tf.json'), 'utf8'));
  const out = { terraform: {}, resource: { terraform_data: json.resource.terraform_data } };
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(out, null, 2));
}

function tf(dir: string, args: string[]): { status: number; out: string } {
  const r = spawnSync('terraform', args, {
    cwd: dir, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') },
  });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function program(dir: string, imageId: string) {
  const app = new App({ outdir: join(dir, 'cdktf.out') });
  const stack = new TerraformStack(app, 'steady');
  new OciProvider(stack, 'oci', { region: 'us-phoenix-1' });
  const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns1', bucketName: 'transit', region: 'us-phoenix-1' });
  // The runner stub "exports" by writing the object file and counts its runs.
  const stub = join(dir, 'runner-stub.js');
  const exported = new ExportedImage(stack, 'Export', {
    image: { imageId, region: 'us-phoenix-1', operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    destination: ExportDestination.toBucket(bucket),
    runner: ExportRunner.nodeSdk({ command: `node ${stub}` }),
  });
  const access = new ImageReadAccess(stack, 'Share', { imageObject: exported, expiry: ParExpiry.afterDays(2) });
  new ImportedImage(stack, 'Import', { compartmentId: 'ocid1.compartment.oc1..c', source: ImportSource.fromPar(access), crossTenancy: true });
  app.synth();
  builtinOnly(app, stack, dir);
}

describeWithTerraform('steady state with terraform apply then plan (builtin steps)', () => {
  const dir = tempDir('tf-steady-');
  const objectFile = join(dir, 'object.oci');
  const runsFile = join(dir, 'runs.txt');

  beforeAll(() => {
    writeFileSync(join(dir, 'empty.tfrc'), '');
    writeFileSync(join(dir, 'runner-stub.js'), [
      "const fs = require('fs');",
      `fs.appendFileSync(${JSON.stringify(runsFile)}, process.env.OCI_IMAGE_EXPORT_IMAGE_ID + ' ' + process.env.OCI_IMAGE_EXPORT_OBJECT_NAME + '\\n');`,
      `fs.writeFileSync(${JSON.stringify(objectFile)}, 'image');`,
    ].join('\n'));
    program(dir, 'ocid1.image.oc1.phx.one');
    const init = tf(dir, ['init', '-no-color']);
    expect(init.out).toContain('Terraform has been successfully initialized');
  }, 120_000);

  test('apply runs the export once and captures the PAR expiry', () => {
    const apply = tf(dir, ['apply', '-auto-approve', '-no-color']);
    expect(apply.status).toBe(0);
    expect(readFileSync(runsFile, 'utf8').trim().split('\n')).toEqual(['ocid1.image.oc1.phx.one images/steady-export-a66b3f8a.oci']);
    expect(existsSync(objectFile)).toBe(true);
  }, 120_000);

  test('later plans are clean, even after the transit object is cleaned up (F-80, F-81)', () => {
    const expiryBefore = stateValue(dir, 'Share_Expiry');
    rmSync(objectFile);
    const plan = tf(dir, ['plan', '-detailed-exitcode', '-no-color']);
    expect(plan.out).toContain('No changes.');
    expect(plan.status).toBe(0);
    const apply = tf(dir, ['apply', '-auto-approve', '-no-color']);
    expect(apply.status).toBe(0);
    expect(readFileSync(runsFile, 'utf8').trim().split('\n')).toHaveLength(1);
    // The expiry was captured once and is not recomputed by later applies (F-54, F-82).
    expect(stateValue(dir, 'Share_Expiry')).toBe(expiryBefore);
    expect(expiryBefore).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }, 120_000);

  test('a new image version re-runs the export (triggers_replace)', () => {
    program(dir, 'ocid1.image.oc1.phx.two');
    const plan = tf(dir, ['plan', '-detailed-exitcode', '-no-color']);
    expect(plan.status).toBe(2);
    expect(plan.out).toMatch(/terraform_data\.Export_ExportStep_\w+ must be replaced/);
    expect(plan.out).not.toMatch(/Share_Expiry_\w+ must be replaced/);
  }, 120_000);
});

function stateValue(dir: string, idPart: string): string {
  const show = JSON.parse(execFileSync('terraform', ['show', '-json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') } }));
  const resource = show.values.root_module.resources.find((r: any) => r.address.includes(idPart));
  return resource.values.output;
}

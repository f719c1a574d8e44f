/**
 * A real `terraform apply` of a stack whose only resource is the builtin
 * export step (F-24, F-81): `terraform_data` + `local-exec` running the
 * runner against the fake endpoint. The Terraform JSON is written here the
 * way `ExportedImage` emits it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage, ExportRunner, TransitBucket } from '../../lib';
import { RUNNER_FLAGS } from '../../lib/export/runner-contract';
import { envNameForFlag } from '../../lib/export/runner/options';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { RunResult } from '../support/process';
import { describeWithTerraform, terraform as runTerraform } from '../support/terraform';
import { cliShellCommand } from '../support/runner-cli';
import { BUCKET, Harness, NS, REGION } from './harness';
import { synthStack } from './terraform-run';


describeWithTerraform('terraform apply runs the export step', () => {
  let h: Harness;
  const outputs: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  /**
   * A one-resource stack: the builtin export step exactly as `ExportedImage`
   * synthesizes it, with the runner pointed at the fake endpoint through
   * `ExportRunner.nodeSdk({ environment })`.
   */
  function stack(imageId: string, destination: { tuple?: string; parUrl?: string }): string {
    return synthStack((st) => {
      const runner = ExportRunner.nodeSdk({
        command: cliShellCommand(),
        environment: {
          [envNameForFlag(RUNNER_FLAGS.configFile)]: h.creds.configFile,
          [envNameForFlag(RUNNER_FLAGS.computeEndpoint)]: h.url,
          [envNameForFlag(RUNNER_FLAGS.objectStorageEndpoint)]: h.url,
        },
      });
      // The PAR URL of the fake endpoint is plain http, so it reaches the stack as a sensitive variable.
      const target = destination.tuple
        ? ExportDestination.toBucket(TransitBucket.fromBucketAttributes(st, 'Bucket', { namespaceName: NS, bucketName: BUCKET, region: REGION }))
        : ExportDestination.toUrl(new TerraformVariable(st, 'par_url', { type: 'string', sensitive: true, default: destination.parUrl }).stringValue, REGION);
      new ExportedImage(st, 'Export', {
        image: { imageId, region: REGION }, destination: target, objectName: destination.tuple, pollSeconds: 0.05, timeoutMinutes: 1, runner,
      });
    }, h.tempDirs);
  }

  async function terraform(dir: string, ...args: string[]): Promise<RunResult> {
    const r = await runTerraform(dir, args);
    outputs.push(r.stdout, r.stderr);
    return r;
  }

  test('success: the apply exports, verifies and records state; the next plan is clean', async () => {
    const image = h.image({ exportPolls: 2 });
    const dir = stack(image.id, { tuple: 'tf/app.oci' });

    const apply = await terraform(dir, 'apply', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/terraform_data\.Export_ExportStep_\w+ \(local-exec\): oci-image-export: \[\d\d:\d\d:\d\d\] work request IN_PROGRESS \d+%, image EXPORTING/);
    expect(apply.stdout).toMatch(/oci-image-export: verified: a fresh object exists/);
    expect(apply.stdout).toMatch(/Apply complete! Resources: 2 added/); // the step and its teardown (test/teardown)
    expect(h.object('tf/app.oci')).toBeDefined();
    const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8'));
    expect(state.resources).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'terraform_data', name: expect.stringMatching(/^Export_ExportStep_/) })]));

    const plan = await terraform(dir, 'plan', '-detailed-exitcode');
    expect(plan.code).toBe(0); // 0 = no changes: the export does not run again
  });

  test('a PAR destination: the apply succeeds, Terraform hides the output, the state keeps only a digest', async () => {
    const image = h.image({ exportPolls: 1 });
    const name = 'tf/par.oci';
    const par = h.parUrl(name);
    secrets.push(par.token, par.url);
    const dir = stack(image.id, { parUrl: par.url });

    const apply = await terraform(dir, 'apply', '-auto-approve');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/output suppressed due to sensitive value/);
    expect(h.object(name)).toBeDefined();
    const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
    expect(state).not.toContain(par.token);
    const plan = await terraform(dir, 'plan', '-detailed-exitcode');
    expect(plan.code).toBe(0);
  });

  test('"no object" fault: the apply fails with the runner\'s exit 4 message', async () => {
    const image = h.image({ exportOutcome: 'no-object' });
    const dir = stack(image.id, { tuple: 'tf/lost.oci' });
    const apply = await terraform(dir, 'apply', '-auto-approve');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/local-exec provisioner error/);
    expect(apply.stderr).toMatch(/exit\s+status 4/);
    expect(apply.stderr.replace(/\s+/g, ' ')).toMatch(/the image is AVAILABLE again but the object .* does not exist, so the export failed \(F-22\)/);
  });

  test('no PAR URL, key material or fingerprint in any terraform output', () => {
    expect(findSecrets(outputs.join('\n'), secretNeedles(h.creds, secrets))).toEqual([]);
  });
});

/**
 * A real `terraform apply` of a stack whose only resource is the builtin
 * export step (F-24, F-81): `terraform_data` + `local-exec` running the
 * runner against the fake endpoint. The Terraform JSON is written here the
 * way `ExportedImage` emits it.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DESTINATION_URI_ENV, RUNNER_FLAGS } from '../../lib/export/runner-contract';
import { envNameForFlag } from '../../lib/export/runner/options';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { BUCKET, Harness, NS, REGION, RunResult, cliCommand, runProcess } from './harness';

const hasTerraform = !spawnSync('terraform', ['version'], { stdio: 'ignore' }).error;
if (!hasTerraform) console.warn('terraform is not on PATH: skipping the terraform apply tests of the export runner');
const describeTf = hasTerraform ? describe : describe.skip;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describeTf('terraform apply runs the export step', () => {
  let h: Harness;
  const outputs: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  /** Writes a one-resource stack into a fresh directory. */
  function stack(imageId: string, destination: { tuple?: string; parUrl?: string }): string {
    const dir = mkdtempSync(join(tmpdir(), 'oci-export-tf-'));
    h.tempDirs.push(dir);
    const flags = [RUNNER_FLAGS.imageId, imageId, RUNNER_FLAGS.region, REGION, RUNNER_FLAGS.format, 'OCI', RUNNER_FLAGS.pollSeconds, '0.05', RUNNER_FLAGS.timeoutMinutes, '1'];
    if (destination.tuple) flags.push(RUNNER_FLAGS.namespace, NS, RUNNER_FLAGS.bucket, BUCKET, RUNNER_FLAGS.objectName, destination.tuple);
    const environment: Record<string, string> = {
      [envNameForFlag(RUNNER_FLAGS.configFile)]: h.creds.configFile,
      [envNameForFlag(RUNNER_FLAGS.computeEndpoint)]: h.fake.url,
      [envNameForFlag(RUNNER_FLAGS.objectStorageEndpoint)]: h.fake.url,
    };
    // The secret URL travels in the environment, never in the command (F-55).
    if (destination.parUrl) environment[DESTINATION_URI_ENV] = destination.parUrl;
    const config = {
      terraform: { required_version: '>= 1.4.0' },
      resource: {
        terraform_data: {
          export: {
            // Re-run only when what is exported, and where, changes (F-81).
            triggers_replace: { image_id: imageId, format: 'OCI', destination: destination.tuple ?? 'par' },
            provisioner: [{ 'local-exec': { command: [...cliCommand(), ...flags].map(shellQuote).join(' '), environment } }],
          },
        },
      },
    };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
    writeFileSync(join(dir, 'empty.tfrc'), '');
    mkdirSync(join(dir, 'plugin-cache'));
    return dir;
  }

  async function terraform(dir: string, ...args: string[]): Promise<RunResult> {
    const r = await runProcess('terraform', [...args, '-input=false', '-no-color'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        TF_DATA_DIR: join(dir, '.terraform'),
        TF_PLUGIN_CACHE_DIR: join(dir, 'plugin-cache'),
        TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc'),
        TF_IN_AUTOMATION: '1',
        CHECKPOINT_DISABLE: '1',
      },
    });
    outputs.push(r.stdout, r.stderr);
    return r;
  }

  test('success: the apply exports, verifies and records state; the next plan is clean', async () => {
    const image = h.image({ exportPolls: 2 });
    const name = 'tf/app.oci';
    const par = h.parUrl(name);
    secrets.push(par.token, par.url);
    const dir = stack(image.id, { parUrl: par.url });

    const apply = await terraform(dir, 'apply', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/terraform_data\.export \(local-exec\): oci-image-export: \[\d\d:\d\d:\d\d\] work request IN_PROGRESS \d+%, image EXPORTING/);
    expect(apply.stdout).toMatch(/oci-image-export: verified: object exists/);
    expect(apply.stdout).toMatch(/Apply complete! Resources: 1 added/);
    expect(h.fake.object(NS, BUCKET, name)).toBeDefined();
    const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8'));
    expect(state.resources).toEqual([expect.objectContaining({ type: 'terraform_data', name: 'export' })]);
    expect(JSON.stringify(state)).not.toContain(par.token);

    const plan = await terraform(dir, 'plan', '-detailed-exitcode');
    expect(plan.code).toBe(0); // 0 = no changes: the export does not run again
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

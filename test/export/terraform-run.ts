/**
 * Runs a real `terraform` on a synthesized stack that holds only builtin
 * resources (`terraform_data`, variables, outputs): no provider, no
 * `terraform init`, no network.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TEST_TIMING_CONTEXT } from '../../lib/image/export-timing';
import { App, TerraformStack } from 'cdktf';
import { RunResult, runProcess } from './harness';

export const HAS_TERRAFORM = !spawnSync('terraform', ['version'], { stdio: 'ignore' }).error;

/** `describe`, or a loud skip when terraform is missing (a failure when CI=true). */
export function describeWithTerraform(name: string, body: () => void): void {
  if (HAS_TERRAFORM) return describe(name, body);
  if (process.env.CI === 'true') {
    test(name, () => {
      throw new Error('terraform is not on PATH, and CI=true: these tests must run in CI');
    });
    return;
  }
  console.warn(`terraform is not on PATH: skipping "${name}" (CI=true makes this a failure)`);
  describe.skip(name, body);
}

/** Synthesizes `build(stack)` into a fresh directory ready for `terraform apply`; returns the directory. */
export function synthStack(build: (stack: TerraformStack) => void, tempDirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-export-tf-'));
  tempDirs.push(dir);
  const app = new App({ outdir: join(dir, 'cdktf.out'), context: { [TEST_TIMING_CONTEXT]: true } }); // polls of milliseconds against the fake
  const stack = new TerraformStack(app, 'export');
  build(stack);
  app.synth();
  const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'export', 'cdk.tf.json'), 'utf8'));
  delete json.terraform?.backend; // apply without `terraform init`: builtin resources need no providers
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(json, null, 2));
  writeFileSync(join(dir, 'empty.tfrc'), '');
  mkdirSync(join(dir, 'plugin-cache'));
  return dir;
}

/** Runs terraform in `dir` with a clean environment plus `env`. */
export function terraform(dir: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runProcess('terraform', [...args, '-input=false', '-no-color'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      TF_DATA_DIR: join(dir, '.terraform'),
      TF_PLUGIN_CACHE_DIR: join(dir, 'plugin-cache'),
      TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc'),
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      ...env,
    },
  });
}

/** The `outputs` of the state file terraform wrote in `dir`. */
export function stateOutputs(dir: string): Record<string, { value: unknown }> {
  return JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).outputs;
}

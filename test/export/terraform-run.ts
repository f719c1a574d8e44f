/**
 * Synthesizes a stack that holds only builtin resources (`terraform_data`,
 * variables, outputs) for a real `terraform apply` without provider, init or
 * network (test/support/terraform.ts runs it).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TEST_TIMING_CONTEXT } from '../../lib/image/export-timing';
import { App, TerraformStack } from 'cdktf';

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
  return dir;
}

/** The `outputs` of the state file terraform wrote in `dir`. */
export function stateOutputs(dir: string): Record<string, { value: unknown }> {
  return JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).outputs;
}

/**
 * Runs the synthesized preconditions with a real terraform, without the oci
 * provider: every `data.oci_core_image.<id>` reference becomes `var.<case>`,
 * a variable shaped like the data source's attributes, and every resource
 * that carries preconditions becomes a builtin `terraform_data` stand-in
 * with the same lifecycle. What runs is exactly the condition and message
 * text the constructs emit.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { stackFile } from '../support/synth';

/** The attributes of data `oci_core_image` that the conditions read (null = OCI left it out). */
export interface FakeImage {
  readonly id: string;
  readonly compartment_id: string | null;
  readonly operating_system: string | null;
  readonly operating_system_version: string | null;
  readonly size_in_mbs: string | null;
}

const IMAGE_TYPE = 'object({ id = string, compartment_id = string, operating_system = string, operating_system_version = string, size_in_mbs = string })';

export function terraformAvailable(): boolean {
  const ok = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error('terraform is not on PATH: the plan-check logic tests need terraform 1.11');
  if (!ok) console.warn('terraform not on PATH: plan-check logic tests skipped (they fail when CI=true)');
  return ok;
}

/** Adds one synthesized stack's checks to `out`, its image read replaced by variable `name`. */
export function addStandIn(out: any, app: App, stack: TerraformStack, name: string, image: FakeImage, shape?: string): void {
  const json = JSON.parse(readFileSync(stackFile(app, stack, 'cdk.tf.json'), 'utf8'));
  const reads = Object.keys(json.data?.oci_core_image ?? {});
  if (reads.length !== 1) throw new Error(`expected one image read in ${name}, found ${reads.length}`);
  const swap = (text: string) => text.replace(/\bvar\.shape\b/g, `var.${name}_shape`).split(`data.oci_core_image.${reads[0]}`).join(`var.${name}`);
  out.variable[name] = { type: IMAGE_TYPE, default: image };
  if (shape !== undefined) out.variable[`${name}_shape`] = { type: 'string', default: shape };
  for (const [id, body] of Object.entries<any>(json.check ?? {})) {
    out.check[`${name}_${id}`] = { assert: body.assert.map((a: any) => ({ condition: swap(a.condition), error_message: swap(a.error_message) })) };
  }
  for (const type of Object.keys(json.resource ?? {})) {
    for (const [id, body] of Object.entries<any>(json.resource[type])) {
      const pre = body.lifecycle?.precondition;
      if (!pre) continue;
      out.resource.terraform_data[`${name}_${type}_${id}`] = {
        lifecycle: { precondition: pre.map((p: any) => ({ condition: swap(p.condition), error_message: swap(p.error_message) })) },
      };
    }
  }
}

export function emptyConfig(): any {
  return { variable: {}, resource: { terraform_data: {} }, check: {} };
}

/** `terraform init` + `terraform plan` of the config; returns the exit code and the output (one line per message). */
export function plan(dir: string, config: any): { status: number; out: string } {
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, 'empty.tfrc'), '');
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') };
  const run = (args: string[]) => {
    const r = spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', timeout: 120_000, env });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  };
  const init = run(['init', '-no-color']);
  if (init.status !== 0) throw new Error(`terraform init failed:\n${init.out}`);
  // Wide lines so that each error message stays on one line.
  const r = run(['plan', '-no-color', '-input=false']);
  return { status: r.status, out: r.out.replace(/\n│ /g, ' ').replace(/\s+/g, ' ') };
}

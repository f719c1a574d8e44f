/**
 * Runs the synthesized preconditions with a real terraform, without the oci
 * provider: every `data.oci_core_image.<id>` reference becomes `var.<case>`,
 * a variable shaped like the data source's attributes, and every resource
 * that carries preconditions becomes a builtin `terraform_data` stand-in
 * with the same lifecycle. What runs is exactly the condition and message
 * text the constructs emit.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { stackFile } from '../support/synth';
import { terraformSync } from '../support/terraform';

/** The attributes of data `oci_core_image` that the conditions read (null = OCI left it out). */
export interface FakeImage {
  readonly id: string;
  readonly compartment_id: string | null;
  readonly operating_system: string | null;
  readonly operating_system_version: string | null;
  readonly size_in_mbs: string | null;
}

const IMAGE_TYPE = 'object({ id = string, compartment_id = string, operating_system = string, operating_system_version = string, size_in_mbs = string })';

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
  const init = terraformSync(dir, ['init']);
  if (init.code !== 0) throw new Error(`terraform init failed:\n${init.stdout}${init.stderr}`);
  const r = terraformSync(dir, ['plan']);
  // Wide lines so that each error message stays on one line.
  return { status: r.code, out: `${r.stdout}${r.stderr}`.replace(/\n│ /g, ' ').replace(/\s+/g, ' ') };
}

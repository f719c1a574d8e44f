/**
 * Synthesizes example stacks in-process into a temp dir (as `npm run synth`
 * does, with relative local state) and points their export steps at the fake.
 */
import { App, LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { REGISTER_TS, CLI_TS } from './runner-command';
import { World } from './world';

export interface SynthesizedApp {
  readonly outdir: string;
  /** Stack name -> its directory (run plain `terraform` there). */
  readonly stacks: Record<string, string>;
}

/** Builds `build(app)` into a fresh dir and returns each stack's directory. */
export async function synthApp(world: World, name: string, build: (app: App) => void): Promise<SynthesizedApp> {
  const outdir = world.dir(name);
  const app = new App({ outdir, skipValidation: false });
  build(app);
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    if (!stack.node.children.some((c) => c instanceof TerraformBackend)) new LocalBackend(stack, { path: `terraform.${stack.node.id}.tfstate` });
  }
  app.synth();
  const stacks: Record<string, string> = {};
  for (const s of readdirSync(join(outdir, 'stacks'))) {
    const dir = join(outdir, 'stacks', s);
    await routeExportStepsToFake(world, join(dir, 'cdk.tf.json'));
    stacks[s] = dir;
  }
  return { outdir, stacks };
}

/**
 * The one place that connects the export runner to the fake. Today the runner
 * takes endpoint overrides (no proxy support), so each export step gets a
 * plain-HTTP listener of its source region; the runner starts from this
 * checkout's TypeScript sources. Once the runner honours HTTPS_PROXY and a CA
 * file, replace the endpoint lines with nothing: it inherits Terraform's env.
 */
async function routeExportStepsToFake(world: World, file: string): Promise<void> {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  let changed = false;
  for (const step of Object.values<any>(json.resource?.terraform_data ?? {})) {
    for (const p of step.provisioner ?? []) {
      const exec = p['local-exec'];
      const env = exec?.environment;
      if (!env?.OCI_IMAGE_EXPORT_REGION || !exec.command?.includes('oci-image-export')) continue;
      const endpoint = await world.fake.regionEndpoint(env.OCI_IMAGE_EXPORT_REGION);
      exec.command = [process.execPath, '--require', REGISTER_TS, CLI_TS].map(shellQuote).join(' ');
      env.OCI_IMAGE_EXPORT_COMPUTE_ENDPOINT = endpoint;
      env.OCI_IMAGE_EXPORT_OBJECT_STORAGE_ENDPOINT = endpoint;
      env.OCI_IMAGE_EXPORT_POLL_SECONDS = '0.05';
      changed = true;
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(json, null, 2));
}

function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./=:-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

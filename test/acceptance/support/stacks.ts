/**
 * Synthesizes example stacks in-process into a temp dir (as `npm run synth`
 * does, with relative local state) and points their export steps at the fake.
 */
import { App, LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cliShellCommand } from '../../support/runner-cli';
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
 * The one place that connects the export runner to the fake; it starts from
 * this checkout's TypeScript sources. The export step gets a plain-HTTP
 * listener of its source region (endpoint overrides). The export's teardown
 * (a destroy provisioner whose environment is its stored input) reaches the
 * fake as the provider does: through Terraform's HTTPS_PROXY and
 * custom_cert_location, which it inherits.
 */
async function routeExportStepsToFake(world: World, file: string): Promise<void> {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  let changed = false;
  for (const step of Object.values<any>(json.resource?.terraform_data ?? {})) {
    for (const p of step.provisioner ?? []) {
      const exec = p['local-exec'];
      if (!exec?.command?.includes('oci-image-export')) continue;
      exec.command = cliShellCommand();
      changed = true;
      const env = exec.environment;
      if (!env?.OCI_IMAGE_EXPORT_REGION) continue;
      const endpoint = await world.fake.regionEndpoint(env.OCI_IMAGE_EXPORT_REGION);
      env.OCI_IMAGE_EXPORT_COMPUTE_ENDPOINT = endpoint;
      env.OCI_IMAGE_EXPORT_OBJECT_STORAGE_ENDPOINT = endpoint;
      env.OCI_IMAGE_EXPORT_POLL_SECONDS = '0.05';
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(json, null, 2));
}

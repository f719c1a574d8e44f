/**
 * Where `terraform init` gets oracle/oci: the shipped provider through the
 * filesystem mirror of ../shared when it is there, else whatever the user's
 * own Terraform configuration can reach (registry with network, or a mirror
 * named in OCI_PROVIDER_MIRROR). Never a silent skip: when nothing works the
 * tier fails with the message below.
 */
import { execFileSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

export const HOW_TO_PROVIDE = [
  'The acceptance tier needs terraform >= 1.5 on PATH and the oracle/oci provider >= 7.27.0. Provide one of:',
  '  - ../shared beside this checkout (its tools/oci-provider-mirror.sh unpacks the shipped v7.27.0 provider), or',
  '  - OCI_PROVIDER_MIRROR=<dir>: a Terraform filesystem mirror holding registry.terraform.io/oracle/oci >= 7.27.0, or',
  '  - network access to registry.terraform.io, with ACCEPTANCE_PROVIDER_FROM_REGISTRY=1.',
].join('\n');

/** A mirror directory holding oracle/oci, or undefined to let terraform use the registry. */
export function findProviderMirror(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OCI_PROVIDER_MIRROR && existsSync(join(env.OCI_PROVIDER_MIRROR, 'registry.terraform.io/oracle/oci'))) return env.OCI_PROVIDER_MIRROR;
  const script = resolve(repoRoot, '../shared/tools/oci-provider-mirror.sh');
  if (existsSync(script)) {
    try {
      return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (e) {
      throw new Error(`${script} failed: ${(e as { stderr?: string }).stderr ?? e}\n${HOW_TO_PROVIDE}`);
    }
  }
  if (env.ACCEPTANCE_PROVIDER_FROM_REGISTRY === '1') return undefined;
  throw new Error(`No oracle/oci provider found.\n${HOW_TO_PROVIDE}`);
}

/** Writes the Terraform CLI config: the mirror (when any) and a shared plugin cache so each stack's init links, not copies. */
export function writeCliConfig(dir: string, mirror: string | undefined, pluginCache: string): string {
  const file = join(dir, 'terraformrc');
  const install = mirror
    ? [
      'provider_installation {',
      `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/oracle/oci"]\n  }`,
      '  direct {\n    exclude = ["registry.terraform.io/oracle/oci"]\n  }',
      '}',
    ]
    : [];
  writeFileSync(file, [`plugin_cache_dir = ${JSON.stringify(pluginCache)}`, ...install, ''].join('\n'));
  return file;
}

export function requireTerraform(): string {
  try {
    return execFileSync('terraform', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  } catch {
    throw new Error(`terraform is not on PATH.\n${HOW_TO_PROVIDE}`);
  }
}

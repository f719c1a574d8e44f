/**
 * Run once before the tier (jest globalSetup): finds oracle/oci (mirror or
 * registry) and installs it into the shared plugin cache with one `terraform
 * init`, so parallel scenario files only link from the cache (Terraform's
 * cache is not safe for concurrent installs) and a missing provider fails the
 * tier once, up front, with how to provide one.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { HOW_TO_PROVIDE, findProviderMirror, requireTerraform, writeCliConfig } from './provider-mirror';

export const PLUGIN_CACHE = process.env.TF_PLUGIN_CACHE_DIR ?? join(tmpdir(), 'oci-acceptance-plugin-cache');

export function prepareProvider(repoRoot: string): string {
  requireTerraform();
  const mirror = findProviderMirror(repoRoot);
  mkdirSync(PLUGIN_CACHE, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'oci-acceptance-init-'));
  try {
    const cli = writeCliConfig(dir, mirror, PLUGIN_CACHE);
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({
      terraform: { required_providers: { oci: { source: 'oracle/oci', version: '>= 7.27.0' } } },
    }));
    let out: string;
    try {
      out = execFileSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], {
        cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TF_CLI_CONFIG_FILE: cli, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`terraform init could not get oracle/oci >= 7.27.0:\n${err.stdout ?? ''}${err.stderr ?? ''}\n${HOW_TO_PROVIDE}`);
    }
    const version = /oracle\/oci v(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? 'unknown';
    return `oracle/oci ${version}${mirror ? ` from ${mirror}` : ' from the registry'}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

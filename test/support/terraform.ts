/**
 * A real `terraform` for tests of builtin resources (`terraform_data`,
 * variables, outputs, checks): no provider download, no network, nothing
 * from the developer's own Terraform set-up. The acceptance tier, which needs
 * the oci provider, has its own environment (test/acceptance/support/world.ts).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RunResult, runProcess } from './process';

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

/**
 * The environment for terraform in `dir`: only PATH, HOME, data dir and
 * plugin cache in `dir`, an empty CLI config (made here), plus `extra`.
 */
export function terraformEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const cliConfig = join(dir, 'empty.tfrc');
  if (!existsSync(cliConfig)) writeFileSync(cliConfig, '');
  mkdirSync(join(dir, 'plugin-cache'), { recursive: true });
  return {
    PATH: process.env.PATH,
    HOME: dir,
    TF_DATA_DIR: join(dir, '.terraform'),
    TF_PLUGIN_CACHE_DIR: join(dir, 'plugin-cache'),
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    ...extra,
  };
}

/** Commands that could prompt: they get `-input=false`. */
const PROMPTING = new Set(['init', 'plan', 'apply', 'destroy', 'refresh', 'import']);

function quiet(args: readonly string[]): string[] {
  return [...args, ...(PROMPTING.has(args[0]) ? ['-input=false'] : []), '-no-color'];
}

/** Runs terraform in `dir` (never prompting, no colours) without blocking the event loop. */
export function terraform(dir: string, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runProcess('terraform', quiet(args), { cwd: dir, env: terraformEnv(dir, env) });
}

/** The same, blocking: for tests with no server in this process. */
export function terraformSync(dir: string, args: readonly string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync('terraform', quiet(args), { cwd: dir, encoding: 'utf8', timeout: 120_000, env: terraformEnv(dir, env) });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * How tests start the export runner from this checkout: its TypeScript
 * sources through a transpile-on-load hook, so no build step is needed
 * after `npm ci`. Shared by the runner tests and the acceptance tier.
 */
import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const CLI_TS = join(REPO_ROOT, 'lib/export/runner/cli.ts');
/** Require hook that transpiles the TypeScript sources on load. */
export const REGISTER_TS = join(REPO_ROOT, 'test/support/fake-oci/register-ts.js');

/** Node arguments that start the runner CLI. */
export function cliCommand(): string[] {
  return [process.execPath, '--require', REGISTER_TS, CLI_TS];
}

/** One word for `sh`: left bare when it holds nothing the shell would read. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./=:-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The runner CLI, plus `args`, as a `local-exec` command line. */
export function cliShellCommand(args: readonly string[] = []): string {
  return [...cliCommand(), ...args].map(shellQuote).join(' ');
}

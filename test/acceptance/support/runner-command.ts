/** How the examples' export step runs the runner from this checkout: its TypeScript sources through a transpile-on-load hook. */
import { join, resolve } from 'path';

const REPO_ROOT = resolve(__dirname, '../../..');
export const CLI_TS = join(REPO_ROOT, 'lib/export/runner/cli.ts');
export const REGISTER_TS = join(REPO_ROOT, 'test/support/fake-oci/register-ts.js');

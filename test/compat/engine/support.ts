/** Shared helpers of the engine tests. */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { REPORT_JSON, REPORT_MARKDOWN } from '../../../lib';
import { stackFile } from '../../support/synth';

export { World } from '../rules/harness';

/** The parsed JSON report of a synthesized stack. */
export function jsonReport(app: App, stack: TerraformStack): any {
  return JSON.parse(readFileSync(stackFile(app, stack, REPORT_JSON), 'utf8'));
}

export function markdownReport(app: App, stack: TerraformStack): string {
  return readFileSync(stackFile(app, stack, REPORT_MARKDOWN), 'utf8');
}

export function reportsExist(app: App, stack: TerraformStack): boolean[] {
  return [REPORT_JSON, REPORT_MARKDOWN].map((name) => existsSync(stackFile(app, stack, name)));
}

/** Annotations of one stack as cdktf wrote them to manifest.json (level names differ between cdktf and forks: match loosely). */
export function manifestAnnotations(app: App, stack: TerraformStack): Array<{ constructPath: string; level: string; message: string }> {
  const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8'));
  return manifest.stacks[stack.node.id].annotations;
}

/** The message of what `fn` throws (fails the test when it does not throw). */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but nothing was thrown');
}

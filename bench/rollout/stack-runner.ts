/**
 * Runs `terraform` in many stack directories at once without losing a
 * stack to a failed process start. Starting 35+ applies in the same
 * instant once failed with `spawn terraform ENOENT`: Node reports any
 * failed exec (and a missing working directory) under that name, whatever
 * the real cause (a busy machine, a process or file limit). So: the stack
 * directory is checked first (a clear error naming the stack), process
 * starts are paced, and a start that fails is retried a few times with a
 * back-off; the number of retries is reported so a run can say so.
 */
import { existsSync } from 'fs';
import { TfResult, World } from '../../test/acceptance/support/world';

export interface StackRunner {
  run(stack: string, cwd: string, args: readonly string[]): Promise<TfResult>;
  /** Process starts that failed and were retried. */
  readonly retries: number;
}

/** `startGapMs` between two process starts; `attempts` per start. */
export function stackRunner(world: World, startGapMs = 100, attempts = 4): StackRunner {
  let nextStart = 0;
  let retries = 0;
  const paced = async () => {
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + startGapMs;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
  return {
    get retries() { return retries; },
    async run(stack, cwd, args) {
      if (!cwd || !existsSync(cwd)) throw new Error(`stack ${stack}: its directory ${cwd} does not exist (the manifest names a stack that synth did not write)`);
      for (let attempt = 1; ; attempt++) {
        await paced();
        try {
          return await world.terraform(cwd, args);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          if (attempt >= attempts) throw new Error(`stack ${stack}: terraform ${args[0]} could not start after ${attempts} attempts (${err.code ?? ''} ${err.message}) in ${cwd}`);
          retries++;
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        }
      }
    },
  };
}

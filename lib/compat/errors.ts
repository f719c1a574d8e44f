/**
 * Thrown for plain misuse that makes a construct impossible to build.
 * The message names the construct path, the bad value, the fact broken
 * and the fix, so the user never has to read a stack trace.
 */
export class OciImageTransferError extends Error {
  constructor(path: string, problem: string, fix: string, facts: string[] = []) {
    const cite = facts.length ? ` (${facts.join(', ')})` : '';
    super(`[${path}] ${problem}${cite}. Fix: ${fix}`);
    this.name = 'OciImageTransferError';
  }
}

/**
 * Thrown for plain misuse that makes a construct impossible to build.
 * The message names the construct path, the bad value, the fact broken
 * and the fix, so the user never has to read a stack trace.
 *
 * TypeScript/JavaScript only: jsii cannot model `Error` subclasses, so
 * other languages see the jsii runtime's error with the same message.
 * @jsii ignore
 */
export class OciImageTransferError extends Error {
  constructor(path: string, problem: string, fix: string, facts: string[] = []) {
    const cite = facts.length ? ` (${facts.join(', ')})` : '';
    super(`[${path}] ${problem}${cite}. Fix: ${fix}`);
    this.name = 'OciImageTransferError';
    // The message says what to fix; a trace into the library's compiled code only helps when debugging
    // the library itself (OCI_IMAGE_TRANSFER_DEBUG=1 keeps it).
    if (['', '0', 'false'].includes(process.env.OCI_IMAGE_TRANSFER_DEBUG ?? '')) this.stack = `${this.name}: ${this.message}`;
  }
}

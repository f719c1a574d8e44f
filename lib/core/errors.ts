const BRAND = Symbol.for('cdktf-oci-image-transfer.OciImageTransferError');

/**
 * The library's one error type, thrown for plain misuse that makes a
 * construct impossible to build and for malformed Object Storage / PAR URLs.
 * The message names the construct path (or the URL, redacted), the bad
 * value, the fact broken and the fix, so the user never has to read a stack
 * trace.
 *
 * TypeScript/JavaScript only: jsii cannot model `Error` subclasses, so
 * other languages see the jsii runtime's error with the same message
 * (`ObjectStorageUrl.isOciImageTransferError` answers for them).
 * @jsii ignore
 */
export class OciImageTransferError extends Error {
  /** True for errors of this type, also across two copies of the library (a `Symbol.for` brand, not `instanceof`). */
  public static isOciImageTransferError(x: unknown): x is OciImageTransferError {
    return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
  }

  /**
   * An error whose message is already complete: for pure functions with no
   * construct path (the URL parsers write `Invalid <what> "<redacted>": <problem>. Expected <shape>`).
   */
  public static withMessage(message: string): OciImageTransferError {
    const error = new OciImageTransferError('', '', '');
    error.message = message;
    error.trimStack();
    return error;
  }

  constructor(path: string, problem: string, fix: string, facts: string[] = []) {
    const cite = facts.length ? ` (${facts.join(', ')})` : '';
    super(`[${path}] ${problem}${cite}. Fix: ${fix}`);
    this.name = 'OciImageTransferError';
    Object.defineProperty(this, BRAND, { value: true });
    this.trimStack();
  }

  // The message says what to fix; a trace into the library's compiled code only helps when debugging
  // the library itself (OCI_IMAGE_TRANSFER_DEBUG=1 keeps it).
  private trimStack(): void {
    if (['', '0', 'false'].includes(process.env.OCI_IMAGE_TRANSFER_DEBUG ?? '')) this.stack = `${this.name}: ${this.message}`;
  }
}

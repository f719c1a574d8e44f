import { OciImageTransferError } from '../../lib/core/errors';

/** Runs fn, asserts it threw the library's OciImageTransferError and returns the message. */
export function errorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(OciImageTransferError);
    expect((e as Error).name).toBe('OciImageTransferError');
    return (e as Error).message;
  }
  throw new Error('expected an OciImageTransferError, but nothing was thrown');
}

export const OBJECT_SHAPE = 'Expected https://<host>/n/<namespace>/b/<bucket>/o/<object>';
export const PAR_SHAPE = 'Expected https://<host>/p/<token>/n/<namespace>/b/<bucket>[/o/<object>]';

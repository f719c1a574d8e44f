import { StorageUrlError } from '../../lib/storage-url';

/** Runs fn, asserts it threw a StorageUrlError and returns the message. */
export function errorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StorageUrlError);
    return (e as Error).message;
  }
  throw new Error('expected a StorageUrlError, but nothing was thrown');
}

export const OBJECT_SHAPE = 'Expected https://<host>/n/<namespace>/b/<bucket>/o/<object>';
export const PAR_SHAPE = 'Expected https://<host>/p/<token>/n/<namespace>/b/<bucket>[/o/<object>]';

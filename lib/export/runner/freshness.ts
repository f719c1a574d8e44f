/**
 * Is the object at the destination the product of THIS export? An image
 * that is AVAILABLE again proves nothing by itself (F-22), and an object
 * that was already there before proves nothing either. What OCI gives to
 * decide (documented in the OCI SDK's HeadObject and WorkRequest models):
 *
 * - the ETag is the entity tag of the object; OCI's conditional requests
 *   (if-match / if-none-match) are defined on it, which presupposes that a
 *   rewritten object gets a new ETag (the runner relies on that);
 * - content-length is the object size in bytes;
 * - last-modified is an RFC 2616 HTTP date (whole seconds) on the Object
 *   Storage clock; a work request's timeAccepted / timeFinished are RFC 3339
 *   times on the Compute clock.
 *
 * The runner's own clock is never compared with a service time, so a skewed
 * local clock cannot make an old object look new.
 */
import { ObjectHead } from './oci-api';

/** Slack for comparing Object Storage's last-modified with the work request's end (separate services' clocks). */
export const FINISH_SLACK_MS = 1_000;

export interface FreshnessInput {
  /** HEAD of the destination object before ExportImage was called (undefined: there was none). */
  readonly before?: ObjectHead;
  /** HEAD after the export ended (undefined: the object does not exist). */
  readonly after?: ObjectHead;
  /** The HEAD before the export failed, so `before` says nothing. */
  readonly beforeUnknown?: boolean;
  /** The work request had already ended when first seen: OCI answered with an earlier export (retry token). */
  readonly replayed: boolean;
  readonly acceptedAt?: Date;
  readonly finishedAt?: Date;
}

export type Freshness =
  | { readonly fresh: true; readonly how: string }
  | { readonly fresh: false; readonly reason: string };

export function proveFresh(i: FreshnessInput): Freshness {
  const a = i.after;
  if (!a) return { fresh: false, reason: 'the object does not exist' };
  if (a.contentLength === undefined) return { fresh: false, reason: 'the object has no size (content-length)' };
  if (a.contentLength <= 0) return { fresh: false, reason: 'the object is empty (0 bytes)' };
  if (!a.etag) return { fresh: false, reason: 'the object has no ETag' };
  if (i.replayed || i.beforeUnknown) {
    // Nothing to compare with, or an earlier export (same retry token): the object counts only if it was written while that export ran and not since.
    if (writtenDuring(a.lastModified, i.acceptedAt, i.finishedAt)) return { fresh: true, how: 'written while the export work request ran' };
    return {
      fresh: false,
      reason: i.replayed
        ? 'the object was not written while that earlier export ran (it failed, or the object was replaced or deleted since)'
        : 'the object could not be read before the export, and its last-modified time does not fall within the export work request',
    };
  }
  if (!i.before) return { fresh: true, how: 'the object did not exist before the export' };
  if (i.before.etag !== a.etag) return { fresh: true, how: 'its ETag changed during the export' };
  return { fresh: false, reason: 'the object still has the ETag it had before the export, so this export did not write it' };
}

/** last-modified within [accepted, finished]; last-modified has whole seconds, so the start is rounded down. */
export function writtenDuring(lastModified?: Date, acceptedAt?: Date, finishedAt?: Date): boolean {
  if (!lastModified || !acceptedAt || !finishedAt) return false;
  const t = lastModified.getTime();
  return t >= Math.floor(acceptedAt.getTime() / 1000) * 1000 && t <= finishedAt.getTime() + FINISH_SLACK_MS;
}

/**
 * When is an export finished? Pure decision over what one poll saw.
 * The image is EXPORTING while the export runs and AVAILABLE again when it
 * ends (F-22); the work request says whether it succeeded (F-24).
 */

export type PollDecision =
  | { readonly kind: 'wait' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface PollState {
  readonly imageState: string;
  /** Undefined when the service gave no work request id. */
  readonly workRequestStatus?: string;
  /** Whether any earlier or this poll saw the image EXPORTING. */
  readonly sawExporting: boolean;
  /** Number of polls so far, this one included. */
  readonly polls: number;
}

const WR_FAILED = new Set(['FAILED', 'CANCELED', 'CANCELING']);
const IMAGE_GONE = new Set(['DELETED', 'DISABLED']);

/** Without a work request, an image that stays AVAILABLE this many polls is taken as finished (the HEAD check decides). */
export const POLLS_WITHOUT_WORK_REQUEST = 3;

export function decidePoll(s: PollState): PollDecision {
  if (IMAGE_GONE.has(s.imageState)) {
    return { kind: 'failed', reason: `the image became ${s.imageState} during the export` };
  }
  if (s.workRequestStatus !== undefined && WR_FAILED.has(s.workRequestStatus)) {
    return { kind: 'failed', reason: `the export work request ended ${s.workRequestStatus}` };
  }
  if (s.imageState !== 'AVAILABLE') return { kind: 'wait' };
  if (s.workRequestStatus !== undefined) {
    // The image can read AVAILABLE for a moment before it turns EXPORTING: only the work request says it ended.
    return s.workRequestStatus === 'SUCCEEDED' ? { kind: 'done' } : { kind: 'wait' };
  }
  return s.sawExporting || s.polls >= POLLS_WITHOUT_WORK_REQUEST ? { kind: 'done' } : { kind: 'wait' };
}

/** What to do with the image before calling ExportImage. */
export type StartDecision =
  | { readonly kind: 'export' }
  | { readonly kind: 'wait' }
  | { readonly kind: 'refuse'; readonly reason: string };

export function decideStart(imageState: string): StartDecision {
  switch (imageState) {
    case 'AVAILABLE':
    // EXPORTING may be our own earlier, interrupted run: the same retry token resumes it (F-24).
    case 'EXPORTING':
      return { kind: 'export' };
    case 'PROVISIONING':
    case 'IMPORTING':
      // An image created earlier in the same apply may still be settling.
      return { kind: 'wait' };
    default:
      return { kind: 'refuse', reason: `the image is ${imageState}; only an AVAILABLE image can be exported (F-22)` };
  }
}

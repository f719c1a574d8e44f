/** Formatting of the lines the runner prints (pure). */

export const LINE_PREFIX = 'oci-image-export: ';

/** 93784000 -> "26:03:04"; hours are not wrapped at 24 because exports can be long. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

export interface PollObservation {
  readonly elapsedMs: number;
  readonly imageState: string;
  readonly workRequestStatus?: string;
  readonly percentComplete?: number;
}

/**
 * One line per poll, e.g.
 * `oci-image-export: [00:12:30] work request IN_PROGRESS 45%, image EXPORTING`
 */
export function formatProgressLine(o: PollObservation): string {
  const wr =
    o.workRequestStatus === undefined
      ? 'work request unknown'
      : `work request ${o.workRequestStatus}${o.percentComplete === undefined ? '' : ` ${Math.round(o.percentComplete)}%`}`;
  return `${LINE_PREFIX}[${formatElapsed(o.elapsedMs)}] ${wr}, image ${o.imageState}`;
}

/**
 * How a re-run recognises its own finished work, and how a retried apply
 * reuses an export already accepted by OCI.
 *
 * Marker: after the runner has proven the exported object exists (F-22) it
 * writes a small sidecar object `<object>.export.json` next to it. Its
 * user metadata (opc-meta-*) records the image OCID, the format and the
 * ETag and size the exported object had when verified. A later run skips
 * the export only if the object still exists, is not empty, AND the marker
 * names the same image and format AND the object's ETag and size are still
 * the recorded ones (so an object overwritten by anything else, or a marker
 * left from another object, is never mistaken for this export).
 */
import { createHash } from 'crypto';
import { Destination, destinationKey } from './destination';

import { MARKER_META, MARKER_SUFFIX } from '../runner-contract';

// The marker names are shared with the oci CLI script, so they live in the contract.
export { MARKER_META, MARKER_SUFFIX };

export function markerObjectName(objectName: string): string {
  return objectName + MARKER_SUFFIX;
}

export interface MarkerFacts {
  readonly imageId: string;
  readonly format: string;
  readonly objectEtag: string;
  /** Size of the exported object in bytes. */
  readonly objectSize: number;
}

export function markerMetadata(f: MarkerFacts): Record<string, string> {
  return {
    [MARKER_META.imageId]: f.imageId,
    [MARKER_META.format]: f.format,
    [MARKER_META.objectEtag]: f.objectEtag,
    [MARKER_META.objectSize]: String(f.objectSize),
  };
}

/** Human-readable body of the marker; decisions use only the metadata (one HEAD, no download). */
export function markerBody(f: MarkerFacts & { readonly verifiedAt: string }): string {
  return JSON.stringify({ writtenBy: 'oci-image-export', ...f }, null, 2) + '\n';
}

export type MarkerMatch = { readonly match: true } | { readonly match: false; readonly reason: string };

export function matchMarker(meta: Readonly<Record<string, string>> | undefined, expected: MarkerFacts): MarkerMatch {
  if (!meta) return { match: false, reason: `no marker object (${MARKER_SUFFIX}) from an earlier verified export` };
  const image = meta[MARKER_META.imageId];
  const format = meta[MARKER_META.format];
  if (image !== expected.imageId) return { match: false, reason: `the marker names another image (${image ?? 'none'})` };
  if (format !== expected.format) return { match: false, reason: `the marker names format ${format ?? 'none'}, not ${expected.format}` };
  if (!(expected.objectSize > 0)) return { match: false, reason: 'the object is empty' };
  if (meta[MARKER_META.objectEtag] !== expected.objectEtag) {
    return { match: false, reason: 'the object changed since the marker was written (ETag differs)' };
  }
  if (meta[MARKER_META.objectSize] !== String(expected.objectSize)) {
    return { match: false, reason: `the marker records ${meta[MARKER_META.objectSize] ?? 'no'} bytes, the object has ${expected.objectSize}` };
  }
  return { match: true };
}

/**
 * Deterministic opc-retry-token: the same image, format and destination
 * object give the same token, so a retried apply within 24 h gets the
 * export OCI already accepted instead of a second one (F-24). The key uses
 * namespace/bucket/object, never a PAR token. `salt` forces a new token
 * when an earlier export must be redone (see run.ts).
 */
export function retryToken(imageId: string, format: string, destination: Destination, salt = ''): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['v1', imageId, format, destinationKey(destination), salt]))
    .digest('hex');
  return `oci-image-export-${digest.slice(0, 47)}`; // 64 characters, the service's limit
}

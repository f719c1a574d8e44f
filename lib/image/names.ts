import { createHash } from 'crypto';
import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Deterministic names derived from the construct path (never random, never
 * a clock), so synthesizing twice gives the same output.
 */
export function nameFromPath(scope: IConstruct, maxLength = 200): string {
  const parts = scope.node.path.split('/').filter(Boolean);
  const base = parts.join('-').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return base.length <= maxLength ? base : `${base.slice(0, maxLength - 9)}-${shortHash(base)}`;
}

/**
 * An object name for an exported image: `images/<path>-<image digest>.<extension>`.
 * The digest (first 8 hex characters of the SHA-256 of the image OCID) gives
 * each image version its own object, so a new image never inherits the
 * object (or marker) of the one before it. For an image OCID known only at
 * apply, Terraform computes the same digest (`substr(sha256(id), 0, 8)`).
 */
export function defaultObjectName(scope: IConstruct, extension: string, imageId: string): string {
  return `images/${nameFromPath(scope, 170)}-${imageDigest(imageId)}.${extension}`;
}

/** 8 hex characters of the SHA-256 of an image OCID, at synth or (for a token) at apply. */
export function imageDigest(imageId: string): string {
  if (Token.isUnresolved(imageId)) return Fn.substr(Fn.sha256(imageId), 0, 8);
  return createHash('sha256').update(imageId, 'utf8').digest('hex').slice(0, 8);
}

/** 8 hex chars of FNV-1a; enough to keep truncated names apart. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

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

/** An object name for an exported image: `<path>.<extension>` under an `images/` prefix. */
export function defaultObjectName(scope: IConstruct, extension: string): string {
  return `images/${nameFromPath(scope, 180)}.${extension}`;
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

/**
 * Message builders for the URL utilities. They all throw the library's one
 * error type, OciImageTransferError, with a complete message (no construct
 * path: these are pure functions).
 */
import { OciImageTransferError } from '../core/errors';

export const OBJECT_URL_SHAPE = 'https://<host>/n/<namespace>/b/<bucket>/o/<object>';
export const PAR_URL_SHAPE = 'https://<host>/p/<token>/n/<namespace>/b/<bucket>[/o/<object>]';

/**
 * Hides what a log must not show: the PAR token (a bearer secret, F-55),
 * user info and any query/fragment (other tools put credentials there).
 * The path is shown only when its start has the expected structure:
 * `/p/<token>/n/` (token masked), or, for input not meant to be a PAR,
 * `/n/<namespace>/b/`. Anything else is masked whole, because a typo in a
 * PAR URL can move its token anywhere; over-masking is the safe failure.
 */
export function redact(value: string, isPar = false): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)([?#].*)?$/s.exec(value) as RegExpExecArray;
  const [, origin = '', path, suffix = ''] = m;
  const par = /^\/p\/[^/]*(?=\/n\/)/i.exec(path);
  let safePath: string;
  if (par !== null) safePath = `/p/***${path.slice(par[0].length)}`;
  else if (path === '' || (!isPar && /^\/n\/[a-z0-9]*\/b\//.test(path))) safePath = path;
  else safePath = path.startsWith('/') ? '/***' : '***';
  return origin.replace(/\/\/[^/?#]*@/, '//***@') + safePath + (suffix === '' ? '' : `${suffix[0]}***`);
}

const MAX_QUOTED = 200;

/** Redacted, length-capped, quoted form of untrusted input for messages. */
export function quote(value: string, isPar: boolean): string {
  const safe = redact(value, isPar);
  return JSON.stringify(safe.length > MAX_QUOTED ? `${safe.slice(0, MAX_QUOTED)}...` : safe);
}

/**
 * Error for input that failed to parse: names the URL (redacted), the
 * problem and the expected shape. `isPar` when the input is meant to be a PAR.
 */
export function parseError(kind: string, url: string, problem: string, shape: string, isPar: boolean): OciImageTransferError {
  return OciImageTransferError.withMessage(`Invalid ${kind} ${quote(url, isPar)}: ${problem}. Expected ${shape}`);
}

/** Error for parts that cannot be turned into a URL. */
export function buildError(kind: string, problem: string, shape: string): OciImageTransferError {
  return OciImageTransferError.withMessage(`Cannot build ${kind}: ${problem}. Expected ${shape}`);
}

export const UNRESOLVED =
  'is an unresolved cdktf/Terraform token with no value at synth time (check ObjectStorageUrl.isUnresolved() and skip it)';

/** jsii callers (Python, Java...) can pass null or other types; fail clearly instead of crashing. */
export function ensureString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw OciImageTransferError.withMessage(`${name} must be a string, got ${value === null ? 'null' : typeof value}`);
}

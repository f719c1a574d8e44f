/**
 * Validation and encoding shared by the object URL and PAR URL parsers.
 * Problem functions return a sentence fragment (or undefined when valid) so
 * each caller can wrap it with its own context and expected shape.
 */

import { ObjectUrlParts, ParUrlParts } from './types';
import { isUnresolved } from '../core/tokens';

// Never echo the host: a malformed one may carry user info (`user:pw@`).
export function hostProblem(host: string): string | undefined {
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(host)
    ? undefined
    : 'the host is not a DNS name (letters, digits, "-" and ".", optional :port)';
}

export function namespaceProblem(namespace: string): string | undefined {
  if (namespace === '') return 'the namespace is empty';
  // Not echoed: with a typo ("/n/" for "/p/") this slot can hold a PAR token.
  return /^[a-z0-9]+$/.test(namespace) ? undefined : 'the namespace must be lowercase letters and digits';
}

export function bucketProblem(bucket: string): string | undefined {
  if (bucket === '') return 'the bucket name is empty';
  return /^[A-Za-z0-9._-]{1,256}$/.test(bucket)
    ? undefined
    : `the bucket name ${JSON.stringify(bucket)} must be 1-256 letters, digits, "-", "_" or "."`;
}

// The token is secret (F-55): describe the problem, never the value. Real
// tokens are base64url; we accept any RFC 3986 path characters so that a
// format change by OCI does not break callers.
export function tokenProblem(token: string): string | undefined {
  if (token === '') return 'the PAR token is empty';
  return /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/.test(token)
    ? undefined
    : 'the PAR token contains characters that are not allowed in a URL path';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** OCI rules: 1..1024 UTF-8 bytes, no NUL, CR or LF. */
export function objectNameProblem(name: string): string | undefined {
  if (name === '') return 'the object name is empty';
  if (/[\0\r\n]/.test(name)) return 'the object name contains NUL, CR or LF, which OCI does not allow';
  if (LONE_SURROGATE.test(name)) return 'the object name is not well-formed Unicode';
  if (Buffer.byteLength(name, 'utf8') > 1024) return 'the object name is longer than 1024 UTF-8 bytes';
  // HTTP clients collapse "." and ".." path segments (even as %2E), so such a
  // name would silently address something else.
  if (name === '.' || name === '..') return `the object name ${JSON.stringify(name)} is a dot segment`;
  return undefined;
}

/**
 * Encoding choice: the whole object name is one path segment encoded with
 * encodeURIComponent, so `/` becomes %2F. This is what the OCI SDK does for
 * path parameters (oci-common 2.139.1, lib/request-generator.js) and it
 * makes build -> parse lossless.
 */
export function encodeObjectName(name: string): string {
  return encodeURIComponent(name);
}

/**
 * Inverse of encodeObjectName that also accepts raw `/` (consoles and users
 * often paste `/o/dir/file`): everything after `/o/` is the object name.
 */
export function decodeObjectName(raw: string): { name: string } | string {
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'the object name has a malformed percent-escape (write a literal "%" as %25)';
    }
    if (raw.includes('/') && (decoded === '.' || decoded === '..')) {
      return 'the object name has a "." or ".." path segment, which HTTP clients rewrite (encode "/" as %2F)';
    }
    segments.push(decoded);
  }
  const name = segments.join('/');
  const problem = objectNameProblem(name);
  return problem === undefined ? { name } : problem;
}

/** Splits an absolute https URL into host and path, rejecting query and fragment. */
export function splitHttpsUrl(url: string): { host: string; path: string } | string {
  if (/[\s\u0000-\u001f\u007f]/.test(url)) {
    return 'it contains whitespace or control characters (percent-encode them, e.g. a space as %20)';
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/s.exec(url);
  if (m === null) return 'it is not an absolute URL';
  const [, scheme, host, path, suffix] = m;
  if (scheme.toLowerCase() !== 'https') return `the scheme is "${scheme}:" but only https is accepted`;
  if (suffix !== undefined) {
    const what = suffix.startsWith('?') ? 'a query string' : 'a fragment';
    return `it has ${what}, which Object Storage URLs never have (encode "?" as %3F and "#" as %23 in object names)`;
  }
  const problem = hostProblem(host);
  return problem === undefined ? { host, path } : problem;
}

export interface StoragePath {
  readonly namespaceName: string;
  readonly bucket: string;
  readonly objectName?: string;
}

/** Parses `/n/<ns>/b/<bucket>[/o/<object>]`; `/o/` with nothing after means "no object". */
export function parseStoragePath(path: string, requireObject: boolean): StoragePath | string {
  const n = /^\/n\/([^/]*)(.*)$/s.exec(path);
  if (n === null) return 'the /n/<namespace> part is missing';
  const namespace = n[1];
  const nsProblem = namespaceProblem(namespace);
  if (nsProblem !== undefined) return nsProblem;

  const b = /^\/b\/([^/]*)(.*)$/s.exec(n[2]);
  if (b === null) return 'the /b/<bucket> part is missing after the namespace';
  const bucket = b[1];
  const bProblem = bucketProblem(bucket);
  if (bProblem !== undefined) return bProblem;

  const rest = b[2];
  if (['', '/', '/o', '/o/'].includes(rest)) {
    if (!requireObject) return { namespaceName: namespace, bucket };
    return rest === '/o/' ? 'the object name after /o/ is empty' : 'the /o/<object> part is missing after the bucket';
  }
  if (!rest.startsWith('/o/')) return 'unexpected text after the bucket, where /o/<object> should be';
  const decoded = decodeObjectName(rest.slice(3));
  return typeof decoded === 'string' ? decoded : { namespaceName: namespace, bucket, objectName: decoded.name };
}

/** Checks the parts every URL has (host, namespace, bucket). */
export function commonPartsProblem(parts: ObjectUrlParts | ParUrlParts): string | undefined {
  // jsii callers (Python, Java...) can pass null or other types; the member names are read through
  // the typed properties so that a rename of the public parts follows here.
  const checked: Array<[string, unknown]> = [['host', parts.host], ['namespace', parts.namespaceName], ['bucket', parts.bucket]];
  for (const [name, value] of checked) {
    if (typeof value !== 'string') return `${name} must be a string`;
    if (isUnresolved(value)) return `${name} is an unresolved cdktf/Terraform token`;
  }
  return hostProblem(parts.host) ?? namespaceProblem(parts.namespaceName) ?? bucketProblem(parts.bucket);
}

/** Checks an object name given as a URL part; `optional` allows it to be absent (bucket-level PAR). */
export function objectPartProblem(objectName: unknown, optional: boolean): string | undefined {
  if (objectName === undefined && optional) return undefined;
  if (typeof objectName !== 'string') return 'objectName must be a string';
  if (isUnresolved(objectName)) return 'objectName is an unresolved cdktf/Terraform token';
  if (objectName === '' && optional) return 'the object name is empty (omit objectName for a bucket-level PAR)';
  return objectNameProblem(objectName);
}

/**
 * Where the export goes: a bucket tuple, or an Object Storage URL / PAR URL
 * (F-50, F-51). Pure functions; nothing here ever returns the PAR token in
 * a message.
 *
 * Not `lib/storage-url`: the runner must also accept `http://` endpoint
 * overrides (tests, private gateways), which the library's parser rejects.
 */

export interface TupleDestination {
  readonly kind: 'tuple';
  readonly namespace: string;
  readonly bucket: string;
  readonly objectName: string;
}

export interface UriDestination {
  readonly kind: 'uri';
  /** The full URL as given. Secret when `parToken` is set (F-55). */
  readonly uri: string;
  /** scheme://host[:port] of the URL. */
  readonly origin: string;
  /** The `/p/<token>/` segment exactly as it appears in the URL, when the URL is a PAR (F-51). */
  readonly parToken?: string;
  readonly namespace: string;
  readonly bucket: string;
  readonly objectName: string;
}

export type Destination = TupleDestination | UriDestination;

const PATH = /^(?:\/p\/([^/]+))?\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/;

/** Parses an Object Storage or PAR URL; returns an error text (without the URL) when it does not fit. */
export function parseDestinationUri(uri: string): UriDestination | string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.search || url.hash) return 'must not carry a query string or fragment';
  if (/\/p\/[^/]+\/n\/[^/]+\/b\/[^/]+\/o\/?$/.test(url.pathname) || /\/b\/[^/]+\/?$/.test(url.pathname)) {
    // A bucket-level PAR must get /o/<object> appended before export (F-52).
    return 'ends at the bucket: append /o/<object name> to name the exported object (F-52)';
  }
  const m = PATH.exec(url.pathname);
  if (!m) return 'does not have the Object Storage shape https://<host>[/p/<token>]/n/<namespace>/b/<bucket>/o/<object> (F-50, F-51)';
  try {
    return {
      kind: 'uri',
      uri,
      origin: url.origin,
      parToken: m[1],
      namespace: decodeURIComponent(m[2]),
      bucket: decodeURIComponent(m[3]),
      // Object names may contain '/' and arrive URL-encoded (F-50).
      objectName: decodeURIComponent(m[4]),
    };
  } catch {
    return 'contains malformed percent-encoding';
  }
}

/** Identity of the destination object, independent of the access path (tuple, URL or a rotated PAR). */
export function destinationKey(d: Destination): string {
  return `${d.namespace}/${d.bucket}/${d.objectName}`;
}

/** A description that is safe to print: the PAR token is never included. */
export function describeDestination(d: Destination): string {
  const where = `namespace ${d.namespace}, bucket ${d.bucket}, object ${d.objectName}`;
  if (d.kind === 'tuple') return where;
  return d.parToken ? `${where} (through a pre-authenticated request)` : `${where} (at ${d.origin})`;
}

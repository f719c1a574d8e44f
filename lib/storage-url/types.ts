/**
 * Parts of an Object Storage object URL (F-50):
 * `https://<host>/n/<namespace>/b/<bucket>/o/<object>`.
 */
export interface ObjectUrlParts {
  /** Host name, e.g. `objectstorage.us-ashburn-1.oraclecloud.com`. */
  readonly host: string;
  /** Object Storage namespace (lowercase letters and digits). */
  readonly namespaceName: string;
  /** Bucket name: 1-256 letters, digits, `-`, `_` or `.`. */
  readonly bucket: string;
  /** Decoded object name; may contain `/`, spaces and any Unicode. */
  readonly objectName: string;
}

/**
 * Parts of a pre-authenticated request URL (F-51):
 * `https://<host>/p/<token>/n/<namespace>/b/<bucket>/o/<object>`.
 * The token is a bearer secret (F-55): never log it.
 */
export interface ParUrlParts {
  readonly host: string;
  /** The secret PAR token, exactly as it appears in the URL. */
  readonly token: string;
  readonly namespaceName: string;
  readonly bucket: string;
  /** Decoded object name; absent for a bucket-level PAR (F-52). */
  readonly objectName?: string;
}

import { redact } from './errors';
import { buildObjectUrl, parseObjectUrl } from './object-url';
import { buildParUrl, parseParUrl, urlFromAccessUri, withObjectName } from './par-url';
import { dedicatedHost, realmDomainForRegion, regionalHost } from './realms';
import { ObjectUrlParts, ParUrlParts } from './types';
import { OciImageTransferError } from '../core/errors';
import { isUnresolved } from '../core/tokens';

/**
 * Parse, build and describe OCI Object Storage object URLs and PAR URLs.
 * A class of static methods because jsii allows no free functions. Every
 * method throws the library's OciImageTransferError on bad input; none imports cdktf, so callers
 * must check isUnresolved() and skip token values themselves.
 */
export class ObjectStorageUrl {
  /** True when the value holds a cdktf token or Terraform interpolation (`${`). */
  public static isUnresolved(value: string): boolean {
    return typeof value === 'string' && isUnresolved(value);
  }

  /** Parses `https://<host>/n/<namespace>/b/<bucket>/o/<object>`; the object name is decoded. */
  public static parseObjectUrl(url: string): ObjectUrlParts {
    return parseObjectUrl(url);
  }

  /** Builds an object URL, encoding the object name (`/` becomes %2F). */
  public static buildObjectUrl(parts: ObjectUrlParts): string {
    return buildObjectUrl(parts);
  }

  /** Parses `https://<host>/p/<token>/n/<namespace>/b/<bucket>[/o/<object>]`. */
  public static parseParUrl(url: string): ParUrlParts {
    return parseParUrl(url);
  }

  /** Builds a PAR URL; without objectName it is a bucket-level PAR ending in `/o/`. */
  public static buildParUrl(parts: ParUrlParts): string {
    return buildParUrl(parts);
  }

  /**
   * True for the library's error type, OciImageTransferError, which every
   * method here throws on bad input. jsii cannot export Error subclasses
   * (aws/jsii#50), so non-TypeScript callers use this instead of `instanceof`.
   */
  public static isOciImageTransferError(thrown: any): boolean {
    return OciImageTransferError.isOciImageTransferError(thrown);
  }

  /** True when the value is a well-formed PAR URL (false for tokens and anything malformed). */
  public static isParUrl(url: string): boolean {
    try {
      parseParUrl(url);
      return true;
    } catch (e) {
      if (OciImageTransferError.isOciImageTransferError(e)) return false;
      throw e;
    }
  }

  /** Appends `/o/<encoded object>` to a bucket-level PAR URL; throws if it already names an object. */
  public static withObjectName(bucketParUrl: string, objectName: string): string {
    return withObjectName(bucketParUrl, objectName);
  }

  /** Realm domain serving the region (e.g. `oraclecloud.com`, `oraclegovcloud.com`). */
  public static realmDomainForRegion(region: string): string {
    return realmDomainForRegion(region);
  }

  /** `objectstorage.<region>.<domain>`; realmDomain overrides the built-in realm table. */
  public static hostForRegion(region: string, realmDomain?: string): string {
    return regionalHost(region, realmDomain);
  }

  /** Dedicated endpoint host `<namespace>.objectstorage.<region>.oci.customer-oci.com` (OC1 only). */
  public static dedicatedHost(namespaceName: string, region: string): string {
    return dedicatedHost(namespaceName, region);
  }

  /** Turns a PAR `access_uri` (a path beginning with /p/) into a full https URL. */
  public static urlFromAccessUri(region: string, accessUri: string, realmDomain?: string): string {
    return urlFromAccessUri(region, accessUri, realmDomain);
  }

  /**
   * Form safe for logs: PAR token, user info and any query replaced by
   * `***`; a path that is neither an object nor a PAR path is masked whole.
   */
  public static describe(url: string): string {
    return typeof url === 'string' ? redact(url) : String(url);
  }

  private constructor() {}
}

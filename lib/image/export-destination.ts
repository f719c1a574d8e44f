import { Fn } from 'cdktf';
import { IConstruct } from 'constructs';
import { OciImageTransferError } from '../core/errors';
import { checkRegionArgument, checkUrlArgument } from '../core/factory-checks';
import { transitBucket } from './prop-checks';
import { isUnresolved } from '../core/tokens';
import { tryParseStorageUrl } from '../storage-url/try-parse';
import { ObjectStorageUrl } from '../storage-url';
import { ITransitBucket } from './transit-bucket';

/** What the export step tells its destination when it binds it. */
export interface ExportDestinationBindOptions {
  /** The object name the user gave. @default none (a bucket-level PAR URL is then refused, F-52) */
  readonly objectName?: string;
  /** The name to use when neither the user nor the URL gives one. */
  readonly defaultObjectName: string;
}

/** Where the export writes, as the export step and its runner need it. */
export interface ExportDestinationConfig {
  /** Destination namespace; empty when the URL is known only at apply or malformed (rule OIT050 reports it). */
  readonly namespace: string;
  /** Destination bucket; empty like `namespace`. */
  readonly bucketName: string;
  /** Destination object name. */
  readonly objectName: string;
  /** Region of the bucket. @default unknown */
  readonly region?: string;
  /** The bucket, for a bucket destination. @default none (a URL destination) */
  readonly bucket?: ITransitBucket;
  /** The complete object URL or PAR URL (a secret, F-55), for a URL destination. @default none (a bucket destination) */
  readonly url?: string;
  /** The state key that replaces the export when it changes: the tuple, or only a digest of a URL (a PAR URL is a secret, F-55). */
  readonly replaceKey: string;
  /** How the compatibility checks describe it: `bucket`, `par` or `url`. */
  readonly destinationKind: string;
}

const EXPORTDESTINATION_BRAND = Symbol.for('cdktf-oci-image-transfer.ExportDestination');

/**
 * Where `ExportedImage` writes the image. Enum-like class for jsii: build
 * one with a static factory; the export step calls `bind`.
 */
export abstract class ExportDestination {
  /** True for any ExportDestination, also one made by another copy of this library (a `Symbol.for` brand, not `instanceof`). */
  public static isExportDestination(x: any): x is ExportDestination {
    return x !== null && typeof x === 'object' && x[EXPORTDESTINATION_BRAND] === true;
  }

  protected constructor() {
    Object.defineProperty(this, EXPORTDESTINATION_BRAND, { value: true });
  }

  /** A bucket managed by this program (or referenced with `TransitBucket.fromBucketName`). */
  public static toBucket(bucket: ITransitBucket): ExportDestination {
    transitBucket('ExportDestination.toBucket', 'bucket', bucket, true);
    return new BucketDestination(bucket);
  }

  /**
   * An Object Storage URL or a PAR URL (write access). A PAR URL is a bearer
   * secret (F-55): pass it from a sensitive `TerraformVariable`; it is only
   * ever put in the runner's environment, never on a command line. A PAR made
   * for a bucket needs `/o/<object>` appended (F-52): pass `objectName` and it
   * is done for you.
   */
  public static toUrl(url: string, region?: string): ExportDestination {
    checkUrlArgument('ExportDestination.toUrl', url, ['F-50']);
    checkRegionArgument('ExportDestination.toUrl', region);
    return new UrlDestination(url, region);
  }

  /** Called by the export step (`scope`). */
  public abstract bind(scope: IConstruct, options: ExportDestinationBindOptions): ExportDestinationConfig;
}

class BucketDestination extends ExportDestination {
  constructor(private readonly bucket: ITransitBucket) {
    super();
  }

  public bind(_scope: IConstruct, options: ExportDestinationBindOptions): ExportDestinationConfig {
    const b = this.bucket;
    const objectName = options.objectName ?? options.defaultObjectName;
    return {
      namespace: b.namespace, bucketName: b.bucketName, objectName, region: b.region, bucket: b,
      replaceKey: `${b.namespace}/${b.bucketName}/${objectName}`, destinationKind: 'bucket',
    };
  }
}

class UrlDestination extends ExportDestination {
  constructor(private readonly url: string, private readonly region?: string) {
    super();
  }

  public bind(scope: IConstruct, options: ExportDestinationBindOptions): ExportDestinationConfig {
    const url = completeUrl(scope.node.path, this.url ?? '', options.objectName);
    const parts = isUnresolved(url) ? undefined : tryParseStorageUrl(url); // malformed: rule OIT050 reports it at synth
    return {
      namespace: parts?.namespace ?? '', bucketName: parts?.bucket ?? '', objectName: parts?.objectName ?? options.objectName ?? options.defaultObjectName,
      region: this.region, url, replaceKey: Fn.sha256(url), destinationKind: parts && 'token' in parts ? 'par' : 'url',
    };
  }
}

/** A bucket-level PAR needs `/o/<object>` appended (F-52). */
function completeUrl(path: string, url: string, objectName?: string): string {
  if (!url) throw new OciImageTransferError(path, 'destination URL is empty', 'pass an object URL or PAR URL', ['F-50']);
  if (isUnresolved(url) || !ObjectStorageUrl.isParUrl(url) || !tryParseStorageUrl(url)) return url;
  const par = ObjectStorageUrl.parseParUrl(url);
  if (par.objectName !== undefined) return url;
  if (!objectName) {
    throw new OciImageTransferError(path, `destination ${ObjectStorageUrl.describe(url)} is a bucket-level PAR with no object name`,
      'pass objectName so that /o/<object> is appended to the PAR URL', ['F-52']);
  }
  return ObjectStorageUrl.withObjectName(url, objectName);
}

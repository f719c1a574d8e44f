import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { sameStackDependencies } from './dependencies';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { ObjectstorageObject } from '../provider';
import { IImageObject } from './image-object';
import { lineageOf, setLineage } from './lineage';
import { lifecycleFor, sourceVersionMarker } from './source-version';
import { providerRegion } from './provider-facts';
import { checkImageObjectCopyProps } from './prop-checks';
import { ITransitBucket, TransitBucket } from './transit-bucket';
import { isUnresolved } from '../core/tokens';

/** Props of `ImageObjectCopy`. */
export interface ImageObjectCopyProps {
  /** The object to copy (an export, or an existing object). */
  readonly source: IImageObject;
  /**
   * Provider of the **target** region: the copy runs in the provider's region (F-62).
   * Required, because the stack's default provider is usually the source region.
   */
  readonly provider: TerraformProvider;
  /** Target region, for the checks and the lineage. @default the provider's `region` */
  readonly targetRegion?: string;
  /** Bucket in the target region. @default a new `TransitBucket` (needs `compartmentId`) */
  readonly destinationBucket?: ITransitBucket;
  /** Compartment of the bucket created when `destinationBucket` is not given. */
  readonly compartmentId?: string;
  /** Name of the bucket created when `destinationBucket` is not given. @default derived from the path */
  readonly bucketName?: string;
  /** Object name in the target bucket. @default the source object's name */
  readonly objectName?: string;
  /**
   * Create timeout: the provider waits for the copy work request, and its
   * 20-minute default is too short for large images (F-62).
   * @default 480 (8 hours)
   */
  readonly createTimeoutMinutes?: number;
  readonly freeformTags?: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
}

/** Default create timeout of a cross-region copy (F-62: the provider's 20 min is too short). */
export const DEFAULT_COPY_TIMEOUT_MINUTES = 480;

/**
 * Copies an image object to a bucket in another region with
 * `oci_objectstorage_object` + `source_uri_details` on the target region's
 * provider (F-02, F-62).
 *
 * Replacement hazard: the resource owns the destination object, so
 * replacing it (a ForceNew change such as another source) deletes that
 * object first. Two copies into the same bucket and object name would
 * delete each other's object, so the checks reject that (rule OIT052), and
 * the default destination name comes from the source, which is unique per
 * export. Imports ignore later source changes (F-61), so a re-copy never
 * replaces an image.
 */
export class ImageObjectCopy extends Construct implements IImageObject {
  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly objectName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  public readonly destinationBucket: ITransitBucket;
  /** The underlying `oci_objectstorage_object`. */
  public readonly object: ObjectstorageObject;
  public readonly dependables: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ImageObjectCopyProps) {
    super(scope, id);
    const path = this.node.path;
    checkImageObjectCopyProps(path, props);
    if (!props.provider) {
      throw new OciImageTransferError(path, 'provider is undefined', "pass the target region's provider: the copy lands in the provider's region", ['F-62']);
    }
    const timeout = props.createTimeoutMinutes ?? DEFAULT_COPY_TIMEOUT_MINUTES;
    if (!isUnresolved(timeout) && (!Number.isInteger(timeout) || timeout <= 0)) {
      throw new OciImageTransferError(path, `createTimeoutMinutes is ${timeout}`, 'use a positive whole number of minutes, sized for the image (hours for large images)', ['F-62']);
    }
    this.provider = props.provider;
    this.region = props.targetRegion ?? providerRegion(props.provider);
    if (props.destinationBucket) {
      this.destinationBucket = props.destinationBucket;
    } else {
      if (!props.compartmentId) {
        throw new OciImageTransferError(path, 'neither destinationBucket nor compartmentId is set',
          'pass destinationBucket (an existing or shared TransitBucket) or compartmentId to create a bucket in the target region', ['F-02']);
      }
      this.destinationBucket = new TransitBucket(this, 'Bucket', {
        compartmentId: props.compartmentId, bucketName: props.bucketName, provider: props.provider, region: this.region,
        freeformTags: props.freeformTags, definedTags: props.definedTags,
      });
    }
    if (this.destinationBucket instanceof TransitBucket) this.destinationBucket._registerCopy(path);
    this.namespace = this.destinationBucket.namespace;
    this.bucketName = this.destinationBucket.bucketName;
    this.objectName = props.objectName ?? props.source.objectName;
    const source = props.source;
    const sourceRegion = source.region;
    if (!sourceRegion) {
      throw new OciImageTransferError(path, `the source object ${source.node.path} has no known region`,
        'give the source bucket a region (TransitBucket region/provider, or region on fromExistingObject): source_uri_details needs it', ['F-62']);
    }
    this.object = new ObjectstorageObject(this, 'Object', {
      provider: props.provider,
      namespace: this.namespace,
      bucket: this.bucketName,
      object: this.objectName,
      sourceUriDetails: { region: sourceRegion, namespace: source.namespace, bucket: source.bucketName, object: source.objectName },
      timeouts: { create: `${timeout}m` },
      dependsOn: sameStackDependencies(this, source.dependables),
      ...lifecycleFor(sourceVersionMarker(this, lineageOf(source))),
    });
    this.dependables = [this.object];
    if (this.destinationBucket instanceof TransitBucket) this.destinationBucket._registerObjectWriter(this.object);

    CompatChecks.of(this)._record({
      kind: 'copy', path, upstreamPath: lineageOf(source).copyPath ?? lineageOf(source).exportPath ?? source.node.path,
      sourceRegion, targetRegion: this.region, namespace: this.namespace, bucket: this.bucketName, objectName: this.objectName,
      createTimeoutMinutes: timeout,
    });
    setLineage(this, { ...lineageOf(source), copyPath: path, objectRegion: this.region });
  }
}

import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { sameStackDependencies } from './dependencies';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { ObjectstorageObject } from '../provider';
import { IImageObject } from './image-object';
import { lineageOf } from './lineage';
import { ITransferFactSource } from '../compat/fact-source';
import { ImageLineage } from '../compat/lineage';
import { CopyRecord } from '../compat/model';
import { lifecycleFor, sourceVersionMarker } from './source-version';
import { providerRegion } from './provider-facts';
import { checkImageObjectCopyProps } from './prop-checks';
import { ITransitBucket, TransitBucket } from './transit-bucket';
import { isUnresolved } from '../core/tokens';
import { frozenArray } from '../core/collections';

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
/** @deprecated Use `ImageObjectCopy.DEFAULT_TIMEOUT_MINUTES` (a static member, visible in every jsii language). */
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
export class ImageObjectCopy extends Construct implements IImageObject, ITransferFactSource {
  /** Default create timeout of the cross-region copy, in minutes. */
  public static readonly DEFAULT_TIMEOUT_MINUTES: number = DEFAULT_COPY_TIMEOUT_MINUTES;

  public readonly namespaceName: string;
  public readonly bucketName: string;
  public readonly objectName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  public readonly destinationBucket: ITransitBucket;
  /** The underlying `oci_objectstorage_object`. */
  public readonly storageObject: ObjectstorageObject;
  public readonly dependables: ITerraformDependable[];
  /** The source object's lineage, with this copy and the object's new region. */
  public readonly lineage: ImageLineage;
  private readonly record: CopyRecord;

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
    this.destinationBucket.registerCopy(this);
    this.namespaceName = this.destinationBucket.namespaceName;
    this.bucketName = this.destinationBucket.bucketName;
    this.objectName = props.objectName ?? props.source.objectName;
    const source = props.source;
    const sourceRegion = source.region;
    if (!sourceRegion) {
      throw new OciImageTransferError(path, `the source object ${source.node.path} has no known region`,
        'give the source bucket a region (TransitBucket region/provider, or region on fromImageObjectAttributes): source_uri_details needs it', ['F-62']);
    }
    this.storageObject = new ObjectstorageObject(this, 'Object', {
      provider: props.provider,
      namespaceName: this.namespaceName,
      bucket: this.bucketName,
      objectName: this.objectName,
      sourceUriDetails: { region: sourceRegion, namespaceName: source.namespaceName, bucket: source.bucketName, objectName: source.objectName },
      timeouts: { create: `${timeout}m` },
      dependsOn: sameStackDependencies(this, source.dependables),
      ...lifecycleFor(sourceVersionMarker(this, lineageOf(source))),
    });
    this.dependables = frozenArray<ITerraformDependable>([this.storageObject]);
    this.destinationBucket.registerObjectWriter(this.storageObject);

    this.record = {
      kind: 'copy', path, upstreamPath: lineageOf(source).copyPath ?? lineageOf(source).exportPath ?? source.node.path,
      sourceRegion, targetRegion: this.region, namespace: this.namespaceName, bucket: this.bucketName, objectName: this.objectName,
      createTimeoutMinutes: timeout,
    };
    CompatChecks._addFactSource(this);
    this.lineage = { ...lineageOf(source), copyPath: path, objectRegion: this.region };
  }

  /** @internal what the checks read of this copy. */
  public _transferRecords(): CopyRecord[] {
    return [this.record];
  }
}

import { dependable, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CompatChecks } from '../compat/compat-checks';
import { BucketRecord } from '../compat/model';
import { ObjectstorageBucket, ObjectstorageObjectLifecyclePolicy } from '../provider';
import { sharedNamespace } from './namespace-lookup';
import { nameFromPath } from './names';
import { checkExistingBucketProps, checkTransitBucketProps } from './prop-checks';
import { providerRegion } from './provider-facts';

/** A bucket that holds image files in transit. */
export interface ITransitBucket extends IConstruct {
  readonly namespace: string;
  readonly bucketName: string;
  /** Region of the bucket, if known. */
  readonly region?: string;
  /** Provider of the bucket's region and tenancy. */
  readonly provider?: TerraformProvider;
}

/** Props of `TransitBucket`. */
export interface TransitBucketProps {
  /** Compartment OCID of the bucket. */
  readonly compartmentId: string;
  /** Bucket name. @default derived from the construct path (deterministic) */
  readonly bucketName?: string;
  /** Object Storage namespace. @default read with data `oci_objectstorage_namespace`, one lookup per stack and provider */
  readonly namespace?: string;
  /** Provider of the bucket's region (and tenancy). @default the stack's default `oci` provider */
  readonly provider?: TerraformProvider;
  /** Region, for the checks. @default the provider's `region` */
  readonly region?: string;
  /** KMS key OCID for server-side encryption. @default Oracle-managed keys */
  readonly kmsKeyId?: string;
  /**
   * Delete transit objects this many days after they were written (F-67).
   * Safe only for objects nothing re-reads: exported objects are written by a
   * one-shot step (F-81), but copies are `oci_objectstorage_object` resources
   * that Terraform re-reads and would re-create once deleted.
   * 0 turns the rule off.
   * @default 7 when no `ImageObjectCopy` lands in this bucket; off when one does
   */
  readonly expireObjectsAfterDays?: number;
  /** Only objects under this prefix expire. @default `images/` (where the library writes) */
  readonly expiringPrefix?: string;
  readonly freeformTags?: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
}

/** Props of `TransitBucket.fromBucketName`. */
export interface ExistingBucketProps {
  readonly namespace: string;
  readonly bucketName: string;
  /** Region, for the checks. @default the provider's `region` */
  readonly region?: string;
  /** @default the stack's default `oci` provider */
  readonly provider?: TerraformProvider;
}

/** Default retention of transit objects, when it is safe (see `expireObjectsAfterDays`). */
export const DEFAULT_TRANSIT_EXPIRY_DAYS = 7;

/**
 * A private bucket (`NoPublicAccess`) for image files in transit, with an
 * optional KMS key and a lifecycle rule that deletes transit objects when
 * the steady-state model says it is safe (F-63, F-67, F-80, F-81).
 */
export class TransitBucket extends Construct implements ITransitBucket {
  /** Refer to a bucket that already exists. */
  public static fromBucketName(scope: Construct, id: string, props: ExistingBucketProps): ITransitBucket {
    return new ExistingBucket(scope, id, props);
  }

  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  /** The underlying bucket resource. */
  public readonly bucket: ObjectstorageBucket;
  private readonly record: BucketRecord;
  private readonly props: TransitBucketProps;
  private readonly objectWriters: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: TransitBucketProps) {
    super(scope, id);
    this.props = props;
    checkTransitBucketProps(this.node.path, props);
    this.provider = props.provider;
    this.region = props.region ?? providerRegion(props.provider);
    const namespace = props.namespace
      ?? sharedNamespace(this, props.provider, props.compartmentId);
    const name = props.bucketName ?? nameFromPath(this, 250);
    this.bucket = new ObjectstorageBucket(this, 'Bucket', {
      provider: props.provider,
      compartmentId: props.compartmentId,
      name,
      namespace,
      accessType: 'NoPublicAccess',
      kmsKeyId: props.kmsKeyId,
      freeformTags: props.freeformTags,
      definedTags: props.definedTags,
    });
    this.namespace = namespace;
    // A reference, so that every consumer depends on the bucket.
    this.bucketName = this.bucket.name;
    this.record = {
      kind: 'bucket', path: this.node.path, region: this.region, bucketName: name,
      expireAfterDays: props.expireObjectsAfterDays, copyPaths: [], definedTags: props.definedTags,
    };
    const checks = CompatChecks.of(this);
    checks._record(this.record);
    checks._beforeSynth(() => this.addLifecycleRule());
  }

  /** @internal an `ImageObjectCopy` lands here: automatic expiry would make later plans re-copy. */
  public _registerCopy(copyPath: string): void {
    this.record.copyPaths.push(copyPath);
  }

  /**
   * @internal a resource whose destroy removes objects from this bucket (an
   * export's teardown, a copy). It is made to depend on the lifecycle
   * policy, so that at destroy the policy outlives the objects it expires.
   */
  public _registerObjectWriter(writer: TerraformResource): void {
    this.objectWriters.push(writer);
  }

  private addLifecycleRule(): void {
    const explicit = this.props.expireObjectsAfterDays;
    const days = explicit ?? (this.record.copyPaths.length ? 0 : DEFAULT_TRANSIT_EXPIRY_DAYS);
    (this.record as { expireAfterDays?: number }).expireAfterDays = days;
    if (days === 0) return;
    const policy = new ObjectstorageObjectLifecyclePolicy(this, 'ExpireTransitObjects', {
      provider: this.props.provider,
      namespace: this.namespace,
      bucket: this.bucketName,
      rules: [{
        name: 'expire-image-transit-objects',
        action: 'DELETE',
        isEnabled: true,
        target: 'objects',
        timeAmount: String(days),
        timeUnit: 'DAYS',
        objectNameFilter: { inclusionPrefixes: [this.props.expiringPrefix ?? 'images/'] },
      }],
    });
    for (const writer of this.objectWriters) {
      if (TerraformStack.of(writer) !== TerraformStack.of(this)) continue; // other stacks are ordered as whole stacks
      writer.dependsOn = [...(writer.dependsOn ?? []), dependable(policy)];
    }
  }
}

class ExistingBucket extends Construct implements ITransitBucket {
  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: ExistingBucketProps) {
    super(scope, id);
    checkExistingBucketProps(this.node.path, props);
    this.namespace = props.namespace;
    this.bucketName = props.bucketName;
    this.provider = props.provider;
    this.region = props.region ?? providerRegion(props.provider);
  }
}

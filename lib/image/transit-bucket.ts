import { dependable, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CompatChecks } from '../compat/compat-checks';
import { ITransferFactSource } from '../compat/fact-source';
import { BucketRecord } from '../compat/model';
import { ObjectstorageBucket, ObjectstorageObjectLifecyclePolicy } from '../provider';
import { sharedNamespace } from './namespace-lookup';
import { nameFromPath } from './names';
import { checkExistingBucketProps, checkTransitBucketProps } from './prop-checks';
import { providerRegion } from './provider-facts';
import { addBrand, hasBrand } from '../core/brand';

/** A bucket that holds image files in transit. */
export interface ITransitBucket extends IConstruct {
  readonly namespaceName: string;
  readonly bucketName: string;
  /** Region of the bucket, if known. */
  readonly region?: string;
  /** Provider of the bucket's region and tenancy. */
  readonly provider?: TerraformProvider;

  /**
   * Called by an `ImageObjectCopy` that writes into this bucket. A bucket
   * that expires its objects by default turns that off: Terraform re-reads a
   * copied object and would copy it again once it expired (F-67, F-81).
   * A bucket this program does not manage (`TransitBucket.fromBucketAttributes`)
   * does nothing.
   */
  registerCopy(objectCopy: IConstruct): void;

  /**
   * Called with a resource whose destroy deletes objects from this bucket (an
   * export's teardown, a copy). A bucket with a lifecycle policy makes the
   * resource depend on it, so that at destroy the objects go before the
   * policy, and the policy before the bucket. A bucket this program does not
   * manage does nothing.
   */
  registerObjectWriter(writer: TerraformResource): void;
}

/** Props of `TransitBucket`. */
export interface TransitBucketProps {
  /** Compartment OCID of the bucket. */
  readonly compartmentId: string;
  /** Bucket name. @default derived from the construct path (deterministic) */
  readonly bucketName?: string;
  /** Object Storage namespace. @default read with data `oci_objectstorage_namespace`, one lookup per stack and provider */
  readonly namespaceName?: string;
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

/** Props of `TransitBucket.fromBucketAttributes`. */
export interface TransitBucketAttributes {
  readonly namespaceName: string;
  readonly bucketName: string;
  /** Region, for the checks. @default the provider's `region` */
  readonly region?: string;
  /** @default the stack's default `oci` provider */
  readonly provider?: TerraformProvider;
}

/** Default retention of transit objects, when it is safe (see `expireObjectsAfterDays`). */
/** @deprecated Use `TransitBucket.DEFAULT_EXPIRY_DAYS` (a static member, visible in every jsii language). */
export const DEFAULT_TRANSIT_EXPIRY_DAYS = 7;

/**
 * A private bucket (`NoPublicAccess`) for image files in transit, with an
 * optional KMS key and a lifecycle rule that deletes transit objects when
 * the steady-state model says it is safe (F-63, F-67, F-80, F-81).
 */
export class TransitBucket extends Construct implements ITransitBucket, ITransferFactSource {
  /** Default retention of transit objects in days, when it is safe (see `expireObjectsAfterDays`). */
  public static readonly DEFAULT_EXPIRY_DAYS: number = DEFAULT_TRANSIT_EXPIRY_DAYS;

  /** Refer to a bucket that already exists. */
  public static fromBucketAttributes(scope: Construct, id: string, props: TransitBucketAttributes): ITransitBucket {
    return new ExistingBucket(scope, id, props);
  }

  /** Whether `x` is a `TransitBucket` (from any copy of this library). */
  public static isTransitBucket(x: any): x is TransitBucket {
    return hasBrand(x, 'TransitBucket');
  }

  public readonly namespaceName: string;
  public readonly bucketName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  /** The underlying bucket resource. */
  public readonly bucket: ObjectstorageBucket;
  private readonly record: BucketRecord;
  private readonly explicitExpiry?: number;
  /** The lifecycle policy while the bucket expires its objects. */
  private policy?: ObjectstorageObjectLifecyclePolicy;
  /** Writers made to depend on the policy, and the entry each got. */
  private readonly policyDependents: Array<{ writer: TerraformResource; entry: string; hadNone: boolean }> = [];

  constructor(scope: Construct, id: string, props: TransitBucketProps) {
    super(scope, id);
    addBrand(this, 'TransitBucket');
    checkTransitBucketProps(this.node.path, props);
    this.provider = props.provider;
    this.region = props.region ?? providerRegion(props.provider);
    const namespace = props.namespaceName
      ?? sharedNamespace(this, props.provider, props.compartmentId);
    const name = props.bucketName ?? nameFromPath(this, 250);
    this.bucket = new ObjectstorageBucket(this, 'Bucket', {
      provider: props.provider,
      compartmentId: props.compartmentId,
      name,
      namespaceName: namespace,
      accessType: 'NoPublicAccess',
      kmsKeyId: props.kmsKeyId,
      freeformTags: props.freeformTags,
      definedTags: props.definedTags,
    });
    this.namespaceName = namespace;
    // A reference, so that every consumer depends on the bucket.
    this.bucketName = this.bucket.name;
    this.explicitExpiry = props.expireObjectsAfterDays;
    // Expiry is on until a copy registers (unless set explicitly): see registerCopy.
    const days = props.expireObjectsAfterDays ?? DEFAULT_TRANSIT_EXPIRY_DAYS;
    this.record = {
      kind: 'bucket', path: this.node.path, region: this.region, bucketName: name,
      expireAfterDays: days, copyPaths: [], definedTags: props.definedTags,
    };
    CompatChecks._addFactSource(this);
    if (days === 0) return;
    this.policy = new ObjectstorageObjectLifecyclePolicy(this, EXPIRY_POLICY_ID, {
      provider: props.provider,
      namespaceName: this.namespaceName,
      bucket: this.bucketName,
      rules: [{
        name: 'expire-image-transit-objects',
        action: 'DELETE',
        isEnabled: true,
        target: 'objects',
        timeAmount: String(days),
        timeUnit: 'DAYS',
        objectNameFilter: { inclusionPrefixes: [props.expiringPrefix ?? 'images/'] },
      }],
    });
  }

  /** @internal what the checks read of this bucket (its copies and expiry are complete at synth). */
  public _transferRecords(): BucketRecord[] {
    return [this.record];
  }

  /**
   * A copy lands here. Unless `expireObjectsAfterDays` was given, the default
   * expiry goes: the policy leaves the program, and so do the dependencies
   * of the writers registered so far.
   */
  public registerCopy(objectCopy: IConstruct): void {
    this.record.copyPaths.push(objectCopy.node.path);
    if (this.explicitExpiry !== undefined || !this.policy) return;
    (this.record as { expireAfterDays?: number }).expireAfterDays = 0;
    this.node.tryRemoveChild(EXPIRY_POLICY_ID);
    this.policy = undefined;
    for (const { writer, entry, hadNone } of this.policyDependents.splice(0)) {
      const rest = (writer.dependsOn ?? []).filter((d) => d !== entry);
      writer.dependsOn = rest.length || !hadNone ? rest : undefined;
    }
  }

  /**
   * A resource whose destroy removes objects from this bucket is made to
   * depend on the lifecycle policy (if there is one), so that at destroy the
   * policy outlives the objects it expires. A writer in another stack is
   * left alone: stacks are ordered as a whole.
   */
  public registerObjectWriter(writer: TerraformResource): void {
    if (!this.policy || TerraformStack.of(writer) !== TerraformStack.of(this)) return;
    const entry = dependable(this.policy);
    this.policyDependents.push({ writer, entry, hadNone: writer.dependsOn === undefined });
    writer.dependsOn = [...(writer.dependsOn ?? []), entry];
  }
}

/** Construct id of the lifecycle policy. */
const EXPIRY_POLICY_ID = 'ExpireTransitObjects';

class ExistingBucket extends Construct implements ITransitBucket {
  public readonly namespaceName: string;
  public readonly bucketName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: TransitBucketAttributes) {
    super(scope, id);
    checkExistingBucketProps(this.node.path, props);
    this.namespaceName = props.namespaceName;
    this.bucketName = props.bucketName;
    this.provider = props.provider;
    this.region = props.region ?? providerRegion(props.provider);
  }

  /** Nothing to do: the bucket's lifecycle belongs to whoever manages it. */
  public registerCopy(_objectCopy: IConstruct): void {
    return;
  }

  /** Nothing to do: this program manages no lifecycle policy of the bucket. */
  public registerObjectWriter(_writer: TerraformResource): void {
    return;
  }
}

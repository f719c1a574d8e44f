import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** Arguments of `oci_objectstorage_bucket` (F-63). */
export interface ObjectstorageBucketConfig extends TerraformMetaArguments {
  readonly compartmentId: string;
  readonly name: string;
  readonly namespace: string;
  /** `NoPublicAccess` (provider default), `ObjectRead`, ... */
  readonly accessType?: string;
  readonly autoTiering?: string;
  readonly definedTags?: { [key: string]: string };
  readonly freeformTags?: { [key: string]: string };
  readonly kmsKeyId?: string;
  readonly metadata?: { [key: string]: string };
  readonly objectEventsEnabled?: boolean;
  readonly storageTier?: string;
  readonly versioning?: string;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_objectstorage_bucket`. */
export class ObjectstorageBucket extends TerraformResource {
  public static readonly tfResourceType = 'oci_objectstorage_bucket';
  private readonly config: ObjectstorageBucketConfig;

  constructor(scope: Construct, id: string, config: ObjectstorageBucketConfig) {
    super(scope, id, { ...config, terraformResourceType: ObjectstorageBucket.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  public get bucketId(): string { return this.getStringAttribute('bucket_id'); }
  /** The bucket name as a reference, so consumers depend on the bucket. */
  public get name(): string { return this.getStringAttribute('name'); }
  public get namespace(): string { return this.getStringAttribute('namespace'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, VERBATIM);
  }
}

const VERBATIM: ReadonlySet<string> = new Set(['definedTags', 'freeformTags', 'metadata']);

import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { NAMESPACE_ATTRIBUTE, toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** `object_name_filter` of a lifecycle rule. */
export interface ObjectstorageObjectLifecyclePolicyRulesObjectNameFilter {
  readonly exclusionPatterns?: string[];
  readonly inclusionPatterns?: string[];
  readonly inclusionPrefixes?: string[];
}

/** One lifecycle rule (F-67). */
export interface ObjectstorageObjectLifecyclePolicyRules {
  /** `DELETE`, `ARCHIVE`, `INFREQUENT_ACCESS`, `ABORT`. */
  readonly action: string;
  readonly isEnabled: boolean;
  readonly name: string;
  /** `objects`, `multipart-uploads` or `previous-object-versions`. */
  readonly target?: string;
  readonly timeAmount: string;
  /** `DAYS` or `YEARS`. */
  readonly timeUnit: string;
  readonly objectNameFilter?: ObjectstorageObjectLifecyclePolicyRulesObjectNameFilter;
}

/** Arguments of `oci_objectstorage_object_lifecycle_policy`. */
export interface ObjectstorageObjectLifecyclePolicyConfig extends TerraformMetaArguments {
  readonly bucket: string;
  readonly namespaceName: string;
  readonly rules?: ObjectstorageObjectLifecyclePolicyRules[];
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_objectstorage_object_lifecycle_policy`: e.g. delete transit objects after N days (F-67). */
export class ObjectstorageObjectLifecyclePolicy extends TerraformResource {
  public static readonly tfResourceType = 'oci_objectstorage_object_lifecycle_policy';
  private readonly config: ObjectstorageObjectLifecyclePolicyConfig;

  constructor(scope: Construct, id: string, config: ObjectstorageObjectLifecyclePolicyConfig) {
    super(scope, id, {
      ...config,
      terraformResourceType: ObjectstorageObjectLifecyclePolicy.tfResourceType,
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
    });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, undefined, NAMESPACE_ATTRIBUTE);
  }
}

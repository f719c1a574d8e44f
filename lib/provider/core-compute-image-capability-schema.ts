import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** Arguments of `oci_core_compute_image_capability_schema` (F-65). */
export interface CoreComputeImageCapabilitySchemaConfig extends TerraformMetaArguments {
  readonly compartmentId: string;
  readonly computeGlobalImageCapabilitySchemaVersionName: string;
  readonly imageId: string;
  /** Capability name → JSON string (use `JSON.stringify` or `Fn.jsonencode`), not a block (F-65). */
  readonly schemaData: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
  readonly displayName?: string;
  readonly freeformTags?: { [key: string]: string };
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_core_compute_image_capability_schema`: capabilities (firmware, launch options) of a custom image. */
export class CoreComputeImageCapabilitySchema extends TerraformResource {
  public static readonly tfResourceType = 'oci_core_compute_image_capability_schema';
  private readonly config: CoreComputeImageCapabilitySchemaConfig;

  constructor(scope: Construct, id: string, config: CoreComputeImageCapabilitySchemaConfig) {
    super(scope, id, {
      ...config,
      terraformResourceType: CoreComputeImageCapabilitySchema.tfResourceType,
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
    });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, VERBATIM);
  }
}

const VERBATIM: ReadonlySet<string> = new Set(['schemaData', 'definedTags', 'freeformTags']);

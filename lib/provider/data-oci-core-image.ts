import { TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';

/** Arguments of data `oci_core_image`. */
export interface DataOciCoreImageConfig extends TerraformMetaArguments {
  readonly imageId: string;
}

/**
 * Data `oci_core_image`: reads one image (OS, size, listing type) at every
 * plan. The plan-time checks (lib/plan-checks) read the source image with it.
 */
export class DataOciCoreImage extends TerraformDataSource {
  public static readonly tfResourceType = 'oci_core_image';
  private readonly config: DataOciCoreImageConfig;

  constructor(scope: Construct, id: string, config: DataOciCoreImageConfig) {
    super(scope, id, { ...config, terraformResourceType: DataOciCoreImage.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  public get displayName(): string { return this.getStringAttribute('display_name'); }
  /** The image this one was made from; null for images not made from another. */
  public get baseImageId(): string { return this.getStringAttribute('base_image_id'); }
  public get billableSizeInGbs(): string { return this.getStringAttribute('billable_size_in_gbs'); }
  public get state(): string { return this.getStringAttribute('state'); }
  public get operatingSystem(): string { return this.getStringAttribute('operating_system'); }
  public get operatingSystemVersion(): string { return this.getStringAttribute('operating_system_version'); }
  public get sizeInMbs(): string { return this.getStringAttribute('size_in_mbs'); }
  public get listingType(): string { return this.getStringAttribute('listing_type'); }
  /** Null for platform and Marketplace images (they belong to no compartment of a tenancy). */
  public get compartmentId(): string { return this.getStringAttribute('compartment_id'); }
  public get launchMode(): string { return this.getStringAttribute('launch_mode'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config);
  }
}

import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** `image_source_details` of `oci_core_image` (F-60). */
export interface CoreImageImageSourceDetails {
  /** `objectStorageTuple` or `objectStorageUri`. */
  readonly sourceType: string;
  /** Bucket (tuple source). */
  readonly bucketName?: string;
  /** Namespace (tuple source). */
  readonly namespaceName?: string;
  /** Object name (tuple source). */
  readonly objectName?: string;
  /** Object URL or PAR URL (URI source). */
  readonly sourceUri?: string;
  /** Operating system of the image. */
  readonly operatingSystem?: string;
  /** Operating system version of the image. */
  readonly operatingSystemVersion?: string;
  /** `QCOW2` or `VMDK`; unset for an `.oci` file (F-13). */
  readonly sourceImageType?: string;
}

/** Arguments of `oci_core_image`. */
export interface CoreImageConfig extends TerraformMetaArguments {
  readonly compartmentId: string;
  readonly definedTags?: { [key: string]: string };
  readonly displayName?: string;
  readonly freeformTags?: { [key: string]: string };
  readonly id?: string;
  readonly instanceId?: string;
  readonly launchMode?: string;
  readonly imageSourceDetails?: CoreImageImageSourceDetails;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_core_image`: a custom image, here created by import from Object Storage. */
export class CoreImage extends TerraformResource {
  public static readonly tfResourceType = 'oci_core_image';
  private readonly config: CoreImageConfig;

  constructor(scope: Construct, id: string, config: CoreImageConfig) {
    super(scope, id, { ...config, terraformResourceType: CoreImage.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  public get state(): string { return this.getStringAttribute('state'); }
  public get sizeInMbs(): string { return this.getStringAttribute('size_in_mbs'); }
  public get operatingSystem(): string { return this.getStringAttribute('operating_system'); }
  public get operatingSystemVersion(): string { return this.getStringAttribute('operating_system_version'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, TAG_MAPS);
  }
}

const TAG_MAPS: ReadonlySet<string> = new Set(['definedTags', 'freeformTags']);

import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** Arguments of `oci_core_shape_management` (F-64). */
export interface CoreShapeManagementConfig extends TerraformMetaArguments {
  readonly compartmentId: string;
  readonly imageId: string;
  readonly shapeName: string;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_core_shape_management`: marks one shape compatible with an image. */
export class CoreShapeManagement extends TerraformResource {
  public static readonly tfResourceType = 'oci_core_shape_management';
  private readonly config: CoreShapeManagementConfig;

  constructor(scope: Construct, id: string, config: CoreShapeManagementConfig) {
    super(scope, id, { ...config, terraformResourceType: CoreShapeManagement.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  /** The shape name as configured (may be a token). */
  public get shapeNameInput(): string { return this.config.shapeName; }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config);
  }
}

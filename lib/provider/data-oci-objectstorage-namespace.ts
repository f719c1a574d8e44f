import { TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';

/** Arguments of data `oci_objectstorage_namespace`. */
export interface DataOciObjectstorageNamespaceConfig extends TerraformMetaArguments {
  /** Compartment used to find the tenancy. @default the provider's tenancy */
  readonly compartmentId?: string;
}

/** Data `oci_objectstorage_namespace`: the tenancy's Object Storage namespace. */
export class DataOciObjectstorageNamespace extends TerraformDataSource {
  public static readonly tfResourceType = 'oci_objectstorage_namespace';
  private readonly config: DataOciObjectstorageNamespaceConfig;

  constructor(scope: Construct, id: string, config: DataOciObjectstorageNamespaceConfig = {}) {
    super(scope, id, {
      ...config,
      terraformResourceType: DataOciObjectstorageNamespace.tfResourceType,
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
    });
    this.config = config;
  }

  public get namespaceName(): string { return this.getStringAttribute('namespace'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config);
  }
}

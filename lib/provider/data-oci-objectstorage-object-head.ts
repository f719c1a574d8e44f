import { TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { NAMESPACE_AND_OBJECT_ATTRIBUTES, toTerraformAttributes } from './terraform-attributes';

/** Arguments of data `oci_objectstorage_object_head`. */
export interface DataOciObjectstorageObjectHeadConfig extends TerraformMetaArguments {
  readonly bucket: string;
  readonly namespaceName: string;
  readonly objectName: string;
}

/**
 * Data `oci_objectstorage_object_head`: an object's metadata. Read again at
 * every plan, so it fails once a transit object is cleaned up (F-66, F-81);
 * the library itself never uses it on transit objects.
 */
export class DataOciObjectstorageObjectHead extends TerraformDataSource {
  public static readonly tfResourceType = 'oci_objectstorage_object_head';
  private readonly config: DataOciObjectstorageObjectHeadConfig;

  constructor(scope: Construct, id: string, config: DataOciObjectstorageObjectHeadConfig) {
    super(scope, id, {
      ...config,
      terraformResourceType: DataOciObjectstorageObjectHead.tfResourceType,
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
    });
    this.config = config;
  }

  public get contentLength(): number { return this.getNumberAttribute('content_length'); }
  public get etag(): string { return this.getStringAttribute('etag'); }
  public get contentType(): string { return this.getStringAttribute('content_type'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, undefined, NAMESPACE_AND_OBJECT_ATTRIBUTES);
  }
}

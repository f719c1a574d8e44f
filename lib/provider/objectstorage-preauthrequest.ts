import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { NAMESPACE_ATTRIBUTE, toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** Arguments of `oci_objectstorage_preauthrequest` (F-51, F-54). */
export interface ObjectstoragePreauthrequestConfig extends TerraformMetaArguments {
  /** ObjectRead, ObjectWrite, ObjectReadWrite, AnyObjectRead, AnyObjectWrite, AnyObjectReadWrite. */
  readonly accessType: string;
  readonly bucket: string;
  readonly name: string;
  readonly namespaceName: string;
  /** RFC 3339 expiry; ForceNew (F-54). */
  readonly timeExpires: string;
  readonly bucketListingAction?: string;
  /** Object the PAR is for; omit for a bucket-level PAR. */
  readonly objectName?: string;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_objectstorage_preauthrequest`: a pre-authenticated request (PAR). */
export class ObjectstoragePreauthrequest extends TerraformResource {
  public static readonly tfResourceType = 'oci_objectstorage_preauthrequest';
  private readonly config: ObjectstoragePreauthrequestConfig;

  constructor(scope: Construct, id: string, config: ObjectstoragePreauthrequestConfig) {
    super(scope, id, {
      ...config,
      terraformResourceType: ObjectstoragePreauthrequest.tfResourceType,
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
    });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  public get parId(): string { return this.getStringAttribute('par_id'); }
  /** Path part of the PAR URL (`/p/<token>/n/...`); set only by the create call (F-51). A secret. */
  public get accessUri(): string { return this.getStringAttribute('access_uri'); }
  /** Full PAR URL; set only by the create call (F-51). A secret. */
  public get fullPath(): string { return this.getStringAttribute('full_path'); }
  public get timeExpires(): string { return this.getStringAttribute('time_expires'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, undefined, NAMESPACE_ATTRIBUTE);
  }
}

import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** `source_uri_details` of `oci_objectstorage_object`: copy from another region (F-62). */
export interface ObjectstorageObjectSourceUriDetails {
  readonly region: string;
  readonly namespace: string;
  readonly bucket: string;
  readonly object: string;
  readonly destinationObjectIfMatchEtag?: string;
  readonly destinationObjectIfNoneMatchEtag?: string;
  readonly sourceObjectIfMatchEtag?: string;
  readonly sourceVersionId?: string;
}

/** Arguments of `oci_objectstorage_object`. */
export interface ObjectstorageObjectConfig extends TerraformMetaArguments {
  readonly bucket: string;
  readonly namespace: string;
  readonly object: string;
  readonly cacheControl?: string;
  /** Inline content; conflicts with `source` and `sourceUriDetails`. */
  readonly content?: string;
  readonly contentDisposition?: string;
  readonly contentEncoding?: string;
  readonly contentLanguage?: string;
  readonly contentMd5?: string;
  readonly contentType?: string;
  readonly deleteAllObjectVersions?: boolean;
  readonly metadata?: { [key: string]: string };
  readonly opcSseKmsKeyId?: string;
  /** Local file to upload; conflicts with `content` and `sourceUriDetails`. */
  readonly source?: string;
  readonly sourceUriDetails?: ObjectstorageObjectSourceUriDetails;
  readonly storageTier?: string;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_objectstorage_object`; with `sourceUriDetails` it copies an object across regions into the provider's region (F-62). */
export class ObjectstorageObject extends TerraformResource {
  public static readonly tfResourceType = 'oci_objectstorage_object';
  private readonly config: ObjectstorageObjectConfig;

  constructor(scope: Construct, id: string, config: ObjectstorageObjectConfig) {
    super(scope, id, { ...config, terraformResourceType: ObjectstorageObject.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  public get object(): string { return this.getStringAttribute('object'); }
  public get bucket(): string { return this.getStringAttribute('bucket'); }
  public get namespace(): string { return this.getStringAttribute('namespace'); }
  public get state(): string { return this.getStringAttribute('state'); }
  public get versionId(): string { return this.getStringAttribute('version_id'); }
  public get workRequestId(): string { return this.getStringAttribute('work_request_id'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, VERBATIM);
  }
}

const VERBATIM: ReadonlySet<string> = new Set(['metadata']);

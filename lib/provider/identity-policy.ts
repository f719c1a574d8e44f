import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { OCI_GENERATOR_METADATA } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';
import { OciResourceTimeouts } from './timeouts';

/** Arguments of `oci_identity_policy`. */
export interface IdentityPolicyConfig extends TerraformMetaArguments {
  readonly compartmentId: string;
  readonly description: string;
  readonly name: string;
  readonly statements: string[];
  readonly definedTags?: { [key: string]: string };
  readonly freeformTags?: { [key: string]: string };
  readonly versionDate?: string;
  readonly timeouts?: OciResourceTimeouts;
}

/** `oci_identity_policy`: IAM policy statements. */
export class IdentityPolicy extends TerraformResource {
  public static readonly tfResourceType = 'oci_identity_policy';
  private readonly config: IdentityPolicyConfig;

  constructor(scope: Construct, id: string, config: IdentityPolicyConfig) {
    super(scope, id, { ...config, terraformResourceType: IdentityPolicy.tfResourceType, terraformGeneratorMetadata: OCI_GENERATOR_METADATA });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return toTerraformAttributes(this.config, VERBATIM);
  }
}

const VERBATIM: ReadonlySet<string> = new Set(['definedTags', 'freeformTags']);

import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { escapeTemplates } from './terraform-attributes';

/** Arguments of the builtin `terraform_data` resource (Terraform >= 1.4). */
export interface TerraformDataConfig extends TerraformMetaArguments {
  /** Any value; stored in state and echoed as `output`. */
  readonly input?: any;
  /** Values whose change replaces the resource (and re-runs its provisioners). */
  readonly triggersReplace?: { [key: string]: any };
}

/**
 * The builtin `terraform_data` resource. cdktf's own `DataResource` runs
 * `terraform version` once per instance while synthesizing (about 80 ms
 * each, measured by `npm run bench`), so a rollout with many exports would
 * spend seconds spawning processes; this binding renders the same JSON.
 */
export class TerraformData extends TerraformResource {
  public static readonly tfResourceType = 'terraform_data';
  private readonly config: TerraformDataConfig;

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    // Provisioner commands and environments are literal text too: escape them like every attribute.
    const provisioners = config.provisioners?.map((p) => escapeTemplates({ ...p }));
    super(scope, id, { ...config, provisioners, terraformResourceType: TerraformData.tfResourceType });
    this.config = config;
  }

  public get id(): string { return this.getStringAttribute('id'); }
  /** The stored `input` (a string when the input is a string). */
  public get output(): string { return this.getStringAttribute('output'); }

  protected synthesizeAttributes(): { [name: string]: any } {
    return escapeTemplates({ input: this.config.input, triggers_replace: this.config.triggersReplace });
  }
}

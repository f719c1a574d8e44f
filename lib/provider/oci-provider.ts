import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { addBrand, hasBrand } from '../core/brand';
import { OCI_GENERATOR_METADATA, OCI_PROVIDER_SOURCE, OCI_PROVIDER_VERSION_CONSTRAINT } from './generator-metadata';
import { toTerraformAttributes } from './terraform-attributes';

/** Arguments of the `oci` provider block (F-68), named as `cdktf get` names them. */
export interface OciProviderConfig {
  /** Provider alias; one aliased provider per region or tenancy (F-68). @default no alias */
  readonly alias?: string;
  /** Authentication mode: ApiKey, InstancePrincipal, InstancePrincipalWithCerts, SecurityToken, ResourcePrincipal, OKEWorkloadIdentity. @default ApiKey */
  readonly auth?: string;
  /** Profile in the OCI config file. @default DEFAULT */
  readonly configFileProfile?: string;
  /** Turn off the provider's automatic retries. @default false */
  readonly disableAutoRetries?: boolean;
  /** Use dual-stack (IPv4/IPv6) endpoints. @default false */
  readonly dualStackEndpointEnabled?: boolean;
  /** API key fingerprint (ApiKey auth). @default from the config file */
  readonly fingerprint?: string;
  /** Defined tags the provider ignores in diffs. @default none */
  readonly ignoreDefinedTags?: string[];
  /** PEM private key (ApiKey auth); prefer `privateKeyPath`. @default from the config file */
  readonly privateKey?: string;
  /** Passphrase of the private key. @default none */
  readonly privateKeyPassword?: string;
  /** Path of the PEM private key. @default from the config file */
  readonly privateKeyPath?: string;
  /** Use realm-specific service endpoint templates. @default false */
  readonly realmSpecificServiceEndpointTemplateEnabled?: boolean;
  /** Region this provider talks to, e.g. `us-ashburn-1`. @default from the config file */
  readonly region?: string;
  /** File with per-service retry settings. @default none */
  readonly retriesConfigFile?: string;
  /** Seconds the provider keeps retrying. @default provider default (600) */
  readonly retryDurationSeconds?: number;
  /** Tenancy OCID. @default from the config file */
  readonly tenancyOcid?: string;
  /** Test-only maintenance reboot time (provider testing aid). @default none */
  readonly testTimeMaintenanceRebootDue?: string;
  /** User OCID (ApiKey auth). @default from the config file */
  readonly userOcid?: string;
}

/** The `oracle/oci` provider. Any other `TerraformProvider` for `oci` works wherever this one is accepted. */
export class OciProvider extends TerraformProvider {
  /** Registry source of the provider the bindings are written for. */
  public static readonly PROVIDER_SOURCE: string = OCI_PROVIDER_SOURCE;
  /** Provider versions the bindings are checked against (merged into the stack's `required_providers`). */
  public static readonly VERSION_CONSTRAINT: string = OCI_PROVIDER_VERSION_CONSTRAINT;
  
  public static readonly tfResourceType = 'oci';

  /** Whether `x` is this library's `OciProvider` (from any copy of the library), not another `oci` provider. */
  public static isOciProvider(x: any): x is OciProvider {
    return hasBrand(x, 'OciProvider');
  }

  /** The configuration this provider was created with (read by the compatibility checks). */
  public readonly config: OciProviderConfig;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: OciProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'oci',
      terraformGeneratorMetadata: OCI_GENERATOR_METADATA,
      terraformProviderSource: OCI_PROVIDER_SOURCE,
    });
    addBrand(this, 'OciProvider');
    this.config = config;
    this.alias = config.alias;
  }

  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  /** Region argument as given (may be a token or undefined). */
  public get region(): string | undefined {
    return this.config.region;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const { alias: _ignored, ...rest } = this.config;
    return toTerraformAttributes(rest);
  }
}

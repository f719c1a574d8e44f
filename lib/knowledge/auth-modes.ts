import { OciImageTransferError } from '../core/errors';

/**
 * What one auth mode means for this library. Kept as plain data, so that the
 * export runner's contract (lib/export/runner-contract.ts, bundled into the
 * runner without cdktf) reads the same table as the constructs and the rules.
 */
interface AuthModeTraits {
  readonly description: string;
  readonly nodeSdkRunner: boolean;
  readonly ociCliRunner: boolean;
  readonly readsConfigFile: boolean;
  readonly needsPar: boolean;
}

/**
 * How a caller authenticates to OCI: the values of the `oci` provider's
 * `auth` argument (oracle/oci 7.27.0, `internal/globalvar/constants.go`;
 * F-68). The provider compares them without regard to case; so does
 * `tryOf`. Each mode says whether the export runners accept it and whether
 * OCI requires a PAR instead of a bucket tuple for it (F-53).
 */
export class AuthMode {
  /** API signing key from an OCI config file (`~/.oci/config`); the provider's default. */
  public static readonly API_KEY = new AuthMode('ApiKey', {
    description: 'API signing key of a user, from the OCI config file profile',
    nodeSdkRunner: true, ociCliRunner: true, readsConfigFile: true, needsPar: false,
  });

  /** The instance's identity (dynamic group) from the instance metadata service. */
  public static readonly INSTANCE_PRINCIPAL = new AuthMode('InstancePrincipal', {
    description: 'identity of the OCI instance the apply runs on (dynamic group), from the metadata service',
    nodeSdkRunner: true, ociCliRunner: true, readsConfigFile: false, needsPar: true,
  });

  /**
   * Instance principal whose leaf certificate, key and intermediate
   * certificate the provider reads from files (`ip_cert.pem`, `ip_key.pem`,
   * `intermediate.pem` in the working directory) instead of the metadata
   * service. Neither export runner can load such certificates.
   */
  public static readonly INSTANCE_PRINCIPAL_WITH_CERTS = new AuthMode('InstancePrincipalWithCerts', {
    description: 'instance principal from certificate files (ip_cert.pem, ip_key.pem, intermediate.pem) instead of the metadata service',
    nodeSdkRunner: false, ociCliRunner: false, readsConfigFile: false, needsPar: true,
  });

  /** Session token of `oci session authenticate`, from a config file profile. */
  public static readonly SECURITY_TOKEN = new AuthMode('SecurityToken', {
    description: 'session token made by `oci session authenticate`, from the OCI config file profile',
    nodeSdkRunner: true, ociCliRunner: true, readsConfigFile: true, needsPar: false,
  });

  /** The identity an OCI service (e.g. Functions) gives the code it runs. */
  public static readonly RESOURCE_PRINCIPAL = new AuthMode('ResourcePrincipal', {
    description: 'identity an OCI service gives the code it runs (OCI_RESOURCE_PRINCIPAL_* variables)',
    nodeSdkRunner: true, ociCliRunner: true, readsConfigFile: false, needsPar: true,
  });

  /**
   * A Kubernetes workload's identity in OKE. The runners do not accept it
   * (the SDK and CLI could, but neither runner maps it). OCI documents no
   * bucket-tuple restriction for it, so no PAR is required by the checks.
   */
  public static readonly OKE_WORKLOAD_IDENTITY = new AuthMode('OKEWorkloadIdentity', {
    description: 'identity of a Kubernetes workload in OKE (OCI documents no bucket-tuple restriction for it)',
    nodeSdkRunner: false, ociCliRunner: false, readsConfigFile: false, needsPar: false,
  });

  /** Every mode, in the order of the provider's own error message. */
  public static readonly ALL: AuthMode[] = Object.freeze([
    AuthMode.API_KEY, AuthMode.INSTANCE_PRINCIPAL, AuthMode.INSTANCE_PRINCIPAL_WITH_CERTS,
    AuthMode.SECURITY_TOKEN, AuthMode.RESOURCE_PRINCIPAL, AuthMode.OKE_WORKLOAD_IDENTITY,
  ]) as AuthMode[];

  /** What the provider uses when `auth` is unset (F-68). */
  public static readonly DEFAULT = AuthMode.API_KEY;

  /** The mode for a value such as `instanceprincipal` (any case, as the provider reads it); undefined when it is none. */
  public static tryOf(value: string): AuthMode | undefined {
    if (typeof value !== 'string') return undefined;
    const v = value.trim().toLowerCase();
    return AuthMode.ALL.find((m) => m.value.toLowerCase() === v);
  }

  /** Like `tryOf`, but throws an error naming the bad value and the modes. */
  public static of(value: string): AuthMode {
    const mode = AuthMode.tryOf(value);
    if (!mode) {
      throw new OciImageTransferError('AuthMode.of', `auth mode ${JSON.stringify(value)} is not one of ${AuthMode.ALL.map((m) => m.value).join(', ')}`,
        'use an AuthMode constant such as AuthMode.API_KEY', ['F-68']);
    }
    return mode;
  }

  /**
   * @internal A mode named by a provider `auth` known only at apply (a token,
   * which the caller has checked): the runner gets the value as it is, and
   * every trait reads false, so the checks call it not checkable.
   */
  public static _unresolved(token: string): AuthMode {
    return new AuthMode(token, { description: 'known only at apply', nodeSdkRunner: false, ociCliRunner: false, readsConfigFile: false, needsPar: false }, false);
  }

  /** The provider's spelling, e.g. `InstancePrincipal`. */
  public readonly value: string;
  /** What the mode authenticates as. */
  public readonly description: string;
  /** The package's Node SDK export runner (`oci-image-export`) accepts it. */
  public readonly nodeSdkRunner: boolean;
  /** The oci CLI export script (`ExportRunner.ociCli()`) accepts it. */
  public readonly ociCliRunner: boolean;
  /** Credentials come from an OCI config file profile (`configFileProfile` applies). */
  public readonly readsConfigFile: boolean;
  /**
   * OCI answers "invalid bucketName" to this caller for an export to, or an
   * import from, a bucket tuple, so both go through a PAR (F-53).
   */
  public readonly needsPar: boolean;
  /** False only for a mode read from a provider `auth` known only at apply: its traits are then unknown. */
  public readonly resolved: boolean;

  private constructor(value: string, traits: AuthModeTraits, resolved = true) {
    this.resolved = resolved;
    this.value = value;
    this.description = traits.description;
    this.nodeSdkRunner = traits.nodeSdkRunner;
    this.ociCliRunner = traits.ociCliRunner;
    this.readsConfigFile = traits.readsConfigFile;
    this.needsPar = traits.needsPar;
  }

  public toString(): string {
    return this.value;
  }
}

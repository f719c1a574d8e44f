import { Fn } from 'cdktf';
import { IConstruct } from 'constructs';
import { OciImageTransferError } from '../core/errors';
import { fail, text } from '../core/validate';
import { AuthMode } from '../knowledge/auth-modes';
import { ExportFormat } from '../knowledge/formats';
import { ociCliExportScript } from './oci-cli-script';
import { DEFAULT_RUNNER_COMMAND, DESTINATION_URI_ENV, envNameForFlag, RUNNER_FLAGS } from './runner-contract';

/** Options of the Node SDK export runner. */
export interface NodeSdkRunnerOptions {
  /**
   * Command that starts the runner where `terraform apply` runs. Arguments
   * are never put on it: every input travels in the environment.
   * @default `npx --no-install oci-image-export` (this package installed next to the stack)
   */
  readonly command?: string;
  /**
   * Extra environment for the runner, e.g. `OCI_IMAGE_EXPORT_CONFIG_FILE`,
   * an endpoint override, or a proxy. Never put a secret here in clear text:
   * the export's teardown keeps these values in its state, because destroy
   * needs them. A proxy URL with credentials belongs in the environment
   * `terraform` runs in, which the runner inherits.
   * @default none
   */
  readonly environment?: { [key: string]: string };
}

/** What an export step tells its runner when it binds it. */
export interface ExportRunnerBindOptions {
  /** OCID of the image to export (may be a token). */
  readonly imageId: string;
  /** Export format. */
  readonly format: ExportFormat;
  /** Region of the image. @default unknown: the Node runner then needs `OCI_IMAGE_EXPORT_REGION` in its extra environment; the oci CLI runner refuses to bind */
  readonly region?: string;
  /** How the runner authenticates (F-68). @default AuthMode.API_KEY (the runner's own default) */
  readonly authMode?: AuthMode;
  /** Config file profile, for modes that read a config file. @default the runner's default (DEFAULT) */
  readonly configFileProfile?: string;
  /** Overall timeout, whole minutes. */
  readonly timeoutMinutes: number;
  /** Seconds between progress polls. */
  readonly pollSeconds: number;
  /** Destination namespace (used when there is no `destinationUrl`). @default none */
  readonly namespace?: string;
  /** Destination bucket (used when there is no `destinationUrl`). @default none */
  readonly bucketName?: string;
  /** Destination object name (used when there is no `destinationUrl`). @default none */
  readonly objectName?: string;
  /** Destination object URL or PAR URL (a secret, F-55); when given, the runner reads it instead of the tuple. @default none (the tuple) */
  readonly destinationUrl?: string;
}

/** What the export step runs: a `local-exec` command and its environment. */
export interface ExportRunnerConfig {
  /** Shell text without any per-export value: every input is in `environment`. */
  readonly command: string;
  /** Every input under the name the runner reads; a destination URL is marked sensitive. */
  readonly environment: { [key: string]: string };
}

const EXPORTRUNNER_BRAND = Symbol.for('cdktf-oci-image-transfer.ExportRunner');

/**
 * Which program performs the export at apply time (F-24). Pick one with a
 * static factory; the export step calls `bind`, which returns the command
 * and environment, so the runner's names and rules live here.
 */
export abstract class ExportRunner {
  /** True for any ExportRunner, also one made by another copy of this library (a `Symbol.for` brand, not `instanceof`). */
  public static isExportRunner(x: any): x is ExportRunner {
    return x !== null && typeof x === 'object' && x[EXPORTRUNNER_BRAND] === true;
  }

  protected constructor() {
    Object.defineProperty(this, EXPORTRUNNER_BRAND, { value: true });
  }

  /** The package's own runner on the official OCI TypeScript SDK (docs/export-runner.md). */
  public static nodeSdk(options: NodeSdkRunnerOptions = {}): ExportRunner {
    return new NodeSdkRunner(options);
  }

  /**
   * A POSIX `sh` script, written into the `local-exec` command, that drives
   * the `oci` CLI: export, poll `oci compute image get`, verify with
   * `oci os object head` (needs `oci` on PATH where `terraform apply` runs,
   * no Node). The script text is the same for every export: like the Node
   * runner it reads all inputs from the environment. Same exit codes and
   * idempotency marker as the Node runner.
   */
  public static ociCli(): ExportRunner {
    return new OciCliRunner();
  }

  /** Called by the export step (`scope`) with its inputs; throws when this runner cannot do the export. */
  public abstract bind(scope: IConstruct, options: ExportRunnerBindOptions): ExportRunnerConfig;
}

class NodeSdkRunner extends ExportRunner {
  private readonly options: NodeSdkRunnerOptions;

  constructor(options: NodeSdkRunnerOptions | undefined) {
    super();
    this.options = options ?? {};
  }

  public bind(scope: IConstruct, options: ExportRunnerBindOptions): ExportRunnerConfig {
    const path = scope.node.path;
    const command = this.options.command ?? DEFAULT_RUNNER_COMMAND;
    text(path, 'runner command', command, { maxChars: 8192, fix: 'pass a command line without control characters, e.g. "npx --no-install oci-image-export"', facts: ['F-24'] });
    checkExtraEnvironment(path, this.options.environment);
    checkAuthMode(path, options.authMode, (m) => m.nodeSdkRunner, 'the Node SDK runner');
    return { command, environment: runnerEnvironment(options, this.options.environment) };
  }
}

class OciCliRunner extends ExportRunner {
  public bind(scope: IConstruct, options: ExportRunnerBindOptions): ExportRunnerConfig {
    const path = scope.node.path;
    if (!options.region) {
      throw new OciImageTransferError(path, 'the image region is unknown', 'set image.region or pass the source provider: the oci CLI runner needs --region', ['F-24']);
    }
    checkAuthMode(path, options.authMode, (m) => m.ociCliRunner, 'the oci CLI runner');
    return { command: ociCliExportScript(), environment: runnerEnvironment(options, undefined) };
  }
}

/** The environment both runners read (`OCI_IMAGE_EXPORT_*`); key order is part of the synthesized output. */
function runnerEnvironment(o: ExportRunnerBindOptions, extra: { [key: string]: string } | undefined): { [key: string]: string } {
  const env: Record<string, string> = {
    [envName('imageId')]: o.imageId,
    [envName('format')]: o.format.value,
    [envName('timeoutMinutes')]: String(o.timeoutMinutes),
    [envName('pollSeconds')]: String(o.pollSeconds),
  };
  const auth = o.authMode ?? AuthMode.DEFAULT;
  env[envName('auth')] = auth.value;
  // Principal auth reads no config file; both runners refuse a profile with it. A mode known only at apply keeps the profile.
  if (o.configFileProfile && (auth.readsConfigFile || !auth.resolved)) env[envName('profile')] = o.configFileProfile;
  if (o.region) env[envName('region')] = o.region;
  Object.assign(env, extra);
  if (o.destinationUrl !== undefined) {
    env[DESTINATION_URI_ENV] = Fn.sensitive(o.destinationUrl);
  } else {
    env[envName('namespace')] = o.namespace ?? '';
    env[envName('bucket')] = o.bucketName ?? '';
    env[envName('objectName')] = o.objectName ?? '';
  }
  return env;
}

/** A mode this runner cannot load fails the apply with exit 2: say so at synth instead. */
function checkAuthMode(path: string, mode: AuthMode | undefined, supports: (m: AuthMode) => boolean, runner: string): void {
  if (!mode || !mode.resolved || supports(mode)) return;
  const usable = AuthMode.ALL.filter(supports).map((m) => m.value).join(', ');
  throw new OciImageTransferError(path, `auth mode ${mode.value} (the provider's auth, or authMode) is not one ${runner} can use: it accepts ${usable}`,
    `set authMode on the export to a mode the machine running terraform apply has credentials for (e.g. AuthMode.INSTANCE_PRINCIPAL on an OCI instance, AuthMode.API_KEY with a config file), or run the export with your own command that reads OCI_IMAGE_EXPORT_AUTH`, ['F-68', 'F-24']);
}

function checkExtraEnvironment(path: string, env: unknown): void {
  if (env !== undefined && (env === null || typeof env !== 'object')) fail(path, 'runner environment', env, 'must be a map of strings', 'pass { NAME: "value" }');
  for (const [k, v] of Object.entries(env ?? {})) {
    text(path, 'runner environment name', k, { required: true, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, patternRule: 'an environment variable name (letters, digits, "_")', fix: 'use names like OCI_IMAGE_EXPORT_CONFIG_FILE' });
    text(path, `runner environment ${k}`, v, { required: true, allowEmpty: true, fix: 'pass string values without control characters' });
  }
}

function envName(flag: keyof typeof RUNNER_FLAGS): string {
  return envNameForFlag(RUNNER_FLAGS[flag]);
}

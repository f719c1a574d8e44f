/**
 * The command-line contract between `ExportedImage` (which writes the
 * `local-exec` command at synth) and the export runner program (which runs
 * at `terraform apply`). Both sides import these constants so they cannot
 * drift apart.
 *
 * Secrets never travel on the command line: a destination URL (which may be
 * a PAR, a bearer secret, F-55) is passed in the environment variable named
 * by `DESTINATION_URI_ENV`, which the construct marks sensitive.
 */
import { AuthMode } from '../knowledge/auth-modes';

/** Name of the runner binary declared in package.json `bin`. */
export const RUNNER_BIN = 'oci-image-export';

/** The `local-exec` command of `ExportRunner.nodeSdk()` when none is given: the bin of this package, installed next to the stack. */
export const DEFAULT_RUNNER_COMMAND = `npx --no-install ${RUNNER_BIN}`;

/** Prefix of every runner environment variable. */
export const ENV_PREFIX = 'OCI_IMAGE_EXPORT_';

/** `--image-id` -> `OCI_IMAGE_EXPORT_IMAGE_ID`: the variable each flag can also come from. */
export function envNameForFlag(flag: string): string {
  return ENV_PREFIX + flag.replace(/^--/, '').replace(/-/g, '_').toUpperCase();
}

/** Suffix of the marker object both runners write next to a verified export. */
export const MARKER_SUFFIX = '.export.json';

/** Marker metadata keys (without the `opc-meta-` prefix the HTTP headers carry), read and written by both runners. */
export const MARKER_META = {
  imageId: 'oci-image-export-image-id',
  format: 'oci-image-export-format',
  objectEtag: 'oci-image-export-object-etag',
  objectSize: 'oci-image-export-object-size',
} as const;

/** Flags understood by the runner. Every flag can also come from `OCI_IMAGE_EXPORT_<FLAG IN UPPER SNAKE>`. */
export const RUNNER_FLAGS = {
  imageId: '--image-id',
  region: '--region',
  format: '--format',
  namespace: '--namespace',
  bucket: '--bucket',
  objectName: '--object-name',
  auth: '--auth',
  configFile: '--config-file',
  profile: '--profile',
  timeoutMinutes: '--timeout-minutes',
  pollSeconds: '--poll-seconds',
  /** Override of the Compute API endpoint (tests, dedicated endpoints). */
  computeEndpoint: '--compute-endpoint',
  /** Override of the Object Storage API endpoint (tests, dedicated endpoints). */
  objectStorageEndpoint: '--object-storage-endpoint',
  /** `export` (default) or `cleanup`: delete what an export wrote (the object and its marker). See RUNNER_MODES. */
  mode: '--mode',
} as const;

/**
 * Runner modes (`--mode`, env `OCI_IMAGE_EXPORT_MODE`). `cleanup` deletes the
 * destination object and `<object>.export.json` unless the marker names
 * another image or format; "already gone" (404) is success; 429/5xx are
 * retried. It takes the same inputs as `export` (image id, region,
 * destination, auth); a destination URL must be a plain Object Storage URL
 * (a PAR grants no delete, so requests are signed with the runner's own
 * credentials).
 */
export const RUNNER_MODES = ['export', 'cleanup'] as const;

/** Environment variable holding a destination URL or PAR URL (never a flag). */
export const DESTINATION_URI_ENV = 'OCI_IMAGE_EXPORT_DESTINATION_URI';

/**
 * Environment variable choosing what the runner does: `export` (default) or
 * `cleanup` (delete the object and its marker; already gone is success).
 * The same name as the Node runner's `--mode` flag gives (issue 15).
 */
export const RUNNER_MODE_ENV = 'OCI_IMAGE_EXPORT_MODE';

/**
 * Auth modes the Node runner accepts for `--auth`: the provider's `auth`
 * values (F-68) that `AuthMode` marks as supported (lib/knowledge/auth-modes.ts),
 * in alphabetical order.
 */
export const RUNNER_AUTH_MODES: readonly string[] = Object.freeze(AuthMode.ALL.filter((m) => m.nodeSdkRunner).map((m) => m.value).sort());

/** Auth modes whose credentials come from an OCI config file profile (`--config-file`, `--profile` apply). */
export const RUNNER_CONFIG_FILE_AUTH_MODES: readonly string[] = Object.freeze(AuthMode.ALL.filter((m) => m.nodeSdkRunner && m.readsConfigFile).map((m) => m.value).sort());

/** Export formats (F-10). */
export const RUNNER_FORMATS = ['OCI', 'QCOW2', 'VMDK', 'VHD', 'VDI'] as const;

/** Documented exit codes of the runner. */
export const RUNNER_EXIT = {
  /** Exported and verified, or already present from an earlier run. */
  OK: 0,
  /** Unexpected failure (message printed). */
  UNEXPECTED: 1,
  /** Bad flags or environment. */
  USAGE: 2,
  /** The image cannot be exported (platform / Marketplace origin, F-20) or is in a state that forbids export. */
  NOT_EXPORTABLE: 3,
  /** The export ran but did not produce the object (F-22), or the image ended in a failed state. */
  EXPORT_FAILED: 4,
  /** The overall timeout passed before the export finished. */
  TIMEOUT: 5,
  /** Authentication or authorisation failed (bad key, missing policy, F-21). */
  AUTH: 6,
  /** Cleanup only: OCI refused to delete the object (409, e.g. a retention rule); nothing was retried. */
  CLEANUP_REFUSED: 7,
} as const;

/** Defaults shared by the construct and the runner. */
export const RUNNER_DEFAULTS = {
  timeoutMinutes: 240,
  pollSeconds: 30,
  /** Default `--timeout-minutes` of `--mode cleanup`. */
  cleanupTimeoutMinutes: 15,
} as const;

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

/** Name of the runner binary declared in package.json `bin`. */
export const RUNNER_BIN = 'oci-image-export';

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

/** Auth modes, mirroring the provider's `auth` argument (F-68). */
export const RUNNER_AUTH_MODES = ['ApiKey', 'InstancePrincipal', 'ResourcePrincipal', 'SecurityToken'] as const;

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

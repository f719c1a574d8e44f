/**
 * Command-line and environment parsing for the export runner (pure: no I/O).
 * Names come from the shared contract so the construct and the runner agree.
 */
import {
  DESTINATION_URI_ENV,
  ENV_PREFIX,
  envNameForFlag,
  RUNNER_AUTH_MODES,
  RUNNER_CONFIG_FILE_AUTH_MODES,
  RUNNER_DEFAULTS,
  RUNNER_FLAGS,
  RUNNER_FORMATS,
  RUNNER_MODES,
} from '../runner-contract';
import { Destination, parseDestinationUri } from './destination';

export type AuthMode = (typeof RUNNER_AUTH_MODES)[number];
export type ExportFormat = (typeof RUNNER_FORMATS)[number];
export type RunnerMode = (typeof RUNNER_MODES)[number];
type FlagKey = keyof typeof RUNNER_FLAGS;

export interface RunnerOptions {
  readonly imageId: string;
  readonly region: string;
  readonly format: ExportFormat;
  readonly destination: Destination;
  readonly auth: AuthMode;
  readonly configFile?: string;
  readonly profile?: string;
  /** Fractional values are allowed (tests use small ones). */
  readonly timeoutMinutes: number;
  readonly pollSeconds: number;
  readonly computeEndpoint?: string;
  readonly objectStorageEndpoint?: string;
  /** `export` (default) or `cleanup` (see cleanup.ts). */
  readonly mode: RunnerMode;
}

export type ParseResult =
  | { readonly kind: 'run'; readonly options: RunnerOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

// The construct writes the same names, so the rule lives in the contract.
export { ENV_PREFIX, envNameForFlag };

class UsageError extends Error {}

const FLAG_BY_NAME = new Map<string, FlagKey>(
  (Object.keys(RUNNER_FLAGS) as FlagKey[]).map((k) => [RUNNER_FLAGS[k], k]),
);

export function parseRunnerArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParseResult {
  try {
    const raw = readFlags(argv);
    if (raw === 'help') return { kind: 'help' };
    return { kind: 'run', options: buildOptions(raw, env) };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage-error', message: e.message };
    throw e;
  }
}

function readFlags(argv: readonly string[]): Partial<Record<FlagKey, string>> | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const out: Partial<Record<FlagKey, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (/^--destination[-_]?ur[il]$/i.test(name)) {
      // Never echo the value: it may be a PAR URL, a bearer secret (F-55).
      throw new UsageError(`a destination URL is not accepted on the command line (it would be visible in process lists); put it in the environment variable ${DESTINATION_URI_ENV}`);
    }
    const key = FLAG_BY_NAME.get(name);
    if (!key) throw new UsageError(`unknown argument '${name}' (see --help)`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
    }
    if (key in out) throw new UsageError(`${name} given more than once`);
    out[key] = value;
  }
  return out;
}

function buildOptions(flags: Partial<Record<FlagKey, string>>, env: Readonly<Record<string, string | undefined>>): RunnerOptions {
  // A flag wins over its environment variable; empty strings count as unset.
  const get = (key: FlagKey): string | undefined => {
    const v = flags[key] ?? env[envNameForFlag(RUNNER_FLAGS[key])];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const describe = (key: FlagKey) => `${RUNNER_FLAGS[key]} (or ${envNameForFlag(RUNNER_FLAGS[key])})`;
  const required = (key: FlagKey): string => {
    const v = get(key);
    if (v === undefined) throw new UsageError(`missing ${describe(key)}`);
    return v;
  };

  const imageId = required('imageId');
  if (!/^ocid1\.image\.[a-z0-9]+\.[a-z0-9-]*\.[A-Za-z0-9._-]+$/.test(imageId)) {
    throw new UsageError(`${RUNNER_FLAGS.imageId} '${imageId}' is not an image OCID (expected ocid1.image.oc1.<region>.<id>)`);
  }
  const region = required('region');
  if (!/^[a-z0-9-]+$/.test(region)) throw new UsageError(`${RUNNER_FLAGS.region} '${region}' is not a region identifier such as eu-frankfurt-1`);

  const mode = oneOf(get('mode') ?? 'export', RUNNER_MODES, 'mode');
  const format = oneOf(get('format') ?? 'OCI', RUNNER_FORMATS, 'format');
  const auth = oneOf(get('auth') ?? 'ApiKey', RUNNER_AUTH_MODES, 'auth');
  const configFile = get('configFile');
  const profile = get('profile');
  if ((configFile || profile) && !RUNNER_CONFIG_FILE_AUTH_MODES.includes(auth)) {
    throw new UsageError(`${RUNNER_FLAGS.configFile} and ${RUNNER_FLAGS.profile} apply only to --auth ApiKey or SecurityToken, not ${auth}`);
  }

  return {
    imageId,
    region,
    format,
    auth,
    configFile,
    profile,
    destination: buildDestination(get, env),
    mode,
    timeoutMinutes: positiveNumber(get('timeoutMinutes'), mode === 'cleanup' ? RUNNER_DEFAULTS.cleanupTimeoutMinutes : RUNNER_DEFAULTS.timeoutMinutes, 'timeoutMinutes'),
    pollSeconds: positiveNumber(get('pollSeconds'), RUNNER_DEFAULTS.pollSeconds, 'pollSeconds'),
    computeEndpoint: endpoint(get('computeEndpoint'), 'computeEndpoint'),
    objectStorageEndpoint: endpoint(get('objectStorageEndpoint'), 'objectStorageEndpoint'),
  };
}

function buildDestination(get: (k: FlagKey) => string | undefined, env: Readonly<Record<string, string | undefined>>): Destination {
  const uri = env[DESTINATION_URI_ENV]?.trim() || undefined;
  const tuple = { namespace: get('namespace'), bucket: get('bucket'), objectName: get('objectName') };
  const given = (Object.keys(tuple) as (keyof typeof tuple)[]).filter((k) => tuple[k] !== undefined);
  if (uri && given.length > 0) {
    throw new UsageError(`give the destination either as ${DESTINATION_URI_ENV} or as --namespace/--bucket/--object-name, not both`);
  }
  if (uri) {
    const parsed = parseDestinationUri(uri);
    // The message never contains the URL itself (it may be a PAR, F-55).
    if (typeof parsed === 'string') throw new UsageError(`${DESTINATION_URI_ENV}: ${parsed}`);
    return parsed;
  }
  if (given.length === 0) {
    throw new UsageError(`missing destination: set --namespace, --bucket and --object-name, or the environment variable ${DESTINATION_URI_ENV}`);
  }
  const missing = (Object.keys(tuple) as (keyof typeof tuple)[]).filter((k) => tuple[k] === undefined);
  if (missing.length > 0) throw new UsageError(`incomplete destination: missing ${missing.map((k) => RUNNER_FLAGS[k]).join(', ')}`);
  return { kind: 'tuple', namespace: tuple.namespace!, bucket: tuple.bucket!, objectName: tuple.objectName! };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], key: FlagKey): T {
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!hit) throw new UsageError(`${RUNNER_FLAGS[key]} '${value}' is not one of ${allowed.join(', ')}`);
  return hit;
}

function positiveNumber(value: string | undefined, fallback: number, key: FlagKey): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${RUNNER_FLAGS[key]} '${value}' must be a positive number`);
  return n;
}

function endpoint(value: string | undefined, key: FlagKey): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+\/?$/.test(value)) {
    throw new UsageError(`${RUNNER_FLAGS[key]} '${value}' must be a scheme and host only, e.g. https://iaas.eu-frankfurt-1.oraclecloud.com`);
  }
  return value.replace(/\/$/, '');
}

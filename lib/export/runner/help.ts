/** `--help` text, generated from the shared contract so it cannot drift. */
import { DESTINATION_URI_ENV, RUNNER_AUTH_MODES, RUNNER_BIN, RUNNER_DEFAULTS, RUNNER_EXIT, RUNNER_FLAGS, RUNNER_FORMATS, RUNNER_MODES } from '../runner-contract';
import { envNameForFlag } from './options';

const FLAG_HELP: Record<keyof typeof RUNNER_FLAGS, [string, string]> = {
  imageId: ['OCID', 'custom image to export (required)'],
  region: ['REGION', 'region of the image, e.g. eu-frankfurt-1 (required)'],
  format: ['FORMAT', `${RUNNER_FORMATS.join('|')} (default OCI; use OCI to keep image metadata)`],
  namespace: ['NS', 'destination Object Storage namespace'],
  bucket: ['BUCKET', 'destination bucket, in the image region'],
  objectName: ['NAME', 'destination object name'],
  auth: ['MODE', `${RUNNER_AUTH_MODES.join('|')} (default ApiKey)`],
  configFile: ['PATH', 'OCI config file for ApiKey/SecurityToken (default ~/.oci/config)'],
  profile: ['NAME', 'profile in the config file (default DEFAULT)'],
  timeoutMinutes: ['N', `give up waiting after N minutes (default ${RUNNER_DEFAULTS.timeoutMinutes})`],
  pollSeconds: ['N', `seconds between progress polls, fractions allowed (default ${RUNNER_DEFAULTS.pollSeconds})`],
  computeEndpoint: ['URL', 'override the Compute/work request API endpoint'],
  objectStorageEndpoint: ['URL', 'override the Object Storage API endpoint'],
  mode: ['MODE', `${RUNNER_MODES.join('|')} (default export); cleanup deletes the object and its marker`],
};

const EXIT_HELP: Record<keyof typeof RUNNER_EXIT, string> = {
  OK: 'exported and verified, or already exported earlier',
  UNEXPECTED: 'unexpected failure',
  USAGE: 'bad flags or environment',
  NOT_EXPORTABLE: 'the image cannot be exported (platform/Marketplace origin) or its state forbids it',
  EXPORT_FAILED: 'the export ran but no fresh object can be proven (none, empty, or the old one), or it failed',
  TIMEOUT: 'the timeout passed before the export finished',
  AUTH: 'authentication or authorisation failed, or the credentials cannot be loaded (config, profile, key, pass_phrase)',
  CLEANUP_REFUSED: 'cleanup: OCI refused to delete the object (409, e.g. a retention rule)',
};

export function helpText(): string {
  const flags = (Object.keys(FLAG_HELP) as (keyof typeof RUNNER_FLAGS)[]).map((k) => {
    const [arg, text] = FLAG_HELP[k];
    return `  ${`${RUNNER_FLAGS[k]} ${arg}`.padEnd(34)}${text}\n  ${''.padEnd(34)}env ${envNameForFlag(RUNNER_FLAGS[k])}`;
  });
  const exits = (Object.keys(EXIT_HELP) as (keyof typeof RUNNER_EXIT)[]).map((k) => `  ${RUNNER_EXIT[k]}  ${EXIT_HELP[k]}`);
  return [
    `Usage: ${RUNNER_BIN} --image-id OCID --region REGION (--namespace NS --bucket B --object-name O | env ${DESTINATION_URI_ENV}) [options]`,
    '',
    'Exports an OCI custom image to Object Storage, waits until the image is AVAILABLE again,',
    'and verifies the object exists. Re-running after a verified export does nothing.',
    '',
    'Flags (each can also be set by the environment variable shown; a flag wins):',
    ...flags,
    '',
    'Destination URL:',
    `  ${DESTINATION_URI_ENV}  Object Storage URL or PAR URL of the object. Environment only:`,
    '  a PAR URL is a bearer secret and must not appear in process lists or logs.',
    '',
    'Exit codes:',
    ...exits,
    '',
  ].join('\n');
}

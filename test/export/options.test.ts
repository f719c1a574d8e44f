import { DESTINATION_URI_ENV, RUNNER_DEFAULTS, RUNNER_FLAGS } from '../../lib/export/runner-contract';
import { envNameForFlag, parseRunnerArgs, RunnerOptions } from '../../lib/export/runner/options';

const IMAGE = 'ocid1.image.oc1.eu-frankfurt-1.aaaaaaaaimage';
const BASE = ['--image-id', IMAGE, '--region', 'eu-frankfurt-1'];
const TUPLE = ['--namespace', 'ns', '--bucket', 'b', '--object-name', 'dir/x.oci'];
const PAR = 'https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/SeCrEtToKeN123/n/ns/b/b/o/x.oci';

function ok(argv: string[], env: Record<string, string> = {}): RunnerOptions {
  const r = parseRunnerArgs(argv, env);
  if (r.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(r)}`);
  return r.options;
}
function usage(argv: string[], env: Record<string, string> = {}): string {
  const r = parseRunnerArgs(argv, env);
  if (r.kind !== 'usage-error') throw new Error(`expected usage error, got ${r.kind}`);
  return r.message;
}

test('flags with defaults from the contract', () => {
  expect(ok([...BASE, ...TUPLE])).toEqual({
    imageId: IMAGE,
    region: 'eu-frankfurt-1',
    format: 'OCI',
    auth: 'ApiKey',
    configFile: undefined,
    profile: undefined,
    destination: { kind: 'tuple', namespace: 'ns', bucket: 'b', objectName: 'dir/x.oci' },
    timeoutMinutes: RUNNER_DEFAULTS.timeoutMinutes,
    pollSeconds: RUNNER_DEFAULTS.pollSeconds,
    computeEndpoint: undefined,
    objectStorageEndpoint: undefined,
    mode: 'export',
  });
});

test('--flag=value, case-insensitive enums, fractional numbers, endpoint trailing slash', () => {
  const o = ok([...BASE, ...TUPLE, '--format=qcow2', '--auth', 'instanceprincipal', '--poll-seconds=0.05', '--timeout-minutes', '1.5', '--compute-endpoint', 'http://127.0.0.1:9/']);
  expect(o).toMatchObject({ format: 'QCOW2', auth: 'InstancePrincipal', pollSeconds: 0.05, timeoutMinutes: 1.5, computeEndpoint: 'http://127.0.0.1:9' });
});

test('every flag has an OCI_IMAGE_EXPORT_<UPPER_SNAKE> variable, and a flag wins over it', () => {
  expect(Object.values(RUNNER_FLAGS).map(envNameForFlag)).toContain('OCI_IMAGE_EXPORT_IMAGE_ID');
  for (const flag of Object.values(RUNNER_FLAGS)) expect(envNameForFlag(flag)).toMatch(/^OCI_IMAGE_EXPORT_[A-Z_]+$/);
  const env = {
    OCI_IMAGE_EXPORT_IMAGE_ID: IMAGE,
    OCI_IMAGE_EXPORT_REGION: 'us-ashburn-1',
    OCI_IMAGE_EXPORT_NAMESPACE: 'ns',
    OCI_IMAGE_EXPORT_BUCKET: 'b',
    OCI_IMAGE_EXPORT_OBJECT_NAME: 'o',
    OCI_IMAGE_EXPORT_FORMAT: 'VMDK',
    OCI_IMAGE_EXPORT_POLL_SECONDS: '2',
    OCI_IMAGE_EXPORT_PROFILE: '',
  };
  expect(ok([], env)).toMatchObject({ imageId: IMAGE, region: 'us-ashburn-1', format: 'VMDK', pollSeconds: 2, profile: undefined });
  expect(ok(['--region', 'eu-frankfurt-1'], env).region).toBe('eu-frankfurt-1');
});

test('the destination URL comes only from the environment and is parsed', () => {
  expect(ok(BASE, { [DESTINATION_URI_ENV]: PAR }).destination).toMatchObject({
    kind: 'uri',
    parToken: 'SeCrEtToKeN123',
    namespace: 'ns',
    bucket: 'b',
    objectName: 'x.oci',
  });
});

test('--help wins over everything else', () => {
  expect(parseRunnerArgs(['--bogus', '--help'], {})).toEqual({ kind: 'help' });
  expect(parseRunnerArgs(['-h'], {})).toEqual({ kind: 'help' });
});

test.each([
  [[...TUPLE, '--region', 'r'], /missing --image-id \(or OCI_IMAGE_EXPORT_IMAGE_ID\)/],
  [['--image-id', IMAGE, ...TUPLE], /missing --region/],
  [['--image-id', 'ocid1.instance.oc1..x', '--region', 'r', ...TUPLE], /is not an image OCID/],
  [[...BASE, ...TUPLE, '--bogus', '1'], /unknown argument '--bogus'/],
  [[...BASE, ...TUPLE, '--format'], /--format needs a value/],
  [[...BASE, ...TUPLE, '--format', '--auth', 'ApiKey'], /--format needs a value/],
  [[...BASE, ...TUPLE, '--bucket', 'again'], /--bucket given more than once/],
  [[...BASE, ...TUPLE, '--format', 'RAW'], /--format 'RAW' is not one of OCI, QCOW2, VMDK, VHD, VDI/],
  [[...BASE, ...TUPLE, '--auth', 'Password'], /--auth 'Password' is not one of ApiKey, InstancePrincipal/],
  [[...BASE, '--namespace', 'ns'], /incomplete destination: missing --bucket, --object-name/],
  [BASE, /missing destination/],
  [[...BASE, ...TUPLE, '--auth', 'InstancePrincipal', '--profile', 'X'], /apply only to --auth ApiKey or SecurityToken/],
  [[...BASE, ...TUPLE, '--poll-seconds', '0'], /must be a positive number/],
  [[...BASE, ...TUPLE, '--timeout-minutes', 'soon'], /must be a positive number/],
  [[...BASE, ...TUPLE, '--compute-endpoint', 'iaas.example.com/path'], /must be a scheme and host only/],
])('usage error %#', (argv, message) => {
  expect(usage(argv as string[])).toMatch(message);
});

test('a destination URL on the command line is refused without echoing it (F-55)', () => {
  for (const argv of [[...BASE, '--destination-uri', PAR], [...BASE, `--destination-url=${PAR}`]]) {
    const msg = usage(argv);
    expect(msg).toMatch(new RegExp(`put it in the environment variable ${DESTINATION_URI_ENV}`));
    expect(msg).not.toContain('SeCrEtToKeN123');
  }
});

test('a URL plus a tuple, or a malformed URL, is a usage error that does not echo the URL', () => {
  expect(usage([...BASE, ...TUPLE], { [DESTINATION_URI_ENV]: PAR })).toMatch(/either as .* or as --namespace/);
  const bucketPar = 'https://h.example/p/SeCrEtToKeN123/n/ns/b/b/o/';
  const msg = usage(BASE, { [DESTINATION_URI_ENV]: bucketPar });
  expect(msg).toMatch(/ends at the bucket: append \/o\/<object name>.*F-52/);
  expect(msg).not.toContain('SeCrEtToKeN123');
});

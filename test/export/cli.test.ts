/**
 * The runner as a real child process (`oci-image-export`), as Terraform's
 * local-exec starts it: argv, environment, stdout/stderr and exit codes.
 */
import { DESTINATION_URI_ENV, RUNNER_EXIT, RUNNER_FLAGS } from '../../lib/export/runner-contract';
import { envNameForFlag } from '../../lib/export/runner/options';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { REGISTER_TS, cliCommand } from '../support/runner-cli';
import { Harness, REGION } from './harness';
import { RunResult, runProcess } from '../support/process';

let h: Harness;
const outputs: string[] = [];
const extraSecrets: string[] = [];

beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

/** Starts the CLI with only the given environment (plus PATH), as local-exec would. */
async function cli(argv: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const [node, ...args] = cliCommand();
  const r = await runProcess(node, [...args, ...argv], { env: { PATH: process.env.PATH, ...env } });
  outputs.push(r.stdout, r.stderr);
  return r;
}

test('--help documents every flag, its environment variable, the destination variable and the exit codes', async () => {
  const r = await cli(['--help']);
  expect(r.code).toBe(0);
  for (const flag of Object.values(RUNNER_FLAGS)) {
    expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain(envNameForFlag(flag));
  }
  expect(r.stdout).toContain(DESTINATION_URI_ENV);
  for (const code of Object.values(RUNNER_EXIT)) expect(r.stdout).toMatch(new RegExp(`^  ${code}  \\w`, 'm'));
});

test('a usage error exits 2 with a one-line reason and no stack trace', async () => {
  const r = await cli(['--image-id', 'ocid1.image.oc1.x.y', '--region', REGION]);
  expect(r.code).toBe(RUNNER_EXIT.USAGE);
  expect(r.stderr).toMatch(/^oci-image-export: usage error: missing destination/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
});

test('exports with every setting from the environment and the PAR only in OCI_IMAGE_EXPORT_DESTINATION_URI', async () => {
  const image = h.image({ exportPolls: 3 });
  const name = 'cli/env-only.oci';
  const par = h.parUrl(name);
  extraSecrets.push(par.token, par.url);
  const r = await cli([], {
    [envNameForFlag(RUNNER_FLAGS.imageId)]: image.id,
    [envNameForFlag(RUNNER_FLAGS.region)]: REGION,
    [envNameForFlag(RUNNER_FLAGS.configFile)]: h.creds.configFile,
    [envNameForFlag(RUNNER_FLAGS.computeEndpoint)]: h.url,
    [envNameForFlag(RUNNER_FLAGS.objectStorageEndpoint)]: h.url,
    [envNameForFlag(RUNNER_FLAGS.pollSeconds)]: '0.02',
    [DESTINATION_URI_ENV]: par.url,
  });
  expect(r.stderr).toBe(''); // the SDK's own console chatter is silenced
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout.match(/^oci-image-export: \[\d\d:\d\d:\d\d\] work request/gm)).toHaveLength(3);
  expect(r.stdout).toMatch(/verified: a fresh object exists/);
  expect(h.object(`${name}.export.json`)).toBeDefined();
});

test('AVAILABLE without the object exits 4 with the explanation on stderr', async () => {
  const image = h.image({ exportOutcome: 'no-object' });
  const r = await cli([...h.tupleArgs(image.id, 'cli/lost.oci')]);
  expect(r.code).toBe(RUNNER_EXIT.EXPORT_FAILED);
  expect(r.stderr).toMatch(/^oci-image-export: error: the image is AVAILABLE again but the object .* does not exist/m);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('loading the runner modules does not load the OCI SDK (it is imported on first use)', async () => {
  const probe = `
    require(${JSON.stringify(require.resolve('../../lib/export/runner/main'))});
    require(${JSON.stringify(require.resolve('../../lib/export/runner-contract'))});
    const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/]oci-/.test(k));
    process.stdout.write(String(loaded.length));`;
  const r = await runProcess(process.execPath, ['--require', REGISTER_TS, '-e', probe]);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('0');
});

test('no PAR URL, key material or fingerprint in any CLI output', () => {
  expect(findSecrets(outputs.join('\n'), secretNeedles(h.creds, extraSecrets))).toEqual([]);
});

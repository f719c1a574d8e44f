/**
 * `--mode cleanup` in-process against the fake OCI endpoint (real SDK
 * clients, signed requests): what it deletes, what it leaves, and how it
 * answers 404, 409, 429, 5xx and auth failures.
 */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../../lib/export/runner-contract';
import { signedDestination } from '../../lib/export/runner/cleanup';
import { parseDestinationUri, UriDestination } from '../../lib/export/runner/destination';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { Harness } from '../export/harness';

let h: Harness;
const tokens: string[] = [];

beforeAll(async () => {
  h = await Harness.start();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => h.stop());

const cleanup = (argv: string[], env: Record<string, string> = {}) => h.run([...argv, '--mode', 'cleanup'], env);

/** Exports `name` for a fresh image and returns the image id. */
async function exported(name: string): Promise<string> {
  const id = h.image({ exportPolls: 1 }).id;
  expect((await h.run(h.tupleArgs(id, name))).code).toBe(RUNNER_EXIT.OK);
  expect(h.object(name)).toBeDefined();
  expect(h.object(`${name}.export.json`)).toBeDefined();
  return id;
}

test('deletes the exported object and its marker with signed DeleteObject calls', async () => {
  const name = 'images/clean-1.oci';
  const id = await exported(name);
  const before = h.calls('DeleteObject').length;
  const r = await cleanup(h.tupleArgs(id, name));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout).toMatch(/deleted images\/clean-1\.oci\n.*deleted images\/clean-1\.oci\.export\.json/);
  expect(h.object(name)).toBeUndefined();
  expect(h.object(`${name}.export.json`)).toBeUndefined();
  const deletes = h.calls('DeleteObject').slice(before);
  expect(deletes.map((c) => [c.status, c.signed])).toEqual([[204, true], [204, true]]);
});

test('is idempotent: a second run finds both gone (404) and succeeds', async () => {
  const name = 'images/clean-2.oci';
  const id = await exported(name);
  expect((await cleanup(h.tupleArgs(id, name))).code).toBe(RUNNER_EXIT.OK);
  const again = await cleanup(h.tupleArgs(id, name));
  expect(again.code).toBe(RUNNER_EXIT.OK);
  expect(again.stdout).toMatch(/images\/clean-2\.oci is already gone \(404 ObjectNotFound/);
  expect(again.stdout).toMatch(/clean-2\.oci\.export\.json is already gone/);
});

test('an object that expired (lifecycle rule) or was never written is success', async () => {
  const id = h.image().id;
  const r = await cleanup(h.tupleArgs(id, 'images/never-written.oci'));
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout).toMatch(/already gone/);
});

test('leaves object and marker alone when the marker names another image (a newer export owns the name)', async () => {
  const name = 'images/clean-owned.oci';
  await exported(name);
  const older = h.image().id;
  const r = await cleanup(h.tupleArgs(older, name));
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout).toMatch(/another export owns this object now, so nothing is deleted/);
  expect(h.object(name)).toBeDefined();
  expect(h.object(`${name}.export.json`)).toBeDefined();
});

test('the same image in another format does not own the object either', async () => {
  const name = 'images/clean-format.oci';
  const id = await exported(name);
  const r = await cleanup([...h.tupleArgs(id, name), '--format', 'QCOW2']);
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(h.object(name)).toBeDefined();
});

test('429 and 5xx answers are retried, then the cleanup completes', async () => {
  const name = 'images/clean-flaky.oci';
  const id = await exported(name);
  h.inject('HeadObject', 503, 1);
  h.inject('DeleteObject', 429, 2);
  h.inject('DeleteObject', 500, 1);
  const r = await cleanup(h.tupleArgs(id, name));
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stderr).toMatch(/HeadObject: 503/);
  expect(r.stderr).toMatch(/DeleteObject: 429 TooManyRequests.*retrying/);
  expect(r.stderr).toMatch(/DeleteObject: 500 InternalServerError.*retrying/);
  expect(h.object(name)).toBeUndefined();
  expect(h.object(`${name}.export.json`)).toBeUndefined();
});

test('5xx until the timeout: exit 5, the marker stays for the next try', async () => {
  const name = 'images/clean-down.oci';
  const id = await exported(name);
  h.inject('DeleteObject', 502, 10_000);
  // 0.6 s: long enough for a first answer to arrive on a loaded machine, so the message can name it.
  const r = await cleanup([...h.tupleArgs(id, name), '--timeout-minutes', '0.01']);
  h.cloud.clearFaults();
  expect(r.code).toBe(RUNNER_EXIT.TIMEOUT);
  expect(r.stderr).toMatch(/cleanup did not finish within 0\.01 minute\(s\) \(DeleteObject; last answer: 502 .*\)\. Re-run terraform destroy/);
  expect(h.object(`${name}.export.json`)).toBeDefined();
  // The next run (e.g. the re-run destroy) finishes the job.
  expect((await cleanup(h.tupleArgs(id, name))).code).toBe(RUNNER_EXIT.OK);
  expect(h.object(name)).toBeUndefined();
});

test('409 (e.g. a retention rule): exit 7, not retried, object kept', async () => {
  const name = 'images/clean-retained.oci';
  const id = await exported(name);
  h.inject('DeleteObject', 409, 1);
  const before = h.calls('DeleteObject').length;
  const r = await cleanup(h.tupleArgs(id, name));
  expect(r.code).toBe(RUNNER_EXIT.CLEANUP_REFUSED);
  expect(r.stderr).toMatch(/OCI refused to delete the object \(409 Conflict.*retention rule/);
  expect(h.calls('DeleteObject').length - before).toBe(1);
  expect(h.object(name)).toBeDefined();
});

test('403 on delete: exit 6 naming the permission', async () => {
  const name = 'images/clean-denied.oci';
  const id = await exported(name);
  h.inject('DeleteObject', 403, 1);
  const r = await cleanup(h.tupleArgs(id, name));
  expect(r.code).toBe(RUNNER_EXIT.AUTH);
  expect(r.stderr).toMatch(/needs to read and delete objects in the bucket/);
});

test('404 NotAuthorizedOrNotFound counts as gone, with a note that it may be a missing permission', async () => {
  const name = 'images/clean-hidden.oci';
  const id = await exported(name);
  h.inject('DeleteObject', 404, 1);
  const r = await cleanup(h.tupleArgs(id, name));
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stderr).toMatch(/404 NotAuthorizedOrNotFound both when the bucket is gone and when this principal may not see it/);
});

test('a PAR destination: the PAR is not used (it cannot delete); signed requests to the URL host do the work', async () => {
  const name = 'images/clean-par.oci';
  const id = h.image({ exportPolls: 1 }).id;
  const par = h.parUrl(name);
  tokens.push(par.token, par.url);
  expect((await h.run(h.commonArgs(id), { [DESTINATION_URI_ENV]: par.url })).code).toBe(RUNNER_EXIT.OK);
  const before = h.cloud.calls.length;
  const r = await cleanup(h.commonArgs(id), { [DESTINATION_URI_ENV]: par.url });
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(h.object(name)).toBeUndefined();
  const used = h.cloud.calls.slice(before);
  expect(used.length).toBeGreaterThan(0);
  expect(used.every((c) => c.signed && !c.viaPar && !c.path.includes(par.token))).toBe(true);
});

test('signedDestination drops only the /p/<token> segment', () => {
  const d = parseDestinationUri('https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/SECRET/n/ns/b/bk/o/images%2Fa.oci') as UriDestination;
  const s = signedDestination(d) as UriDestination;
  expect(s.uri).toBe('https://objectstorage.eu-frankfurt-1.oraclecloud.com/n/ns/b/bk/o/images%2Fa.oci');
  expect(s.parToken).toBeUndefined();
  expect([s.namespace, s.bucket, s.objectName]).toEqual(['ns', 'bk', 'images/a.oci']);
});

test('an unknown mode is a usage error', async () => {
  const r = await h.run([...h.tupleArgs(h.image().id, 'x'), '--mode', 'purge']);
  expect(r.code).toBe(RUNNER_EXIT.USAGE);
  expect(r.stderr).toMatch(/--mode 'purge' is not one of export, cleanup/);
});

test('no PAR token, key or fingerprint in any output', () => {
  expect(findSecrets(h.allOutput.join('\n'), secretNeedles(h.creds, tokens))).toEqual([]);
});

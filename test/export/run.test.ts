/**
 * The export runner in-process against the fake OCI endpoint: real SDK
 * clients, real request signing, fault injection.
 */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../../lib/export/runner-contract';
import { MARKER_META, retryToken } from '../../lib/export/runner/idempotency';
import { createTestCredentials, findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { BUCKET, Harness, NS, withFlag } from './harness';

const PROGRESS = /^oci-image-export: \[\d\d:\d\d:\d\d\] work request [A-Z_]+ \d+%, image [A-Z]+$/;
let h: Harness;
const parTokens: string[] = [];

beforeAll(async () => {
  h = await Harness.start();
  // The SDK warns on every non-2xx answer (expected 404 HEADs included); the CLI silences it, tests just mute it.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => h.stop());

describe('bucket tuple destination', () => {
  const object = 'images/app-v1.oci';
  let imageId: string;

  test('exports, prints one progress line per poll, verifies the object and writes the marker', async () => {
    imageId = h.image({ exportPolls: 3 }).id;
    const r = await h.run(h.tupleArgs(imageId, object));

    expect(r.stderr).toBe('');
    expect(r.code).toBe(RUNNER_EXIT.OK);
    const progress = r.stdout.split('\n').filter((l) => PROGRESS.test(l));
    expect(progress).toHaveLength(3); // one per poll: 2 in progress + the finishing one
    expect(progress[progress.length - 1]).toMatch(/work request SUCCEEDED 100%, image AVAILABLE$/);
    expect(r.stdout).toMatch(/verified: a fresh object exists \(3\.00 GiB, etag \w+; the object did not exist before the export\)/);

    // ExportImage carried the deterministic retry token (F-24) and the tuple.
    const [call] = h.calls('ExportImage');
    expect(call.headers['opc-retry-token']).toBe(
      retryToken(imageId, 'OCI', { kind: 'tuple', namespace: NS, bucket: BUCKET, objectName: object }),
    );
    expect(call.body).toEqual({ destinationType: 'objectStorageTuple', namespaceName: NS, bucketName: BUCKET, objectName: object, exportFormat: 'OCI' });

    const marker = h.object(`${object}.export.json`)!;
    expect(marker.meta).toEqual({
      [MARKER_META.imageId]: imageId,
      [MARKER_META.format]: 'OCI',
      [MARKER_META.objectEtag]: h.object(object)!.etag,
      [MARKER_META.objectSize]: String(3 * 2 ** 30),
    });
    expect(JSON.parse(marker.content.toString('utf8'))).toMatchObject({ writtenBy: 'oci-image-export', imageId, format: 'OCI' });
  });

  test('every call went through the SDK with a valid signature for the test key', () => {
    const direct = h.cloud.calls.filter((r) => !r.viaPar);
    expect(direct.length).toBeGreaterThan(5);
    expect(direct.every((r) => r.signed && /keyId="[^"]+"/.test(String(r.headers.authorization)))).toBe(true);
    expect(direct.every((r) => String(r.headers['user-agent']).startsWith('Oracle-TypeScriptSDK/'))).toBe(true);
  });

  test('a re-run recognises the verified export and does not export again (idempotent)', async () => {
    const before = h.calls('ExportImage').length;
    const r = await h.run(h.tupleArgs(imageId, object));
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/already exported/);
    expect(h.calls('ExportImage')).toHaveLength(before);
  });

  test('a re-run for another format exports again', async () => {
    const before = h.calls('ExportImage').length;
    const r = await h.run([...h.tupleArgs(imageId, object), '--format', 'QCOW2']);
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/marker names format OCI, not QCOW2/);
    expect(h.calls('ExportImage')).toHaveLength(before + 1);
  });

  test('an object overwritten after the export is not mistaken for it: the replayed token is not trusted, the export is redone', async () => {
    const id = h.image().id;
    const name = 'images/overwritten.oci';
    expect((await h.run(h.tupleArgs(id, name))).code).toBe(0);
    const obj = h.object(name)!;
    Object.assign(obj, { etag: 'someone-else', timeCreated: new Date(Date.now() + 5000) });

    const r = await h.run(h.tupleArgs(id, name));
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/object changed since the marker was written/);
    expect(r.stdout).toMatch(/earlier, finished export .* exporting again/);
    const tokens = h.calls('ExportImage').slice(-2).map((c) => c.headers['opc-retry-token']);
    expect(tokens[0]).not.toBe(tokens[1]);
  });
});

describe('retries and timeouts', () => {
  test('429 and 500 answers are retried with backoff, then the export succeeds', async () => {
    const id = h.image().id;
    h.inject('GetImage', 429, 2);
    h.inject('ExportImage', 500, 1);
    h.inject('GetWorkRequest', 503, 1);
    const r = await h.run(h.tupleArgs(id, 'images/flaky.oci'));
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stderr).toMatch(/GetImage: 429 TooManyRequests: .*; retrying in 0\.0 s/);
    expect(r.stderr).toMatch(/ExportImage: 500 InternalServerError/);
    expect(r.stderr).toMatch(/GetWorkRequest: 503/);
    // The retried ExportImage reused the same retry token.
    const tokens = new Set(h.calls('ExportImage').slice(-2).map((c) => c.headers['opc-retry-token']));
    expect(tokens.size).toBe(1);
  });

  test('an export that never finishes stops at the overall timeout with exit 5', async () => {
    const id = h.image({ exportOutcome: 'never' }).id;
    const r = await h.run([...h.tupleArgs(id, 'images/slow.oci'), '--timeout-minutes', '0.003']);
    expect(r.code).toBe(RUNNER_EXIT.TIMEOUT);
    expect(r.stderr).toMatch(/did not finish within 0\.003 minute\(s\) \(last seen: work request IN_PROGRESS \d+%, image EXPORTING\)/);
    expect(r.stderr).toMatch(/re-run terraform apply/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('a re-run after a timeout resumes the same export through the retry token', async () => {
    const image = h.image({ exportPolls: 6 });
    const name = 'images/resume.oci';
    const slow = withFlag(withFlag(h.tupleArgs(image.id, name), '--poll-seconds', '0.02'), '--timeout-minutes', '0.0005');
    expect((await h.run(slow)).code).toBe(RUNNER_EXIT.TIMEOUT);
    const r = await h.run(h.tupleArgs(image.id, name));
    expect(r.code).toBe(RUNNER_EXIT.OK);
    const tokens = new Set(h.calls('ExportImage').slice(-2).map((c) => c.headers['opc-retry-token']));
    expect(tokens.size).toBe(1);
    expect(r.stdout).not.toMatch(/exporting again/);
  });

  test('throttling that outlasts the timeout ends with exit 5 and the last answer', async () => {
    const id = h.image().id;
    h.inject('GetImage', 429, 1000);
    const r = await h.run([...h.tupleArgs(id, 'images/throttled.oci'), '--timeout-minutes', '0.002']);
    h.cloud.clearFaults();
    expect(r.code).toBe(RUNNER_EXIT.TIMEOUT);
    expect(r.stderr).toMatch(/timed out after 0\.002 minute\(s\) while retrying GetImage; last answer: 429/);
  });
});

test('an endpoint that does not answer is retried until the timeout (exit 5)', async () => {
  const argv = withFlag(withFlag(h.tupleArgs(h.image().id, 'images/unreachable.oci'), '--compute-endpoint', 'http://127.0.0.1:1'), '--timeout-minutes', '0.002');
  const r = await h.run(argv);
  expect(r.code).toBe(RUNNER_EXIT.TIMEOUT);
  expect(r.stderr).toMatch(/GetImage: no answer from the service/);
  expect(r.stderr).toMatch(/timed out after 0\.002 minute\(s\) while retrying GetImage; last answer: no answer from the service/);
});

test('a request that never answers does not hold the run past the timeout (exit 5)', async () => {
  h.inject('ExportImage', 0, 1);
  const r = await h.run([...h.tupleArgs(h.image().id, 'images/hung.oci'), '--timeout-minutes', '0.003']);
  expect(r.code).toBe(RUNNER_EXIT.TIMEOUT);
  expect(r.stderr).toMatch(/timed out after 0\.003 minute\(s\) waiting for ExportImage to answer/);
  h.cloud.releaseHung();
});

describe('failures', () => {
  test('AVAILABLE again but no object in the bucket fails with exit 4 and says what to do (F-22)', async () => {
    const id = h.image({ exportOutcome: 'no-object' }).id;
    const r = await h.run(h.tupleArgs(id, 'images/lost.oci'));
    expect(r.code).toBe(RUNNER_EXIT.EXPORT_FAILED);
    expect(r.stderr).toMatch(/image is AVAILABLE again but the object .* does not exist, so the export failed \(F-22\)/);
    expect(r.stderr).toMatch(/Re-run terraform apply .* write to the bucket \(F-21\)/);
    expect(h.object('images/lost.oci.export.json')).toBeUndefined();
  });

  test('a failed work request fails with exit 4 and its errors', async () => {
    const id = h.image({ exportOutcome: 'failed' }).id;
    const r = await h.run(h.tupleArgs(id, 'images/failed.oci'));
    expect(r.code).toBe(RUNNER_EXIT.EXPORT_FAILED);
    expect(r.stderr).toMatch(/work request ended FAILED \(InternalError: The export could not write/);
  });

  test('a platform or Marketplace image (no compartment) is refused before any export call (F-20, exit 3)', async () => {
    const id = h.image({ compartmentId: null }).id;
    const before = h.calls('ExportImage').length;
    const r = await h.run(h.tupleArgs(id, 'images/platform.oci'));
    expect(r.code).toBe(RUNNER_EXIT.NOT_EXPORTABLE);
    expect(r.stderr).toMatch(/platform or Marketplace image.*cannot be exported \(F-20\)/);
    expect(h.calls('ExportImage')).toHaveLength(before);
  });

  test("a custom image built from a Marketplace image: the API's 400 becomes exit 3 with an explanation", async () => {
    const id = h.image({
      baseImageId: 'ocid1.image.oc1..marketplacebase',
      exportRefusal: { status: 400, code: 'InvalidParameter', message: 'Image cannot be exported.' },
    }).id;
    const r = await h.run(h.tupleArgs(id, 'images/mkt.oci'));
    expect(r.code).toBe(RUNNER_EXIT.NOT_EXPORTABLE);
    expect(r.stderr).toMatch(/OCI refused to export image .*: 400 InvalidParameter: Image cannot be exported\./);
    expect(r.stderr).toMatch(/created from image ocid1\.image\.oc1\.\.marketplacebase/);
  });

  test('an image still IMPORTING is waited for, then exported', async () => {
    const id = h.image({ lifecycleState: 'IMPORTING', settlingPolls: 3 }).id;
    const r = await h.run(h.tupleArgs(id, 'images/settling.oci'));
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/waiting for the image to become AVAILABLE \(now IMPORTING\)/);
  });

  test('a DELETED image is refused with exit 3', async () => {
    const r = await h.run(h.tupleArgs(h.image({ lifecycleState: 'DELETED' }).id, 'images/deleted.oci'));
    expect(r.code).toBe(RUNNER_EXIT.NOT_EXPORTABLE);
    expect(r.stderr).toMatch(/the image is DELETED/);
  });

  test('an unknown image or missing policy (404 NotAuthorizedOrNotFound) is exit 6', async () => {
    const r = await h.run(h.tupleArgs('ocid1.image.oc1.eu-frankfurt-1.doesnotexist', 'images/none.oci'));
    expect(r.code).toBe(RUNNER_EXIT.AUTH);
    expect(r.stderr).toMatch(/GetImage: not found or not authorised \(404 NotAuthorizedOrNotFound/);
  });

  test('a key the service does not know is exit 6 (401)', async () => {
    const other = createTestCredentials();
    h.tempDirs.push(other.dir);
    const argv = h.tupleArgs(h.image().id, 'images/badkey.oci');
    argv[argv.indexOf('--config-file') + 1] = other.configFile;
    const r = await h.run(argv);
    expect(r.code).toBe(RUNNER_EXIT.AUTH);
    expect(r.stderr).toMatch(/authentication failed \(401 NotAuthenticated/);
    parTokens.push(other.fingerprint); // also must never be printed
  });

  test('a missing config file is exit 6 with the path and profile', async () => {
    const argv = h.tupleArgs(h.image().id, 'images/noconfig.oci');
    argv[argv.indexOf('--config-file') + 1] = '/nonexistent/oci/config';
    const r = await h.run(argv);
    expect(r.code).toBe(RUNNER_EXIT.AUTH);
    expect(r.stderr).toMatch(/could not load ApiKey credentials from \/nonexistent\/oci\/config, profile DEFAULT/);
  });
});

describe('URL / PAR destination', () => {
  test('exports through a bucket PAR given only in the environment, verifies through it, and is idempotent', async () => {
    const id = h.image({ exportPolls: 2 }).id;
    const name = 'images/par one.oci';
    const par = h.parUrl(name);
    parTokens.push(par.token, par.url);
    const env = { [DESTINATION_URI_ENV]: par.url };

    const r = await h.run(h.commonArgs(id), env);
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/object images\/par one\.oci \(through a pre-authenticated request\)/);
    const [call] = h.calls('ExportImage').slice(-1);
    expect(call.body).toMatchObject({ destinationType: 'objectStorageUri', destinationUri: par.url, exportFormat: 'OCI' });
    // Object calls went through the PAR, unsigned (a PAR is a bearer URL).
    const objectCalls = h.cloud.calls.filter((q) => q.viaPar);
    expect(objectCalls.length).toBeGreaterThanOrEqual(3);
    expect(objectCalls.every((q) => q.headers.authorization === undefined)).toBe(true);
    expect(h.object(`${name}.export.json`)).toBeDefined();

    const again = await h.run(h.commonArgs(id), env);
    expect(again.code).toBe(RUNNER_EXIT.OK);
    expect(again.stdout).toMatch(/already exported/);
  });

  test('an object-level PAR cannot hold the marker: the export still succeeds, with a warning', async () => {
    const name = 'images/objpar.oci';
    const par = h.parUrl(name, { objectLevel: true });
    parTokens.push(par.token, par.url);
    const r = await h.run(h.commonArgs(h.image().id), { [DESTINATION_URI_ENV]: par.url });
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stderr).toMatch(/could not write the marker object .* a later run will export again/);
  });

  test('a write-only PAR cannot prove the object exists: exit 4 with advice', async () => {
    const par = h.parUrl('images/wo.oci', { read: false });
    parTokens.push(par.token, par.url);
    const r = await h.run(h.commonArgs(h.image().id), { [DESTINATION_URI_ENV]: par.url });
    expect(r.code).toBe(RUNNER_EXIT.EXPORT_FAILED);
    expect(r.stderr).toMatch(/does not allow reading it .* ObjectReadWrite or AnyObjectReadWrite PAR/);
  });

  test('PAR scenarios with faults: no object, 500s, timeout', async () => {
    const cases: Array<[Parameters<Harness['image']>[0], string[], number]> = [
      [{ exportOutcome: 'no-object' }, [], RUNNER_EXIT.EXPORT_FAILED],
      [{ exportOutcome: 'never' }, ['--timeout-minutes', '0.002'], RUNNER_EXIT.TIMEOUT],
      [{}, [], RUNNER_EXIT.OK],
    ];
    for (const [i, [image, extra, code]] of cases.entries()) {
      const par = h.parUrl(`images/par-fault-${i}.oci`);
      parTokens.push(par.token, par.url);
      if (code === RUNNER_EXIT.OK) h.inject('HeadObject', 500, 2);
      const r = await h.run([...h.commonArgs(h.image(image).id), ...extra], { [DESTINATION_URI_ENV]: par.url });
      expect(r.code).toBe(code);
    }
  });
});

test('no PAR URL, PAR token, key material or fingerprint appears in any output of any scenario', () => {
  const output = h.allOutput.join('\n');
  expect(output.length).toBeGreaterThan(1000);
  expect(findSecrets(output, secretNeedles(h.creds, parTokens))).toEqual([]);
});

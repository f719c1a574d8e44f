/**
 * The oci CLI edition of the export step: a constant POSIX sh script whose
 * inputs all come from the environment, run against a stub `oci` on PATH
 * (test/support/fake-oci/oci-cli-stub.sh).
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DESTINATION_URI_ENV, RUNNER_EXIT, RUNNER_MODE_ENV } from '../../lib/export/runner-contract';
import { CLEANUP_REFUSED, ociCliExportScript } from '../../lib/export/oci-cli-script';
import { IMAGE, TUPLE_KEYS, md5, removeStubs, stub } from './cli-stub';

afterAll(removeStubs);

const parEnv = (url: string) => ({ ...Object.fromEntries(TUPLE_KEYS.map((k) => [k, undefined])), [DESTINATION_URI_ENV]: url });

test('the script is constant, valid POSIX sh, and holds no value of any export', () => {
  const text = ociCliExportScript();
  expect(ociCliExportScript()).toBe(text);
  expect(text.startsWith('#!/bin/sh\n')).toBe(true);
  expect(spawnSync('sh', ['-n'], { input: text }).status).toBe(0);
  expect(text).not.toMatch(/https?:\/\/[a-z0-9]/); // no concrete URL
  expect(text).not.toMatch(/ocid1\.image\.oc1\.[a-z]/);
  // Every variable expansion outside assignments and arithmetic is quoted: no bare $VAR word reaches a command.
  const bare = text.split('\n').filter((l) => !/^\s*#/.test(l) && /(^|[\s(])\$[A-Za-z_]/.test(l.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''")));
  expect(bare.filter((l) => !/\$\(\(|^\s*[A-Z_]+=|case \$\? in/.test(l))).toEqual([]);
});

test('exports to the bucket tuple, prints progress, verifies a fresh object, writes the marker; a re-run does nothing', async () => {
  const s = stub({ polls: 3 });
  const r = await s.run();
  expect(r.stderr).toBe('');
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout.match(/^oci-image-export: \[\d\d:\d\d:\d\d\] image (EXPORTING|AVAILABLE)$/gm)).toHaveLength(3);
  expect(r.stdout).toMatch(/verified: a fresh object exists \(3221225472 bytes, etag etag-\d+\)/);
  expect(s.calls()).toContainEqual(['--region', 'eu-frankfurt-1', 'compute', 'image', 'export', 'to-object', '--image-id', IMAGE,
    '--namespace', 'ns', '--bucket-name', 'transit', '--name', 'img/app.oci', '--export-format', 'OCI']);
  const marker = s.object('img/app.oci.export.json')!;
  expect(marker).toContain(`"opc-meta-oci-image-export-image-id": "${IMAGE}"`);
  expect(marker).toContain('"opc-meta-oci-image-export-object-size": "3221225472"');

  const again = await s.run();
  expect(again.code).toBe(RUNNER_EXIT.OK);
  expect(again.stdout).toMatch(/already exported/);
  expect(readFileSync(s.file('argv.log'), 'utf8').match(/image export/g)).toHaveLength(1);
});

test('auth, profile and config file reach oci as separate arguments', async () => {
  const s = stub();
  const r = await s.run({ OCI_IMAGE_EXPORT_AUTH: 'SecurityToken', OCI_IMAGE_EXPORT_PROFILE: "A B'c", OCI_IMAGE_EXPORT_CONFIG_FILE: '/x y/config' });
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(s.calls()[0].slice(0, 8)).toEqual(['--region', 'eu-frankfurt-1', '--auth', 'security_token', '--profile', "A B'c", '--config-file', '/x y/config']);
  const ip = stub();
  expect((await ip.run({ OCI_IMAGE_EXPORT_AUTH: 'InstancePrincipal' })).code).toBe(RUNNER_EXIT.OK);
  expect(ip.calls()[0].slice(0, 4)).toEqual(['--region', 'eu-frankfurt-1', '--auth', 'instance_principal']);
});

test('a PAR URL from the environment: oci gets it only through a private --from-json file; the object is verified at the parsed destination', async () => {
  const s = stub();
  const token = 'PARtokenSCRIPT0123456789';
  const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${token}/n/ns/b/transit/o/img%2Fpar%20app.oci`;
  const r = await s.run(parEnv(url));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(JSON.parse(readFileSync(s.file('uri.json'), 'utf8'))).toEqual({ uri: url });
  // Verified with the namespace, bucket and (decoded) object of the URL, not `-` placeholders.
  expect(s.calls()).toContainEqual(['--region', 'eu-frankfurt-1', 'os', 'object', 'head', '--namespace', 'ns', '--bucket-name', 'transit', '--name', 'img/par app.oci']);
  expect(r.stdout).toMatch(/object img\/par app\.oci \(through a pre-authenticated request\)/);
  expect(readFileSync(s.file('argv.log'), 'utf8')).not.toContain(token);
  expect(r.stdout + r.stderr).not.toContain(token);
  // The next run finds the marker: no second export.
  const again = await s.run(parEnv(url));
  expect(again.stdout).toMatch(/already exported/);
});

test.each([
  ['not a URL', 'objectstorage/n/ns/b/b/o/x', /must be an https:\/\/ URL/],
  ['query string', 'https://h/p/TOKENqs123456/n/ns/b/b/o/x?y=1', /must not carry a query string/],
  ['bucket-level PAR without object', 'https://h/p/TOKENbl123456/n/ns/b/b/o/', /ends at the bucket/],
  ['other shape', 'https://h/p/TOKENsh123456/x/ns', /does not have the Object Storage shape/],
])('a bad destination URL (%s) is a usage error that never echoes the URL', async (_n, url, message) => {
  const r = await stub().run(parEnv(url));
  expect(r.code).toBe(RUNNER_EXIT.USAGE);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain(url);
});

test.each([
  ['AVAILABLE without the object (F-22)', { outcome: 'no-object' as const }, RUNNER_EXIT.EXPORT_FAILED, /AVAILABLE again but the object .* does not exist/],
  ['an empty object', { outcome: 'empty' as const }, RUNNER_EXIT.EXPORT_FAILED, /is empty \(0 bytes\)/],
  ['platform or Marketplace image (F-20)', { compartment: 'null' }, RUNNER_EXIT.NOT_EXPORTABLE, /belongs to no compartment/],
  ['refused by the API (400)', { refuse: true }, RUNNER_EXIT.NOT_EXPORTABLE, /OCI refused to export .*"status": 400/],
  ['deleted image', { state: 'DELETED' }, RUNNER_EXIT.NOT_EXPORTABLE, /the image is DELETED/],
  ['export never finishes', { outcome: 'never' as const }, RUNNER_EXIT.TIMEOUT, /did not finish within 0\.001 minute\(s\) \(last seen: image EXPORTING\)/],
  ['busy image (409) that stays busy', { busy: 1000 }, RUNNER_EXIT.TIMEOUT, /stayed busy \(409\)/],
])('%s', async (_name, image, code, message) => {
  // A short timeout only where the case is about the timeout: elsewhere a slow machine must not turn the answer into exit 5.
  const r = await stub(image).run(code === RUNNER_EXIT.TIMEOUT ? { OCI_IMAGE_EXPORT_TIMEOUT_MINUTES: '0.001' } : {});
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(message);
});

test('a busy image (409) is waited for, then exported', async () => {
  const r = await stub({ busy: 2 }).run();
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stderr.match(/the image is busy \(409\); retrying/g)).toHaveLength(2);
});

test('an export that leaves the old object in place is not taken for a fresh one (exit 4)', async () => {
  const s = stub();
  expect((await s.run()).code).toBe(RUNNER_EXIT.OK);
  rmSync(join(s.dir, 'objects', md5('img/app.oci.export.json'))); // no marker: the next run exports again
  writeFileSync(s.file('outcome'), 'stale\n');
  writeFileSync(s.file('polls_left'), '2\n');
  const r = await s.run();
  expect(r.code).toBe(RUNNER_EXIT.EXPORT_FAILED);
  expect(r.stderr).toMatch(/still has the ETag it had before the export/);
});

test('a marker whose size does not match the object is not trusted', async () => {
  const s = stub();
  expect((await s.run()).code).toBe(RUNNER_EXIT.OK);
  const file = join(s.dir, 'objects', md5('img/app.oci.export.json'));
  writeFileSync(file, readFileSync(file, 'utf8').replace('"opc-meta-oci-image-export-object-size": "3221225472"', '"opc-meta-oci-image-export-object-size": "17"'));
  writeFileSync(s.file('polls_left'), '2\n');
  const r = await s.run();
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout).toMatch(/not known to be this export/);
  expect(readFileSync(s.file('argv.log'), 'utf8').match(/image export/g)).toHaveLength(2);
});

test('usage errors: missing destination, bad numbers, unknown auth, profile with principal auth', async () => {
  const s = stub();
  for (const env of [
    Object.fromEntries(TUPLE_KEYS.map((k) => [k, undefined])),
    { OCI_IMAGE_EXPORT_POLL_SECONDS: '0' },
    { OCI_IMAGE_EXPORT_TIMEOUT_MINUTES: '1e3' },
    { OCI_IMAGE_EXPORT_AUTH: 'Password' },
    { OCI_IMAGE_EXPORT_AUTH: 'InstancePrincipal', OCI_IMAGE_EXPORT_PROFILE: 'X' },
    { OCI_IMAGE_EXPORT_FORMAT: 'RAW' },
    { [RUNNER_MODE_ENV]: 'destroy' },
  ]) {
    const r = await s.run(env);
    expect([r.code, r.stderr]).toEqual([RUNNER_EXIT.USAGE, expect.stringMatching(/usage error/)]);
  }
  expect(existsSync(s.file('argv.log'))).toBe(false);
});

test('credential problems of the CLI are exit 6 with one line', async () => {
  const s = stub({ faults: { image_get: 'ConfigFileNotFound: Could not find config file at /nope/config\n' } });
  const r = await s.run();
  expect(r.code).toBe(RUNNER_EXIT.AUTH);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/could not load credentials/);
});

describe('cleanup mode', () => {
  test('deletes the object and its marker; a second cleanup finds them gone and still succeeds', async () => {
    const s = stub();
    expect((await s.run()).code).toBe(RUNNER_EXIT.OK);
    expect(s.object('img/app.oci')).toBeDefined();
    const r = await s.run({ [RUNNER_MODE_ENV]: 'cleanup', OCI_IMAGE_EXPORT_IMAGE_ID: undefined });
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(r.stdout).toMatch(/deleted img\/app\.oci\n.*deleted img\/app\.oci\.export\.json/);
    expect(s.object('img/app.oci')).toBeUndefined();
    expect(s.object('img/app.oci.export.json')).toBeUndefined();
    const again = await s.run({ [RUNNER_MODE_ENV]: 'cleanup' });
    expect(again.code).toBe(RUNNER_EXIT.OK);
    expect(again.stdout).toMatch(/img\/app\.oci is already gone/);
  });

  test('a PAR destination is cleaned at the namespace, bucket and object parsed from the URL', async () => {
    const s = stub();
    const url = 'https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/PARtokenCLEAN0123456/n/ns/b/transit/o/img%2Fapp.oci';
    expect((await s.run(parEnv(url))).code).toBe(RUNNER_EXIT.OK);
    const r = await s.run({ ...parEnv(url), [RUNNER_MODE_ENV]: 'cleanup' });
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(s.object('img/app.oci')).toBeUndefined();
  });

  test('a marker naming another image or format means a newer export owns the object: nothing is deleted', async () => {
    const s = stub();
    expect((await s.run()).code).toBe(RUNNER_EXIT.OK);
    for (const env of [{ OCI_IMAGE_EXPORT_IMAGE_ID: 'ocid1.image.oc1..older' }, { OCI_IMAGE_EXPORT_FORMAT: 'QCOW2' }]) {
      const r = await s.run({ [RUNNER_MODE_ENV]: 'cleanup', ...env });
      expect(r.code).toBe(RUNNER_EXIT.OK);
      expect(r.stdout).toMatch(/another export owns this object now, so nothing is deleted/);
      expect(s.object('img/app.oci')).toBeDefined();
    }
  });

  test('authorisation failure exit 6, refused delete (409) exit 7, another failure exit 1', async () => {
    const failing = (status: number, code: string) => stub({ faults: { object_delete: `ServiceError:\n{\n "code": "${code}",\n "status": ${status}\n}\n` } });
    expect((await failing(403, 'NotAuthorizedOrNotFound').run({ [RUNNER_MODE_ENV]: 'cleanup' })).code).toBe(RUNNER_EXIT.AUTH);
    const refused = await failing(409, 'RetentionRuleViolation').run({ [RUNNER_MODE_ENV]: 'cleanup' });
    expect([refused.code, refused.stderr]).toEqual([CLEANUP_REFUSED, expect.stringMatching(/refused to delete .* retention rule/)]);
    expect((await failing(500, 'InternalServerError').run({ [RUNNER_MODE_ENV]: 'cleanup' })).code).toBe(RUNNER_EXIT.UNEXPECTED);
  });
});

test('the PAR token is masked in every encoding oci may echo it in (raw, percent-encoded, JSON-escaped, full URL)', async () => {
  const token = 'Ab+C/12=3-xyz_TOKENcli';
  const segment = encodeURIComponent(token);
  const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${segment}/n/ns/b/transit/o/img%2Fapp.oci`;
  const lowerHex = segment.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const echoes = [url, segment, token, url.replace(/\//g, '\\/'), encodeURIComponent(url), lowerHex, `/p/${segment}/`];
  const s = stub({ faults: { image_export: `ServiceError:\n{\n "code": "InvalidParameter",\n "message": "bad ${echoes.join(' | ')}",\n "status": 500\n}\n` } });
  const r = await s.run(parEnv(url));
  expect(r.code).toBe(RUNNER_EXIT.UNEXPECTED);
  expect(r.stderr).toMatch(/ExportImage failed: .*\[redacted \*\*\*\]/);
  for (const needle of [token, segment, lowerHex, url]) expect(r.stdout + r.stderr).not.toContain(needle);
});

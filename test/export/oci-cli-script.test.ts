/**
 * The oci CLI edition of the export step: a generated POSIX sh script, run
 * against a stub `oci` on PATH (test/support/fake-oci/oci-cli-stub.sh).
 */
import { spawnSync } from 'child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../../lib/export/runner-contract';
import { OciCliScriptOptions, ociCliExportScript, shQuote } from '../../lib/export/runner/oci-cli-script';
import { REPO_ROOT, RunResult, runProcess } from './harness';

const IMAGE = 'ocid1.image.oc1.eu-frankfurt-1.aaaascript';
const base: OciCliScriptOptions = { imageId: IMAGE, region: 'eu-frankfurt-1', namespace: 'ns', bucket: 'transit', objectName: 'img/app.oci', pollSeconds: 0.01 };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Stub {
  dir: string;
  run(options: OciCliScriptOptions, env?: Record<string, string>): Promise<RunResult>;
  file(name: string): string;
}

function stub(image: { state?: string; compartment?: string; polls?: number; outcome?: 'object' | 'no-object' | 'never'; refuse?: boolean } = {}): Stub {
  const dir = mkdtempSync(join(tmpdir(), 'oci-cli-stub-'));
  dirs.push(dir);
  copyFileSync(join(REPO_ROOT, 'test/support/fake-oci/oci-cli-stub.sh'), join(dir, 'oci'));
  chmodSync(join(dir, 'oci'), 0o755);
  const state: Record<string, string> = {
    state: image.state ?? 'AVAILABLE',
    compartment: image.compartment ?? 'ocid1.compartment.oc1..apps',
    polls_left: String(image.polls ?? 2),
    outcome: image.outcome ?? 'object',
  };
  for (const [k, v] of Object.entries(state)) writeFileSync(join(dir, k), `${v}\n`);
  if (image.refuse) writeFileSync(join(dir, 'refuse'), '');
  return {
    dir,
    file: (name) => join(dir, name),
    async run(options, env = {}) {
      const script = join(dir, 'export.sh');
      writeFileSync(script, ociCliExportScript(options));
      return runProcess('sh', [script], { env: { PATH: `${dir}:${process.env.PATH}`, STUB_DIR: dir, ...env } });
    },
  };
}

test('the script is valid POSIX sh, quotes every value and never contains a destination URL', () => {
  for (const destinationFromEnv of [false, true]) {
    const text = ociCliExportScript({ ...base, objectName: "it's/odd name.oci", destinationFromEnv, ociCliArgs: ['--profile', 'A B'] });
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(`OBJECT=${shQuote("it's/odd name.oci")}`);
    expect(text).toContain("oci --region \"$REGION\" '--profile' 'A B' \"$@\"");
    expect(text).not.toMatch(/https?:\/\//); // the URL is read from the environment at run time
    expect(spawnSync('sh', ['-n'], { input: text }).status).toBe(0);
  }
  expect(() => ociCliExportScript({ ...base, format: 'RAW' as never })).toThrow(/not one of/);
  expect(() => ociCliExportScript({ ...base, bucket: '' })).toThrow(/bucket must not be empty/);
});

test('exports to the bucket tuple, prints progress, verifies, writes the marker; a re-run does nothing', async () => {
  const s = stub({ polls: 3 });
  const r = await s.run(base);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(r.stdout.match(/^oci-image-export: \[\d\d:\d\d:\d\d\] image (EXPORTING|AVAILABLE)$/gm)).toHaveLength(3);
  expect(r.stdout).toMatch(/verified: object exists \(etag exp-\d+\)/);
  expect(readFileSync(s.file('argv.log'), 'utf8')).toMatch(
    /compute image export to-object --image-id ocid1\.image\S+ --namespace ns --bucket-name transit --name img\/app\.oci --export-format OCI/,
  );
  const marker = readFileSync(s.file('obj_img_app.oci.export.json'), 'utf8');
  expect(marker).toContain(`"opc-meta-oci-image-export-image-id": "${IMAGE}"`);

  const again = await s.run(base);
  expect(again.code).toBe(RUNNER_EXIT.OK);
  expect(again.stdout).toMatch(/already exported/);
  expect(readFileSync(s.file('argv.log'), 'utf8').match(/image export/g)).toHaveLength(1);
});

test('a PAR URL from the environment reaches oci only through a private --from-json file', async () => {
  const s = stub();
  const token = 'PARtokenSCRIPT0123456789';
  const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${token}/n/ns/b/transit/o/img/app.oci`;
  const r = await s.run({ ...base, destinationFromEnv: true }, { [DESTINATION_URI_ENV]: url });
  expect(r.code).toBe(RUNNER_EXIT.OK);
  expect(JSON.parse(readFileSync(s.file('uri.json'), 'utf8'))).toEqual({ uri: url });
  expect(readFileSync(s.file('argv.log'), 'utf8')).not.toContain(token);
  expect(r.stdout + r.stderr).not.toContain(token);
});

test.each([
  ['AVAILABLE without the object (F-22)', { outcome: 'no-object' as const }, RUNNER_EXIT.EXPORT_FAILED, /AVAILABLE again but the object .* does not exist/],
  ['platform or Marketplace image (F-20)', { compartment: 'null' }, RUNNER_EXIT.NOT_EXPORTABLE, /belongs to no compartment/],
  ['refused by the API (400)', { refuse: true }, RUNNER_EXIT.NOT_EXPORTABLE, /OCI refused to export .*"status": 400/],
  ['deleted image', { state: 'DELETED' }, RUNNER_EXIT.NOT_EXPORTABLE, /the image is DELETED/],
  ['export never finishes', { outcome: 'never' as const }, RUNNER_EXIT.TIMEOUT, /did not finish within 0\.001 minute\(s\) \(last seen: image EXPORTING\)/],
])('%s', async (_name, image, code, message) => {
  const r = await stub(image).run({ ...base, timeoutMinutes: 0.001 });
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(message);
});

test('a missing destination variable is a usage error', async () => {
  const s = stub();
  const r = await s.run({ ...base, destinationFromEnv: true });
  expect(r.code).toBe(RUNNER_EXIT.USAGE);
  expect(existsSync(s.file('argv.log'))).toBe(false);
});

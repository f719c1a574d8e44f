/** Runs the oci CLI fault matrix (cli-fault-matrix.ts) and keeps its table in docs/export-runner.md true. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../../lib/export/runner-contract';
import { secretEncodings } from '../../lib/export/runner/redact';
import { CLI_FAULT_CASES, cliMatrixTable } from './cli-fault-matrix';
import { TUPLE_KEYS, md5, removeStubs, stub } from './cli-stub';
import { expectGeneratedSection } from '../support/generated-section';
import { REPO_ROOT } from '../support/runner-cli';

afterAll(removeStubs);
const OBJECT = 'img/app.oci';
const MARKER = `${OBJECT}.export.json`;

describe.each(CLI_FAULT_CASES.map((c, i) => [c.name, c, i] as const))('%s', (_n, fault, index) => {
  test(`exit ${fault.exit}`, async () => {
    const token = `Ab+C/${index}=TOKENcliMatrix`;
    const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${encodeURIComponent(token)}/n/ns/b/transit/o/${encodeURIComponent(OBJECT)}`;
    const echo = `bad destination ${secretEncodings(url).join(' | ')} token ${secretEncodings(token).join(' | ')}`;
    const faults = Object.fromEntries(Object.entries(fault.image?.faults ?? {}).map(([k, v]) => [k, v === 'ECHO'
      ? `ServiceError:\n{\n "code": "InternalServerError",\n "message": "${echo.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}",\n "status": 500\n}\n` : v]));
    const s = stub({ ...fault.image, faults, outcome: fault.before && fault.before !== 'object' ? 'object' : fault.image?.outcome });
    const env: Record<string, string | undefined> = fault.par ? { ...Object.fromEntries(TUPLE_KEYS.map((k) => [k, undefined])), [DESTINATION_URI_ENV]: url } : {};
    if (fault.timeoutMinutes) env.OCI_IMAGE_EXPORT_TIMEOUT_MINUTES = String(fault.timeoutMinutes);
    const file = (name: string) => join(s.dir, 'objects', md5(name));
    if (fault.before === 'object') {
      require('fs').mkdirSync(join(s.dir, 'objects'), { recursive: true });
      writeFileSync(file(OBJECT), '{\n  "content-length": "1024",\n  "etag": "seed-1"\n}\n');
    } else if (fault.before) {
      const first = await s.run(env);
      expect(first.code).toBe(RUNNER_EXIT.OK);
      const marker = readFileSync(file(MARKER), 'utf8');
      const lie = fault.before.endsWith('ETag') ? marker.replace(/("opc-meta-oci-image-export-object-etag": ")[^"]*/, '$1other')
        : fault.before.endsWith('size') ? marker.replace(/("opc-meta-oci-image-export-object-size": ")[^"]*/, '$11')
          : fault.before.endsWith('image') ? marker.replace(/("opc-meta-oci-image-export-image-id": ")[^"]*/, '$1ocid1.image.oc1..other') : marker;
      writeFileSync(file(MARKER), lie);
      writeFileSync(join(s.dir, 'polls_left'), '2\n');
      if (fault.image?.outcome) writeFileSync(join(s.dir, 'outcome'), `${fault.image.outcome}\n`);
    }
    const etagBefore = s.object(OBJECT)?.match(/"etag": "([^"]*)"/)?.[1];
    const exportsBefore = s.calls().filter((c) => c.includes('export')).length;
    const r = await s.run(env);

    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: fault.exit, stderr: expect.anything() });
    if (r.code === RUNNER_EXIT.OK) {
      const after = s.object(OBJECT) ?? '';
      const etag = after.match(/"etag": "([^"]*)"/)?.[1];
      const size = Number(after.match(/"content-length": "(\d+)"/)?.[1] ?? 0);
      expect(size).toBeGreaterThan(0);
      expect(etag).toMatch(/^etag-/); // written by an export of the stub, never a seeded object
      const exported = s.calls().filter((c) => c.includes('export')).length > exportsBefore;
      if (exported) expect(etag).not.toBe(etagBefore);
      else expect(r.stdout).toMatch(/already exported/);
    } else {
      expect(r.stderr.split('\n').filter((l) => /^oci-image-export: (usage )?error: /.test(l))).toHaveLength(1);
    }
    for (const needle of [...secretEncodings(token), encodeURIComponent(token), url]) expect(`${r.stdout}\n${r.stderr}`).not.toContain(needle);
  });
});

test('docs/export-runner.md shows the oci CLI matrix as generated from the cases', () => {
  expectGeneratedSection(
    join(REPO_ROOT, 'docs/export-runner.md'),
    '<!-- cli-fault-matrix:begin (generated from test/export/cli-fault-matrix.ts; UPDATE_FAULT_MATRIX=1 npx jest test/export/cli-fault-matrix.test.ts rewrites it) -->',
    '<!-- cli-fault-matrix:end -->',
    cliMatrixTable(),
  );
});

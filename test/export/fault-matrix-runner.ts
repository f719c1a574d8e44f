/**
 * Runs a part of the fault matrix (fault-matrix.ts) against the fake OCI
 * endpoint and checks, for every case: the exit code; that success is never
 * reported without a fresh object written by an export of this image; that
 * expected failures print one error line and no stack trace; that no secret
 * appears in any output. Split over two test files so jest runs the halves
 * in parallel.
 */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../../lib/export/runner-contract';
import { secretEncodings } from '../../lib/export/runner/redact';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { CaseContext, FAULT_CASES, FaultCase } from './fault-matrix';
import { Harness, withFlag } from './harness';
import { RunResult } from '../support/process';

const ERROR_LINE = /^oci-image-export: (unexpected )?error: /;

export function describeMatrix(select: (c: FaultCase, index: number) => boolean): void {
  let h: Harness;
  const secrets: string[] = [];
  const falseSuccesses: string[] = [];

  beforeAll(async () => {
    h = await Harness.start();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => h.stop());
  afterEach(() => h.reset());

  const chosen = FAULT_CASES.map((c, i) => [c, i] as const).filter(([c, i]) => select(c, i));
  describe.each(chosen.map(([c, i]) => [`${c.cls}: ${c.name}`, c, i] as const))('%s', (_title, fault, index) => {
    test(`exit ${fault.exit}`, async () => {
      const image = h.image(fault.image);
      const objectName = `matrix/${index}.oci`;
      const par = fault.par ? h.parUrl(objectName, fault.par) : undefined;
      if (par) secrets.push(par.token, par.url);
      const base = par ? h.commonArgs(image.id) : h.tupleArgs(image.id, objectName);
      const ctx: CaseContext = {
        h, image, objectName, secrets: par ? [par.token, par.url] : [],
        argv: withFlag(base, '--timeout-minutes', String(fault.timeoutMinutes ?? 0.5)),
        env: par ? { [DESTINATION_URI_ENV]: par.url } : {},
        run: (argv = ctx.argv, env = ctx.env) => h.run(argv, env),
      };
      await fault.setup?.(ctx);
      const injected = h.cloud.faults.map((f) => ({ fault: f, times: f.times }));
      const exportsBefore = h.calls('ExportImage').length;
      const results: RunResult[] = fault.run ? await fault.run(ctx) : [await ctx.run()];
      const r = results[0];

      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: fault.exit, stderr: expect.anything() });
      if (fault.says) expect(`${r.stdout}\n${r.stderr}`).toMatch(fault.says);
      for (const each of results) {
        if (each.code === RUNNER_EXIT.OK) {
          // Success only with a non-empty object that an export of THIS image wrote.
          const o = h.object(objectName);
          const fresh = !!o && o.size > 0 && typeof o.origin === 'object' && o.origin.imageId === image.id;
          if (!fresh) falseSuccesses.push(fault.name);
          expect(fresh).toBe(true);
        } else if (each.code !== RUNNER_EXIT.UNEXPECTED) {
          expect(each.stderr.split('\n').filter((l) => ERROR_LINE.test(l))).toHaveLength(1);
          expect(each.stderr).not.toMatch(/\n\s+at /);
        }
      }
      if (fault.noNewExport) expect(h.calls('ExportImage').length).toBe(exportsBefore);
      // A fault that no call met would make the case test nothing.
      expect(injected.filter((x) => x.fault.times === x.times).map((x) => x.fault.operation)).toEqual([]);
      const needles = secretNeedles(h.creds, ctx.secrets.flatMap(secretEncodings));
      expect(findSecrets(results.map((x) => `${x.stdout}\n${x.stderr}`).join('\n'), needles)).toEqual([]);
    });
  });

  test('no false success and no secret in any output of this part of the matrix', () => {
    expect(falseSuccesses).toEqual([]);
    const output = h.allOutput.join('\n');
    expect(output.length).toBeGreaterThan(5_000);
    expect(findSecrets(output, secretNeedles(h.creds, secrets.flatMap(secretEncodings)))).toEqual([]);
  });
}

/**
 * Generated hostile-input test (issue 12): every public construct and
 * factory, each prop, each class of bad value. Every case must end in a
 * clear library error (construct path or factory name, the value, a fix) at
 * construction, or in an error finding at synth naming the path, the value
 * and a fix; acceptance only where the value is legitimately valid.
 */
import { CompatChecks, FindingLevel } from '../../lib';
import { BadValue } from './hostile-values';
import { Subject, SUBJECTS, W } from './subjects';

type Outcome = 'library error' | 'error finding' | 'accepted' | 'internal crash' | 'unclear message';

interface Result { subject: string; prop: string; cls: string; outcome: Outcome; detail: string; valid: boolean }

/** How the value must appear in a message: strings by their (escaped) start, numbers and booleans as written. */
function valueMarks(value: unknown): string[] {
  // As the library escapes them: JSON, plus DEL and C1 control characters as \u00XX.
  if (typeof value === 'string') return [JSON.stringify(value.slice(0, 20)).slice(0, -1).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value === null) return ['null'];
  return [];
}

function clear(message: string, s: Subject, prop: string, value: unknown): string | undefined {
  if (!s.paths.some((p) => message.includes(`[${p}]`) || message.includes(`[${p}/`))) return 'no path';
  if (!message.includes('Fix:')) return 'no fix';
  if (s.secretProps?.includes(prop)) {
    // A URL may be a PAR (a bearer secret, F-55): its token must never be shown; the rest may be masked.
    if (typeof value === 'string' && value.includes('/p/') && message.includes(value)) return 'shows a PAR URL';
    return undefined;
  }
  const marks = valueMarks(value);
  if (marks.length && !marks.some((m) => message.includes(m))) return `value ${marks[0]} not shown`;
  return undefined;
}

function run(s: Subject, prop: string, bad: BadValue): Result {
  const base = { subject: s.name, prop: prop || '(props)', cls: bad.cls, valid: bad.valid === true };
  const w = new W();
  try {
    s.build(w, prop, bad.value);
  } catch (e) {
    const err = e as Error;
    if (err?.name !== 'OciImageTransferError') return { ...base, outcome: 'internal crash', detail: `${err?.name}: ${err?.message}`.slice(0, 300) };
    const why = clear(err.message, s, prop, bad.value);
    return { ...base, outcome: why ? 'unclear message' : 'library error', detail: why ? `${why}: ${err.message.slice(0, 300)}` : err.message.slice(0, 200) };
  }
  let findings;
  try {
    findings = CompatChecks.of(w.stack).evaluate().filter((f) => f.level === FindingLevel.ERROR && !f.acknowledged);
  } catch (e) {
    return { ...base, outcome: 'internal crash', detail: `at synth: ${(e as Error).message}`.slice(0, 300) };
  }
  const named = findings.filter((f) => s.paths.some((p) => f.path === p || f.path.startsWith(`${p}/`)));
  if (named.length === 0) return { ...base, outcome: 'accepted', detail: findings.map((f) => `${f.ruleId} ${f.path}`).join('; ') };
  const message = named.map((f) => `[${f.path}] ${f.ruleId}: ${f.message}`).join('\n');
  const why = clear(message, s, prop, bad.value);
  return { ...base, outcome: why ? 'unclear message' : 'error finding', detail: why ? `${why}: ${message.slice(0, 300)}` : message.slice(0, 200) };
}

const CASES = SUBJECTS.flatMap((s) => Object.entries(s.props).flatMap(([prop, values]) => values.map((bad) => ({ s, prop, bad }))));
const results: Result[] = [];

describe('hostile input over every public construct and factory', () => {
  test.each(SUBJECTS.map((s) => [s.name, s] as const))('baseline of %s builds with no error finding', (_name, s) => {
    const w = new W();
    s.build(w);
    const errors = CompatChecks.of(w.stack).evaluate().filter((f) => f.level === FindingLevel.ERROR);
    expect(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });

  test(`${CASES.length} cases: a clear error for every bad value, acceptance only of valid ones`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(500);
    for (const c of CASES) results.push(run(c.s, c.prop, c.bad));
    const count = (o: Outcome, valid = false) => results.filter((r) => r.outcome === o && r.valid === valid).length;
    const silent = results.filter((r) => r.outcome === 'accepted' && !r.valid);
    const crashes = results.filter((r) => r.outcome === 'internal crash');
    const unclear = results.filter((r) => r.outcome === 'unclear message');
    const rejectedValid = results.filter((r) => r.valid && r.outcome !== 'accepted');
    // The counts the issue asks for, in the test output.
    console.log([
      `hostile-input: ${results.length} cases over ${SUBJECTS.length} constructs and factories`,
      `  library errors at construction: ${count('library error')}`,
      `  error findings at synth:        ${count('error finding')}`,
      `  legitimately valid, accepted:   ${count('accepted', true)}`,
      `  silent acceptances:             ${silent.length}`,
      `  internal crashes:               ${crashes.length}`,
      `  unclear messages:               ${unclear.length}`,
      `  valid values rejected:          ${rejectedValid.length}`,
    ].join('\n'));
    const show = (rs: Result[]) => rs.map((r) => `${r.subject} ${r.prop} <${r.cls}>: ${r.detail}`);
    expect({ silent: show(silent), crashes: show(crashes), unclear: show(unclear), rejectedValid: show(rejectedValid) })
      .toEqual({ silent: [], crashes: [], unclear: [], rejectedValid: [] });
  });
});

test('a construct path longer than OCI\'s 255-character display name gives a default display name that fits', () => {
  const { ImportedImage, ImportSource } = require('../../lib');
  const { Construct } = require('constructs');
  const w = new W();
  let scope = w.stack;
  for (let i = 0; i < 12; i++) scope = new Construct(scope, `a-rather-long-construct-id-number-${i}`);
  const image = new ImportedImage(scope, 'Import', { compartmentId: 'ocid1.compartment.oc1..aaaa', source: ImportSource.retained() });
  const name = (image.image as any).config.displayName;
  expect(image.node.path.length).toBeGreaterThan(255);
  expect(typeof name === 'string' ? name.length : 0).toBeGreaterThan(0);
  expect((name as string).length).toBeLessThanOrEqual(255);
  expect(name).toMatch(/^[0-9a-f]{8}-.*\/Import$/);
});

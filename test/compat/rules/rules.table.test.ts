/**
 * Every rule of the registry, case by case (GitHub issue 3): each case builds
 * a program through the public constructs in a fresh App and checks exactly
 * the findings of the rule under test (other rules are ignored, so the table
 * does not break when an unrelated rule changes).
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { Finding, FindingLevel, REPORT_JSON, RuleCatalog } from '../../../lib';
import { stackFile } from '../../support/synth';
import { formatCases } from './cases/formats.cases';
import { hostGenerationCases } from './cases/host-generations.cases';
import { operatingSystemCases, statedFactCases } from './cases/operating-systems.cases';
import { steadyStateCases } from './cases/steady-state.cases';
import { urlAndParCases } from './cases/urls-and-pars.cases';
import { workflowCases } from './cases/workflow.cases';
import { regionAndProviderCases } from './cases/regions-and-providers.cases';
import { ExpectedFinding, kindOf, RuleCase, World } from './harness';

const CASES: RuleCase[] = [
  ...workflowCases, ...formatCases, ...operatingSystemCases, ...statedFactCases, ...hostGenerationCases, ...urlAndParCases, ...steadyStateCases,
  ...regionAndProviderCases,
];
const RULES = RuleCatalog.all();

/** A matcher for a message that contains every text, in any order. */
function containsAll(texts: string[]) {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.stringMatching(new RegExp(`^${texts.map((t) => `(?=[\\s\\S]*${escape(t)})`).join('')}`));
}

function shape(f: Finding) {
  return { path: f.path, level: f.level, notCheckable: f.notCheckable, message: f.message };
}

function expectedShape(w: World, e: ExpectedFinding) {
  return { path: w.path(e.path), level: e.level, notCheckable: e.notCheckable, message: containsAll(e.contains) };
}

function describeCase(c: RuleCase): string {
  return `${kindOf(c)}: ${c.title}${c.synth ? ' (+synth)' : ''}`;
}

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const cases = CASES.filter((c) => c.rule === id);
  if (cases.length === 0) {
    test('has cases', () => expect(cases).not.toHaveLength(0));
    return;
  }

  test.each(cases.map((c) => [describeCase(c), c] as const))('%s', (_name, c) => {
    const w = new World();
    c.build(w);
    const all = w.evaluate();
    const mine = all.filter((f) => f.ruleId === id);

    expect(mine.map(shape)).toEqual(c.expected.map((e) => expectedShape(w, e)));
    for (const f of mine) {
      expect(f.facts).toEqual(rule.facts);
      expect(f.acknowledged).toBe(false);
      if (f.notCheckable) expect(f.level).toBe(FindingLevel.INFO);
    }

    if (c.synth) {
      const otherErrors = all.filter((f) => f.ruleId !== id && f.level === FindingLevel.ERROR && !f.acknowledged);
      // A synth case must be clean apart from the rule under test, or it would prove nothing.
      expect(otherErrors.map((f) => `${f.ruleId} ${f.path}`)).toEqual([]);
      const errors = mine.filter((f) => f.level === FindingLevel.ERROR);
      if (errors.length > 0) {
        let thrown: unknown;
        try { w.app.synth(); } catch (e) { thrown = e; }
        expect(thrown).toBeInstanceOf(Error);
        const message = (thrown as Error).message;
        for (const f of errors) {
          expect(message).toContain(id);
          expect(message).toContain(f.path);
        }
      } else {
        expect(() => w.app.synth()).not.toThrow();
        const report = JSON.parse(readFileSync(stackFile(w.app, w.stack, REPORT_JSON), 'utf8'));
        expect(report.findings.filter((f: any) => f.rule === id).map((f: any) => ({ path: f.path, level: f.level, notCheckable: f.notCheckable })))
          .toEqual(mine.map((f) => ({ path: f.path, level: f.level, notCheckable: f.notCheckable })));
      }
      rmSync(w.app.outdir, { recursive: true, force: true });
    } else if (existsSync(w.app.outdir) && readdirSync(w.app.outdir).length === 0) {
      rmdirSync(w.app.outdir);
    }
  });
});

describe('the table', () => {
  const RULE_DIR = resolve(__dirname, '..', '..', '..', 'lib', 'compat', 'rules');
  /** Rule id → source text of its file. */
  const sources = new Map<string, string>(readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts')).flatMap((f) => {
    const text = readFileSync(join(RULE_DIR, f), 'utf8');
    const m = /\bid: '(OIT\d+)'/.exec(text);
    return m ? [[m[1], text] as [string, string]] : [];
  }));

  test('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test('names only rules of the registry', () => {
    const known = new Set(RULES.map((r) => r.id));
    expect(CASES.filter((c) => !known.has(c.rule)).map((c) => c.rule)).toEqual([]);
  });

  test('gives every rule a compliant case and a firing case at the rule level', () => {
    const missing = RULES.flatMap((r) => {
      const cases = CASES.filter((c) => c.rule === r.id);
      const gaps: string[] = [];
      if (!cases.some((c) => kindOf(c) === 'compliant')) gaps.push(`${r.id}: no compliant case`);
      if (!cases.some((c) => kindOf(c) === 'fires')) gaps.push(`${r.id}: no firing case`);
      if (!cases.some((c) => c.expected.some((e) => !e.notCheckable && e.level === r.level))) gaps.push(`${r.id}: no case at level ${r.level}`);
      return gaps;
    });
    expect(missing).toEqual([]);
  });

  test('gives every rule that can report "not checkable" a not-checkable case', () => {
    expect(sources.size).toBe(RULES.length);
    const canReport = RULES.filter((r) => /\bnotCheckable\(/.test(sources.get(r.id) ?? '')).map((r) => r.id);
    expect(canReport.length).toBeGreaterThan(0);
    const missing = canReport.filter((id) => !CASES.some((c) => c.rule === id && c.expected.some((e) => e.notCheckable)));
    expect(missing).toEqual([]);
  });

  test('proves with a real synth that errors fail it, for several rules', () => {
    const synthErrors = new Set(CASES.filter((c) => c.synth && c.expected.some((e) => e.level === FindingLevel.ERROR)).map((c) => c.rule));
    expect(synthErrors.size).toBeGreaterThanOrEqual(5);
  });
});

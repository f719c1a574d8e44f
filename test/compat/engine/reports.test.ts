/** Report files: stable order, deterministic bytes, and a Mermaid graph of the transfer. */
import { readFileSync } from 'fs';
import { CompatChecks, ExportFormat, ImportSource, LaunchMode, ParExpiry, REPORT_JSON, SupportMatrix } from '../../../lib';
import { stackFile } from '../../support/synth';
import { jsonReport, markdownReport, World } from './support';

/**
 * A program with several findings on several constructs (no errors, so it
 * synthesizes). `reverse` declares the independent branches the other way round.
 */
function program(w: World, reverse = false) {
  const branches = [
    () => {
      const exported = w.export({ format: ExportFormat.QCOW2 }, 'Zeta'); // OIT005 (shared QCOW2)
      const copy = w.copy(exported, { createTimeoutMinutes: 30 }, 'ZetaCopy'); // OIT060
      w.import(ImportSource.fromObject(copy), { launchMode: LaunchMode.EMULATED, windowsRealTimeIsUniversalSet: true }, 'ZetaImport'); // OIT013
    },
    () => {
      const exported = w.export({}, 'Alpha');
      const par = w.par(exported, { expiry: ParExpiry.afterDays(30) }, 'AlphaPar'); // OIT057 warning
      w.import(ImportSource.fromPar(par), {}, 'AlphaImport'); // OIT004 info
    },
  ];
  (reverse ? branches.reverse() : branches).forEach((b) => b());
}

const byPathThenRule = (a: { path: string; ruleId: string }, b: { path: string; ruleId: string }) =>
  a.path === b.path ? (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) : a.path < b.path ? -1 : 1;

/** Built and synthesized once for the order and determinism tests: two identical programs and a reversed one. */
let a: World;
let b: World;
let reversed: World;

beforeAll(() => {
  [a, b, reversed] = [false, false, true].map((reverse) => {
    const w = new World();
    program(w, reverse);
    w.app.synth();
    return w;
  });
});

describe('findings order', () => {
  test('is by construct path, then rule id, whatever the declaration order', () => {
    const findings = CompatChecks.of(reversed.stack).findings;
    expect(findings.length).toBeGreaterThanOrEqual(5);
    expect(findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual([...findings].sort(byPathThenRule).map((f) => `${f.path} ${f.ruleId}`));
    expect(CompatChecks.of(a.stack).findings).toEqual(findings);
  });

  test('JSON report lists findings in the order of evaluate(), with a summary that adds up', () => {
    const report = jsonReport(a.app, a.stack);
    const findings = CompatChecks.of(a.stack).findings;
    expect(report.stack).toBe('case');
    expect(report.findings.map((f: any) => [f.rule, f.path, f.level, f.message, f.notCheckable, f.acknowledged]))
      .toEqual(findings.map((f) => [f.ruleId, f.path, f.level, f.message, f.notCheckable, f.acknowledged]));
    expect(report.findings.map((f: any) => f.facts)).toEqual(findings.map((f) => f.facts));
    expect(report.summary).toEqual({
      errors: 0,
      warnings: findings.filter((f) => f.level === 'warning').length,
      infos: findings.filter((f) => f.level === 'info' && !f.notCheckable).length,
      notCheckable: findings.filter((f) => f.notCheckable).length,
      checkedAtPlan: findings.filter((f) => f.checkedAtPlan).length,
      acknowledged: 0,
    });
  });
});

describe('determinism', () => {
  test('the JSON report is byte-identical across two synths of the same program', () => {
    const [first, second] = [a, b].map((w) => readFileSync(stackFile(w.app, w.stack, REPORT_JSON)));
    expect(first.equals(second)).toBe(true);
  });

  test('declaration order does not change the JSON report', () => {
    expect(jsonReport(reversed.app, reversed.stack)).toEqual(jsonReport(a.app, a.stack));
  });

  test('synthesizing one app twice writes the same reports', () => {
    const first = [readFileSync(stackFile(b.app, b.stack, REPORT_JSON)), markdownReport(b.app, b.stack)] as const;
    b.app.synth();
    expect(readFileSync(stackFile(b.app, b.stack, REPORT_JSON)).equals(first[0])).toBe(true);
    expect(markdownReport(b.app, b.stack)).toBe(first[1]);
  });

  // Each finding is annotated once per construct, however often the app is synthesized.
  test('synthesizing one app twice does not duplicate annotations', () => {
    const w = new World();
    const exported = w.export();
    const copy = w.copy(exported, { createTimeoutMinutes: 20 });
    w.app.synth();
    const once = copy.node.metadata.length;
    w.app.synth();
    expect(copy.node.metadata.length).toBe(once);
  });
});

describe('markdown report', () => {
  /** Node id → construct name, and edges as construct-name pairs, from the first mermaid block. */
  function mermaid(markdown: string) {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    expect(block).not.toBeNull();
    const lines = (block as RegExpExecArray)[1].split('\n');
    expect(lines[0]).toMatch(/^flowchart /);
    const names = new Map<string, string>();
    const labels = new Map<string, string>();
    for (const l of lines) {
      const m = /^\s*(n\d+)\W+?"(.*)"\W*$/.exec(l);
      if (m) {
        labels.set(m[1], m[2]);
        names.set(m[1], m[2].split('<br/>').pop() as string);
      }
    }
    const edges = lines.flatMap((l) => {
      const m = /^\s*(n\d+) --> (n\d+)\s*$/.exec(l);
      return m ? [[names.get(m[1]), names.get(m[2])]] : [];
    });
    return { names, labels, edges };
  }

  test('has a mermaid block with export → copy → PAR → import edges', () => {
    const w = new World();
    const exported = w.export();
    const copy = w.copy(exported);
    const par = w.par(copy);
    w.import(ImportSource.fromPar(par), { provider: w.other });
    w.app.synth();
    const md = markdownReport(w.app, w.stack);
    const { labels, edges } = mermaid(md);
    expect(edges).toEqual(expect.arrayContaining([['Export', 'Copy'], ['Copy', 'ReadAccess'], ['ReadAccess', 'Import']]));
    const label = (name: string) => [...labels.values()].find((l) => l.endsWith(`<br/>${name}`));
    expect(label('Export')).toContain('export (OCI)');
    expect(label('Copy')).toContain('copy to us-ashburn-1');
    expect(label('ReadAccess')).toContain('PAR ObjectRead');
    expect(label('Import')).toContain('import in us-ashburn-1');
  });

  test('shows the support matrix edition and a row per finding', () => {
    const w = a;
    const md = markdownReport(w.app, w.stack);
    expect(md).toContain('Support matrix: seed.');
    const rows = md.split('\n').filter((l) => /^\| OIT\d{3} \|/.test(l));
    expect(rows.map((r) => r.split('|')[1].trim())).toEqual(CompatChecks.of(w.stack).findings.map((f) => f.ruleId));
  });

  test('says so when the stack has no transfer and no findings', () => {
    const w = new World();
    CompatChecks.of(w.stack).useSupportMatrix(SupportMatrix.EDITION_2025_03);
    w.app.synth();
    const md = markdownReport(w.app, w.stack);
    expect(mermaid(md).edges).toEqual([]);
    expect(md).toContain('No findings.');
    expect(md).toContain('Support matrix: 2025-03-05.');
    expect(jsonReport(w.app, w.stack).findings).toEqual([]);
  });
});

/**
 * `npm run bench`: load time, synth scaling and check overhead, each as a
 * ratio against a baseline measured in the same run. Prints a table and
 * writes bench/results.json. Never part of `npm test`.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, totalmem, tmpdir } from 'os';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');
const LIB_ENTRY = join(ROOT, 'dist', 'lib', 'index.js');
const SCENARIO = join(__dirname, 'scenario.js');
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 9);
const SYNTH_RUNS = Number(process.env.BENCH_SYNTH_RUNS ?? 3);
const SIZES: Array<[number, number]> = [[1, 3], [10, 20], [20, 40]];

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Milliseconds to `require` a module in a fresh node process (measured inside it, excluding node's own start). */
function loadOnce(target: string): number {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${target} failed: ${r.stderr}`);
  return Number(r.stdout);
}

function loadTime() {
  const lib: number[] = [];
  const cdktf: number[] = [];
  loadOnce('cdktf'); // warm the file system cache for both
  loadOnce(LIB_ENTRY);
  for (let i = 0; i < LOAD_RUNS; i++) { cdktf.push(loadOnce('cdktf')); lib.push(loadOnce(LIB_ENTRY)); }
  return { runs: LOAD_RUNS, cdktfMs: round(median(cdktf)), libraryMs: round(median(lib)), ratio: round(median(lib) / median(cdktf), 2), target: 1.3 };
}

interface ScenarioRun { wallMs: number; buildMs: number; synthMs: number; maxRssMb: number; resources: number }

function scenarioOnce(mode: string, images: number, regions: number): ScenarioRun {
  const out = mkdtempSync(join(tmpdir(), 'oit-bench-'));
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [SCENARIO, mode, String(images), String(regions), out], { cwd: ROOT, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`scenario ${mode} ${images}x${regions} failed: ${r.stderr}`);
  return { wallMs, ...JSON.parse(r.stdout.trim().split('\n').pop() as string) };
}

function scenario(mode: string, images: number, regions: number) {
  const runs: ScenarioRun[] = [];
  for (let i = 0; i < SYNTH_RUNS; i++) runs.push(scenarioOnce(mode, images, regions));
  return {
    wallMs: round(median(runs.map((r) => r.wallMs))),
    synthMs: round(median(runs.map((r) => r.synthMs))),
    buildMs: round(median(runs.map((r) => r.buildMs))),
    maxRssMb: round(Math.max(...runs.map((r) => r.maxRssMb))),
    resources: runs[0].resources,
  };
}

function main(): void {
  const started = Date.now();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: round(totalmem() / 2 ** 30), node: process.version };
  console.log(`Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GiB, node ${machine.node}`);

  const load = loadTime();
  console.log(`\nLoad time (median of ${load.runs} fresh processes, alternated)`);
  console.log(`  require('cdktf')            ${load.cdktfMs} ms`);
  console.log(`  require(library)            ${load.libraryMs} ms   ratio ${load.ratio} (target <= ${load.target}) ${load.ratio <= load.target ? 'MET' : 'MISSED'}`);

  const synth = SIZES.map(([images, regions]) => {
    // Alternate modes per size so drift hits all of them alike.
    const bare = scenario('bare', images, regions);
    const library = scenario('library', images, regions);
    const nochecks = scenario('nochecks', images, regions);
    return {
      size: `${images}x${regions}`, images, regions, bare, library, nochecks,
      wallRatio: round(library.wallMs / bare.wallMs, 2),
      synthRatio: round(library.synthMs / bare.synthMs, 2),
      checkOverhead: round(library.wallMs / nochecks.wallMs, 2),
    };
  });
  console.log(`\nSynth scaling (median of ${SYNTH_RUNS} fresh processes; ratio = library / bare TerraformResource baseline)`);
  console.log('  size    resources | bare wall / synth / RSS      | library wall / synth / RSS   | ratio wall  synth | checks on/off');
  for (const s of synth) {
    const cell = (x: { wallMs: number; synthMs: number; maxRssMb: number }) => `${x.wallMs} / ${x.synthMs} ms / ${x.maxRssMb} MB`.padEnd(29);
    console.log(`  ${s.size.padEnd(7)} ${String(s.library.resources).padStart(9)} | ${cell(s.bare)}| ${cell(s.library)}| ${String(s.wallRatio).padStart(9)} ${String(s.synthRatio).padStart(6)} | ${s.checkOverhead}`);
  }
  const largest = synth[synth.length - 1];
  const targets = {
    loadRatio: { value: load.ratio, target: '<= 1.3', met: load.ratio <= 1.3 },
    synthRatio: { value: Math.max(...synth.map((s) => s.synthRatio)), target: '<= 1.15 at every size', met: synth.every((s) => s.synthRatio <= 1.15) },
    wallRatio: { value: Math.max(...synth.map((s) => s.wallRatio)), target: '<= 1.5 at every size (whole process)', met: synth.every((s) => s.wallRatio <= 1.5) },
    largestWall: { value: largest.library.wallMs, target: '< 10000 ms at 20x40', met: largest.library.wallMs < 10000 },
    largestRss: { value: largest.library.maxRssMb, target: '< 500 MB at 20x40', met: largest.library.maxRssMb < 500 },
  };
  console.log('\nTargets');
  for (const [name, t] of Object.entries(targets)) console.log(`  ${name.padEnd(12)} ${String(t.value).padStart(8)}  ${t.target.padEnd(38)} ${t.met ? 'MET' : 'MISSED'}`);
  const results = { machine, load, synth, targets, benchSeconds: round((Date.now() - started) / 1000) };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  updateBenchmarksMd(results);
  console.log(`\nWrote bench/results.json and BENCHMARKS.md in ${results.benchSeconds} s`);
}

/** Rewrites the generated part of BENCHMARKS.md, so the document always shows the latest run. */
function updateBenchmarksMd(r: any): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const mark = (met: boolean) => (met ? 'met' : '**missed**');
  const lines = [
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GiB RAM, Node ${r.machine.node}; the whole run took ${r.benchSeconds} s.`,
    '',
    `Load time, median of ${r.load.runs} fresh processes (alternated): \`require('cdktf')\` ${r.load.cdktfMs} ms, this library ${r.load.libraryMs} ms, ratio **${r.load.ratio}** (target ≤ 1.3, ${mark(r.targets.loadRatio.met)}).`,
    '',
    `Synth, median of ${SYNTH_RUNS} fresh processes per cell (wall = whole process; synth = \`app.synth()\`; RSS = peak):`,
    '',
    '| images × regions | resources | bare baseline wall / synth / RSS | library wall / synth / RSS | ratio wall | ratio synth | checks on ÷ off (wall) |',
    '|---|---|---|---|---|---|---|',
    ...r.synth.map((s: any) => `| ${s.size} | ${s.library.resources} | ${s.bare.wallMs} ms / ${s.bare.synthMs} ms / ${s.bare.maxRssMb} MB | ${s.library.wallMs} ms / ${s.library.synthMs} ms / ${s.library.maxRssMb} MB | ${s.wallRatio} | ${s.synthRatio} | ${s.checkOverhead} |`),
    '',
    '| target | value | met |',
    '|---|---|---|',
    ...Object.entries(r.targets).map(([name, t]: [string, any]) => `| ${name}: ${t.target} | ${t.value} | ${mark(t.met)} |`),
  ];
  writeFileSync(file, `${text.slice(0, i + start.length)}\n${lines.join('\n')}\n${text.slice(j)}`);
}

main();

/**
 * `npm run bench:rollout`: rollouts of 1x3, 5x8 and 20x40 (images x regions)
 * applied by real terraform and the real oracle/oci provider against the
 * HTTPS fake OCI, in each layout, the way the README tells a pipeline to
 * apply them. Writes bench/rollout-results.json and the rollout section of
 * BENCHMARKS.md. Never part of `npm test` or CI: it takes minutes.
 *
 *   BENCH_ROLLOUTS="5x8:SINGLE_STACK:10,5x8:SINGLE_STACK:manifest:shared"   choose cells
 *   BENCH_MS_PER_MINUTE=2000   real ms per modelled minute (latency-model.ts says why 2,000)
 *   BENCH_MERGE=1              keep the other cells of bench/rollout-results.json (re-run a few cells)
 *   BENCH_PLAN_COST=0          skip the no-op plan after each apply
 *   BENCH_DIAG=1               per-stage start / notice lags and CPU per process (diagnose.ts)
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join, resolve } from 'path';
import { StackLayout } from '../../lib';
import { World } from '../../test/acceptance/support/world';
import { DEFAULT_MODEL } from './latency-model';
import { RolloutFigure, measureRollout } from './measure';
import { StateServer } from './state-server';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The recommended setup is SINGLE_STACK:manifest:shared (one stack, the
 * manifest's -parallelism, shared transit buckets); SINGLE_STACK:10 is what
 * a user gets with no settings. Every cell keeps its state in the http
 * backend and applies a saved plan, as a GitOps pipeline does. 20x40 runs
 * the recommended setup only: at -parallelism=10 it queues 1,600 long
 * operations behind 10 slots (at least 2,400 modelled minutes against a
 * 90-minute critical path), and the multi-stack layouts start a provider
 * process per region in each of 41 or 801 stacks.
 */
const DEFAULT_CELLS = [
  '20x40:SINGLE_STACK:manifest:shared', '5x8:SINGLE_STACK:manifest:shared', '5x8:SINGLE_STACK:10',
  '20x40:SINGLE_STACK:manifest:shared:floor', '5x8:SINGLE_STACK:manifest:shared:floor',
  '5x8:STACK_PER_WAVE:manifest', '5x8:STACK_PER_REGION:manifest',
  '1x3:SINGLE_STACK:manifest:shared', '1x3:SINGLE_STACK:10', '1x3:STACK_PER_WAVE:manifest', '1x3:STACK_PER_REGION:manifest',
];

interface Cell { images: number; regions: number; layout: StackLayout; parallelism?: number; share: boolean; localState: boolean; floor: boolean }

/**
 * `size:layout:parallelism[:shared][:local][:floor]`; `local` keeps the
 * state in local files instead of the http backend; `floor` applies the same
 * rollout with every long operation finishing at once: what Terraform, the
 * provider processes, the runner and the fake cost on this machine alone.
 */
function parseCell(text: string): Cell {
  const [size, layout, par, ...flags] = text.split(':');
  const [images, regions] = size.split('x').map(Number);
  if (!(layout in StackLayout)) throw new Error(`unknown layout ${layout} in ${text}`);
  const unknown = flags.filter((f) => !['shared', 'local', 'floor'].includes(f));
  if (unknown.length) throw new Error(`unknown flag ${unknown.join(', ')} in ${text}`);
  return { images, regions, layout: layout as StackLayout, parallelism: par === 'manifest' ? undefined : Number(par), share: flags.includes('shared'), localState: flags.includes('local'), floor: flags.includes('floor') };
}

async function main(): Promise<void> {
  const cells = (process.env.BENCH_ROLLOUTS?.split(',') ?? DEFAULT_CELLS).map(parseCell);
  const started = Date.now();
  type Row = RolloutFigure & { loadBefore: number; loadAfter: number; parallelismFrom: string };
  const resultsFile = join(ROOT, 'bench', 'rollout-results.json');
  const kept: Row[] = process.env.BENCH_MERGE === '1' && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).figures : [];
  const figures: Row[] = [];
  const keyOf = (f: Row) => `${f.size}|${f.layout}|${f.sharedBuckets}|${f.parallelismFrom}|${f.state ?? 'local'}|${f.latency ?? 'model'}`;
  const size = (f: Row) => f.size.split('x').map(Number).reduce((a, b) => a * b, 1);
  const order = (f: Row) => `${String(size(f)).padStart(6, '0')}|${f.layout}|${f.sharedBuckets ? 0 : 1}|${f.parallelismFrom}|${f.state}|${f.latency}`;
  const merged = () => [...kept.filter((k) => !figures.some((f) => keyOf(f) === keyOf(k))), ...figures].sort((a, b) => order(a).localeCompare(order(b)));
  for (const c of cells) {
    const world = await World.start();
    const state = c.localState ? undefined : await StateServer.start();
    const loadBefore = loadavg()[0];
    try {
      const model = c.floor ? { ...DEFAULT_MODEL, exportMinutes: 0, copyMinutes: 0, importMinutes: 0 } : DEFAULT_MODEL;
      const f = await measureRollout(world, model, { ...c, stateAddress: state && ((stack: string) => state.address(stack)) }, { parallelism: c.parallelism, stackConcurrency: Infinity });
      const row = { ...f, loadBefore: round(loadBefore), loadAfter: round(loadavg()[0]), parallelismFrom: c.parallelism === undefined ? 'manifest' : 'fixed' };
      figures.push(row);
      console.log(line(row));
      write(merged(), started);
    } finally {
      await world.stop();
      await state?.stop();
    }
  }
  console.log(`Wrote bench/rollout-results.json and BENCHMARKS.md in ${round((Date.now() - started) / 1000, 0)} s`);
}

/** Results so far, to bench/rollout-results.json and BENCHMARKS.md (after every cell). */
function write(figures: Array<RolloutFigure & { loadBefore: number; loadAfter: number; parallelismFrom: string }>, started: number): void {
  const results = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    model: DEFAULT_MODEL, figures, benchSeconds: round((Date.now() - started) / 1000, 0),
  };
  writeFileSync(join(ROOT, 'bench', 'rollout-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  updateBenchmarksMd(results);
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const s = (ms: number) => `${round(ms / 1000, 1)} s`;

function setup(f: RolloutFigure & { parallelismFrom: string }): string {
  return [f.layout, `-parallelism=${f.settings.parallelism}${f.parallelismFrom === 'manifest' ? ' (manifest)' : ''}`, f.sharedBuckets ? 'shareTransitBuckets' : '', `${f.state ?? 'local'} state`]
    .filter(Boolean).join(', ');
}

/** Per wave: window / critical path = ratio; a floor row (no latency) has no critical path, only windows. */
function waveCells(f: RolloutFigure, sep: string, bold: boolean): string {
  const b = (x: unknown) => (bold ? `**${x}**` : String(x));
  return f.waves.map((w) => (f.latency === 'none' ? `${w.wave}: ${s(w.windowMs)}` : `${w.wave}: ${s(w.windowMs)} / ${s(w.criticalMs)} = ${b(w.ratio)}`)).join(sep);
}

function line(f: RolloutFigure & { loadBefore: number; parallelismFrom: string }): string {
  return `${f.size.padEnd(6)} ${setup(f)}${f.latency === 'none' ? ' FLOOR (no latency)' : ''}; stacks ${f.stacks}; plan ${s(f.planMs)}; apply ${s(f.makespanMs)} (startup ${s(f.startupMs)}); ${waveCells(f, '; ', false)}; no-op plan ${f.planCalls}/${f.managedResources} = ${f.planCallsPerResource}; load ${f.loadBefore}${f.startRetries ? `; ${f.startRetries} terraform starts retried` : ''}`;
}

function updateBenchmarksMd(r: { model: typeof DEFAULT_MODEL; figures: Array<RolloutFigure & { loadBefore: number; loadAfter: number; parallelismFrom: string }>; benchSeconds: number; machine: { cpus: number; cpuModel: string } }): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- rollout:start -->';
  const end = '<!-- rollout:end -->';
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const m = r.model;
  const lines = [
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}; the whole run took ${r.benchSeconds} s. Latency model: export ${m.exportMinutes} min, copy ${m.copyMinutes} min, import ${m.importMinutes} min per image; 1 modelled minute = ${m.msPerMinute} ms.`,
    '',
    '| images × regions | setup | latency | stacks | managed resources | `plan -out` before the apply | apply makespan (startup) | per wave: window / critical path = ratio | no-op plan calls / resource | load (1-min avg) before → after |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.figures.map((f) => `| ${f.size} | ${setup(f)} | ${f.latency === 'none' ? 'none (floor)' : 'model'} | ${f.stacks} | ${f.managedResources} | ${f.planMs === undefined ? '—' : s(f.planMs)} | ${s(f.makespanMs)} (${s(f.startupMs)}) | ${waveCells(f, '<br>', true)} | ${f.planCalls ? `${f.planCalls} / ${f.managedResources} = **${f.planCallsPerResource}**` : 'not run'} | ${f.loadBefore} → ${f.loadAfter} |`),
  ];
  writeFileSync(file, `${text.slice(0, i + start.length)}\n${lines.join('\n')}\n${text.slice(j)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });

/**
 * One benchmarked rollout against the HTTPS fake OCI with real terraform and
 * the real oracle/oci provider: synth, init (not timed), apply the way a
 * pipeline would (stacks of one phase in parallel, phases in manifest
 * order), then read the makespan, per-wave windows and a no-op plan's calls.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { StackLayout } from '../../lib';
import { RUNNER_DEFAULTS } from '../../lib/export/runner-contract';
import { synthApp } from '../../test/acceptance/support/stacks';
import { World } from '../../test/acceptance/support/world';
import { LatencyModel, timeScale, waveCriticalMs } from './latency-model';
import { COMPARTMENT, ROOT_STACK, RolloutShape, buildRollout, rolloutName, waveRegions } from './program';
import { TimedCall, observedSpan, timeCalls } from './timed-calls';
import { SOURCE_REGION } from '../regions';
import { ProcessCpuSampler, cpuSeconds, formatLags, phaseMarks, stageLags } from './diagnose';
import { TARGET_REGIONS } from '../regions';
import { stackRunner } from './stack-runner';
import { monitorEventLoopDelay } from 'perf_hooks';

export interface PipelineSettings {
  /** `terraform apply -parallelism` of every stack. @default the manifest's `pipeline.parallelism` of each stack */
  readonly parallelism?: number;
  /** Stacks of one phase applied at once. */
  readonly stackConcurrency: number;
}

export interface WaveFigure {
  readonly wave: string;
  /** From the first API call to the wave's end. */
  readonly windowMs: number;
  /** The latency model's critical path to the wave's end. */
  readonly modelMs: number;
  /** The longest chain of long operations to the wave's end, as observed in this run. */
  readonly criticalMs: number;
  readonly ratio: number;
}

export interface RolloutFigure {
  readonly size: string;
  readonly layout: string;
  readonly sharedBuckets: boolean;
  /** `model`, or `none` for the floor: every long operation ends at once. */
  readonly latency: string;
  /** Where Terraform keeps state: `local` files or the `http` backend. */
  readonly state: string;
  readonly settings: PipelineSettings;
  readonly stacks: number;
  readonly managedResources: number;
  readonly makespanMs: number;
  /** From the pipeline's start to the first API call (terraform and provider start, local only). */
  readonly startupMs: number;
  readonly criticalMs: number;
  readonly ratio: number;
  readonly waves: WaveFigure[];
  readonly applyCalls: number;
  readonly planCalls: number;
  readonly planCallsPerResource: number;
  readonly planCallsByOperation: Record<string, number>;
  /** `terraform plan -out` of the first phase's stacks (before the clock starts), longest. */
  readonly planMs: number;
  /** terraform processes that failed to start and were started again. */
  readonly startRetries: number;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs `jobs` with at most `limit` at once; rejects on the first failure. */
async function pooled<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => { while (next < items.length) await job(items[next++]); };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Stacks per phase: the root stack (exports), then each wave's stacks, from the rollout manifests. */
function phases(rootDir: string, images: number): { stacks: string[][]; waves: string[]; parallelism: Record<string, number> } {
  const byWave = new Map<string, string[]>();
  const parallelism: Record<string, number> = {};
  for (let i = 0; i < images; i++) {
    const m = JSON.parse(readFileSync(join(rootDir, `oci-image-rollout-${rolloutName(i)}.json`), 'utf8'));
    Object.assign(parallelism, m.pipeline.parallelism);
    for (const w of [...m.waves].sort((a: any, b: any) => a.order - b.order)) {
      const list = byWave.get(w.name) ?? [];
      for (const t of w.targets) if (t.stack !== ROOT_STACK && !list.includes(t.stack)) list.push(t.stack);
      byWave.set(w.name, list);
    }
  }
  return { stacks: [[ROOT_STACK], ...[...byWave.values()].filter((s) => s.length)], waves: [...byWave.keys()], parallelism };
}

export async function measureRollout(world: World, model: LatencyModel, shape: RolloutShape, settings: PipelineSettings): Promise<RolloutFigure> {
  const cloud = world.cloud;
  cloud.timeScale = timeScale(model);
  Object.assign(cloud.durations, { exportImage: model.exportMinutes * 60_000, copyObject: model.copyMinutes * 60_000, importImage: model.importMinutes * 60_000 });
  const imageIds = Array.from({ length: shape.images }, () => cloud.addImage(SOURCE_REGION, { compartmentId: COMPARTMENT }).id);
  const size = `${shape.images}x${shape.regions}`;
  const app = await synthApp(world, `${size}-${shape.layout}${shape.share ? '-shared' : ''}`, (a) => { buildRollout(a, shape, imageIds); });
  scaleRunnerPolling(Object.values(app.stacks), RUNNER_DEFAULTS.pollSeconds * model.msPerMinute / 60_000);
  const { stacks, waves, parallelism } = phases(app.stacks[ROOT_STACK], shape.images);
  const parallelismOf = (s: string) => settings.parallelism ?? parallelism[s];
  await pooled(stacks.flat(), 4, (s) => world.init(app.stacks[s]));

  // The fake issues a TLS certificate per host name on first use (two openssl
  // runs that block its event loop): issue them before the clock starts.
  for (const region of [SOURCE_REGION, ...TARGET_REGIONS.slice(0, shape.regions)]) {
    for (const service of ['objectstorage', 'iaas']) world.fake.ca.certificateFor(`${service}.${region}.oraclecloud.com`);
  }
  const runner = stackRunner(world);
  const sampler = new ProcessCpuSampler();
  const clock = timeCalls(cloud);
  // As a GitOps pipeline applies: `plan -out` (the first phase's plans are
  // the pull request's, before the clock starts), then `apply` of the saved
  // plan. A later phase reads the outputs of the one before, so it is
  // planned when that one has applied, inside the timed window.
  const plan = async (s: string) => {
    const t = Date.now();
    const r = await runner.run(s, app.stacks[s], ['plan', '-input=false', '-no-color', `-parallelism=${parallelismOf(s)}`, '-out=rollout.tfplan']);
    if (r.code !== 0) throw new Error(`plan of ${s} failed (exit ${r.code}):\n${r.stderr}\n${r.stdout.slice(-3000)}`);
    return Date.now() - t;
  };
  const planMs: number[] = [];
  await pooled(stacks[0], settings.stackConcurrency, async (s) => { planMs.push(await plan(s)); });
  const mark = cloud.mark();
  if (process.env.BENCH_DIAG) sampler.start();
  const t0 = clock();
  const epochMs = Date.now() - t0;
  const cpu0 = cpuSeconds();
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  for (const [i, phase] of stacks.entries()) {
    await pooled(phase, settings.stackConcurrency, async (s) => {
      if (i > 0) await plan(s);
      const r = await runner.run(s, app.stacks[s], ['apply', '-input=false', '-no-color', `-parallelism=${parallelismOf(s)}`, 'rollout.tfplan']);
      if (r.code !== 0) throw new Error(`apply of ${s} failed (exit ${r.code}):\n${r.stderr}\n${r.stdout.slice(-3000)}`);
    });
  }
  const makespanMs = clock() - t0;
  const calls = cloud.since(mark) as TimedCall[];
  loopDelay.disable();
  const cpu1 = cpuSeconds();
  const byProcess = sampler.stop();
  if (process.env.BENCH_TIMELINE) console.error(timeline(calls));
  if (process.env.BENCH_DIAG) {
    console.error(`${size} ${shape.layout}: plan (before the clock) ${Math.max(...planMs)} ms; makespan ${makespanMs} ms; CPU s: fake (this process) ${round(cpu1.self - cpu0.self, 1)}, terraform+providers+runners ${round(cpu1.children - cpu0.children, 1)}; fake event-loop delay p50/p99/max ms ${round(loopDelay.percentile(50) / 1e6, 1)}/${round(loopDelay.percentile(99) / 1e6, 1)}/${round(loopDelay.max / 1e6, 1)}; calls ${calls.length}`);
    const marks = phaseMarks(calls, t0);
    console.error(`CPU s by process (sampled): terraform ${byProcess.terraform}, providers ${byProcess.providers}, other (runners) ${byProcess.other}; first call ${marks.firstCall} ms, first write ${marks.firstWrite} ms, first ExportImage ${marks.firstExport} ms`);
    console.error(formatLags(stageLags(cloud, calls, imageIds, waveRegions(shape.regions), epochMs, t0)));
  }

  // Per wave: the time from the first API call until the wave's last call
  // (its last shape entry; the last wave ends with the pipeline), against
  // the critical path up to the end of that wave: the longest chain of long
  // operations through it (export, then per wave the slowest target's copy +
  // import), each as this run observed it (request sent -> last poll of its
  // work request), so the provider's polling is in both numbers and the
  // ratio shows waiting only. Terraform's and the provider's own start
  // (before the first call; CPU-bound, inflated on a busy machine) is apart.
  const chains = observedChains(calls, imageIds);
  const regionsOfWave = waveRegions(shape.regions);
  const startupMs = Math.min(...calls.map((c) => c.atMs)) - t0;
  const start = t0 + startupMs;
  const figures: WaveFigure[] = [];
  const chainSoFar = imageIds.map((_id, img) => chains.exportMs[img]);
  waves.forEach((wave, i) => {
    const regions = new Set(regionsOfWave[i]);
    const last = i === waves.length - 1 ? t0 + makespanMs : Math.max(...calls.filter((c) => regions.has(c.region)).map((c) => c.atMs));
    imageIds.forEach((_id, img) => { chainSoFar[img] += Math.max(...[...regions].map((r) => chains.targetMs.get(`${img}/${r}`) ?? 0)); });
    const criticalMs = Math.max(...chainSoFar);
    const modelMs = waves.slice(0, i + 1).reduce((sum, _w, k) => sum + waveCriticalMs(model, k), 0);
    figures.push({ wave, windowMs: last - start, modelMs, criticalMs, ratio: round((last - start) / criticalMs) });
  });
  let managedResources = 0;
  for (const s of stacks.flat()) managedResources += (await world.stateList(app.stacks[s])).filter((a) => !a.startsWith('data.')).length;
  const planMark = cloud.mark();
  // BENCH_PLAN_COST=0 skips the no-op plan (its cost does not depend on the time scale; it saves minutes at 20x40).
  if (process.env.BENCH_PLAN_COST !== '0') {
    await pooled(stacks.flat(), settings.stackConcurrency, async (s) => {
      const r = await runner.run(s, app.stacks[s], ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-parallelism=${parallelismOf(s)}`]);
      if (r.code !== 0) throw new Error(`no-op plan of ${s} exited ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr}`);
    });
  }
  const planCalls = cloud.since(planMark);
  const byOp: Record<string, number> = {};
  for (const c of planCalls) byOp[c.operation] = (byOp[c.operation] ?? 0) + 1;
  const criticalMs = figures[figures.length - 1].criticalMs;
  return {
    size, layout: shape.layout, sharedBuckets: shape.share ?? false, latency: model.exportMinutes + model.copyMinutes + model.importMinutes > 0 ? 'model' : 'none', state: shape.stateAddress ? 'http' : 'local', settings: { ...settings, parallelism: settings.parallelism ?? Math.max(...stacks.flat().map(parallelismOf)) }, startupMs, stacks: stacks.flat().length, managedResources, makespanMs, criticalMs, ratio: round((makespanMs - startupMs) / criticalMs),
    waves: figures, applyCalls: calls.length, planCalls: planCalls.length, planCallsPerResource: planCalls.length ? round(planCalls.length / managedResources) : NaN,
    planCallsByOperation: Object.fromEntries(Object.entries(byOp).sort()),
    startRetries: runner.retries,
    planMs: Math.max(...planMs),
  };
}

export { StackLayout };

/** Debug: the timed calls of the last apply, one line each. */
export function timeline(calls: TimedCall[]): string {
  return calls.map((c) => `${String(c.atMs).padStart(7)} ${c.region.padEnd(15)} ${c.method.padEnd(6)} ${c.status} ${c.operation}`).join('\n');
}

/** Observed length of each image's export and of each target's copy + import, keyed `image/region`. */
function observedChains(calls: TimedCall[], imageIds: string[]): { exportMs: number[]; targetMs: Map<string, number> } {
  const dur = (c: TimedCall) => { const s = observedSpan(calls, c); return s.to - s.from; };
  const ok = (op: string) => calls.filter((c) => c.operation === op && c.status >= 200 && c.status < 300);
  const exportMs = imageIds.map(() => 0);
  const bucketImage = new Map<string, number>();
  for (const c of ok('ExportImage')) {
    const img = imageIds.findIndex((id) => c.path.includes(encodeURIComponent(id)) || c.path.includes(id));
    exportMs[img] = dur(c);
    bucketImage.set((c.body as { bucketName: string }).bucketName, img);
  }
  const targetMs = new Map<string, number>();
  for (const c of ok('CopyObject')) {
    const bucket = decodeURIComponent(/\/b\/([^/]+)\//.exec(c.path)![1]);
    const key = `${bucketImage.get(bucket)}/${(c.body as { destinationRegion: string }).destinationRegion}`;
    targetMs.set(key, (targetMs.get(key) ?? 0) + dur(c));
  }
  for (const c of ok('CreateImage')) {
    const m = /^golden-v(\d+)-/.exec((c.body as { displayName: string }).displayName);
    const key = `${m![1]}/${c.region}`;
    targetMs.set(key, (targetMs.get(key) ?? 0) + dur(c));
  }
  return { exportMs, targetMs };
}

/**
 * The export runner polls every `pollSeconds` (default 30 s); the acceptance
 * harness sets 0.05 s for quick tests. Scaled like every other duration, so
 * that 20 runners do not poll 20 times as often as users' runners would
 * (at 0.05 s they cost 44 CPU-seconds in a 5x8 run).
 */
function scaleRunnerPolling(stackDirs: string[], seconds: number): void {
  for (const dir of stackDirs) {
    const file = join(dir, 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    let changed = false;
    for (const step of Object.values<any>(json.resource?.terraform_data ?? {})) {
      for (const p of step.provisioner ?? []) {
        const env = p['local-exec']?.environment;
        if (env?.OCI_IMAGE_EXPORT_POLL_SECONDS === undefined) continue;
        env.OCI_IMAGE_EXPORT_POLL_SECONDS = String(seconds);
        changed = true;
      }
    }
    if (changed) writeFileSync(file, JSON.stringify(json, null, 2));
  }
}

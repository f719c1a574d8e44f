/**
 * Where a rollout's makespan goes, from the fake's call log: for every
 * long operation (export, copy, import) and shape entry, how long after its
 * prerequisite was known done it was requested ("start lag": Terraform's
 * scheduling, process start, queueing behind -parallelism), and how long
 * after the fake finished it the caller noticed ("notice lag": the
 * provider's work-request polling back-off). `BENCH_DIAG=1` prints it.
 */
import { FakeCloud } from '../../test/support/fake-oci/cloud';
import { TimedCall, observedSpan } from './timed-calls';

export interface StageLags {
  readonly stage: string;
  readonly count: number;
  /** Request sent after the prerequisite was noticed: median / p90 / max ms. */
  readonly startLag: [number, number, number];
  /** Noticed (last poll) after the fake finished it: median / p90 / max ms. */
  readonly noticeLag: [number, number, number];
}

interface Op { img: number; region: string; start: number; done: number; noticed: number }

const q = (xs: number[]): [number, number, number] => {
  if (!xs.length) return [0, 0, 0];
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 2)], s[Math.floor(s.length * 0.9)], s[s.length - 1]].map(Math.round) as [number, number, number];
};

/** `epochMs`: the wall-clock time of the timed calls' zero (atMs = 0). */
export function stageLags(cloud: FakeCloud, calls: readonly TimedCall[], imageIds: string[], waves: string[][], epochMs: number, t0: number): StageLags[] {
  const ok = (op: string) => calls.filter((c) => c.operation === op && c.status >= 200 && c.status < 300);
  const op = (c: TimedCall, img: number, region: string): Op => {
    const wr = c.workRequestId ? cloud.region(c.region).workRequests.get(c.workRequestId) : undefined;
    return { img, region, start: c.atMs, done: wr ? wr.doneAt.getTime() - epochMs : c.atMs, noticed: observedSpan(calls, c).to };
  };
  const exports = new Map<number, Op>();
  const bucketImage = new Map<string, number>();
  for (const c of ok('ExportImage')) {
    const img = imageIds.findIndex((id) => c.path.includes(encodeURIComponent(id)) || c.path.includes(id));
    exports.set(img, op(c, img, c.region));
    bucketImage.set((c.body as { bucketName: string }).bucketName, img);
  }
  const copies = new Map<string, Op>();
  for (const c of ok('CopyObject')) {
    const img = bucketImage.get(decodeURIComponent(/\/b\/([^/]+)\//.exec(c.path)![1]))!;
    const region = (c.body as { destinationRegion: string }).destinationRegion;
    copies.set(`${img}/${region}`, op(c, img, region));
  }
  const imports = new Map<string, Op>();
  const imageOf = new Map<string, string>();
  for (const c of ok('CreateImage')) {
    const img = Number(/^golden-v(\d+)-/.exec((c.body as { displayName: string }).displayName)![1]);
    imports.set(`${img}/${c.region}`, op(c, img, c.region));
    const wr = c.workRequestId ? cloud.region(c.region).workRequests.get(c.workRequestId) : undefined;
    const id = wr?.resources[0]?.identifier;
    if (id) imageOf.set(id, `${img}/${c.region}`);
  }
  const shapes = new Map<string, number>();
  for (const c of ok('AddImageShapeCompatibilityEntry')) {
    const id = decodeURIComponent(/\/images\/([^/]+)\/shapes/.exec(c.path)![1]);
    const key = imageOf.get(id);
    if (key) shapes.set(key, Math.max(shapes.get(key) ?? 0, c.atMs));
  }
  const out: StageLags[] = [];
  const exportOps = [...exports.values()];
  out.push({ stage: 'export', count: exportOps.length, startLag: q(exportOps.map((e) => e.start - t0)), noticeLag: q(exportOps.map((e) => e.noticed - e.done)) });
  waves.forEach((regions, w) => {
    const cs: number[] = []; const cn: number[] = []; const is: number[] = []; const inl: number[] = []; const ss: number[] = [];
    for (const region of regions) {
      imageIds.forEach((_id, img) => {
        const copy = copies.get(`${img}/${region}`);
        const imp = imports.get(`${img}/${region}`);
        // The wave gate: the export (first wave) or every import of the previous wave of this image.
        const gate = w === 0 ? exports.get(img)?.noticed : Math.max(...waves[w - 1].map((r) => imports.get(`${img}/${r}`)?.noticed ?? 0));
        if (copy && gate !== undefined) { cs.push(copy.start - gate); cn.push(copy.noticed - copy.done); }
        if (imp && copy) { is.push(imp.start - copy.noticed); inl.push(imp.noticed - imp.done); }
        const shape = shapes.get(`${img}/${region}`);
        if (shape !== undefined && imp) ss.push(shape - imp.noticed);
      });
    }
    out.push({ stage: `wave ${w + 1} copy`, count: cs.length, startLag: q(cs), noticeLag: q(cn) });
    out.push({ stage: `wave ${w + 1} import`, count: is.length, startLag: q(is), noticeLag: q(inl) });
    out.push({ stage: `wave ${w + 1} shape`, count: ss.length, startLag: q(ss), noticeLag: [0, 0, 0] });
  });
  return out;
}

export function formatLags(lags: StageLags[]): string {
  return lags.map((l) => `${l.stage.padEnd(16)} n=${String(l.count).padStart(4)}  start lag ms median/p90/max ${l.startLag.join('/')}  notice lag ${l.noticeLag.join('/')}`).join('\n');
}

/** CPU seconds of this process (the fake) and of its reaped children (terraform, providers, runners). */
export function cpuSeconds(): { self: number; children: number } {
  const u = process.cpuUsage();
  const stat = require('fs').readFileSync('/proc/self/stat', 'utf8') as string;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: index 13/14 are cutime/cstime (clock ticks, 100 per second on Linux).
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return { self: (u.user + u.system) / 1e6, children };
}

/** Terraform core, provider and other child CPU seconds, sampled from /proc while they run (they are gone at the end). */
export class ProcessCpuSampler {
  private readonly last = new Map<number, { kind: string; cpu: number }>();
  private timer?: NodeJS.Timeout;

  start(everyMs = 1000): void {
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): { terraform: number; providers: number; other: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const out = { terraform: 0, providers: 0, other: 0 };
    for (const { kind, cpu } of this.last.values()) (out as Record<string, number>)[kind] += cpu;
    return { terraform: Math.round(out.terraform), providers: Math.round(out.providers), other: Math.round(out.other) };
  }

  private sample(): void {
    const fs = require('fs') as typeof import('fs');
    const parentOf = new Map<number, number>();
    const info = new Map<number, { comm: string; cpu: number }>();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parentOf.set(Number(d), Number(f[1]));
        info.set(Number(d), { comm, cpu: (Number(f[11]) + Number(f[12])) / 100 });
      } catch { /* gone */ }
    }
    const descends = (pid: number) => { for (let p = pid, n = 0; p > 1 && n < 10; p = parentOf.get(p) ?? 0, n++) if (p === process.pid) return true; return false; };
    for (const [pid, i] of info) {
      if (pid === process.pid || !descends(pid)) continue;
      const kind = i.comm === 'terraform' ? 'terraform' : i.comm.startsWith('terraform-provi') ? 'providers' : 'other';
      this.last.set(pid, { kind, cpu: i.cpu });
    }
  }
}

/** Since the timed zero: when the apply first called OCI, first wrote, and first started an export (ms). */
export function phaseMarks(calls: readonly TimedCall[], t0: number): { firstCall: number; firstWrite: number; firstExport: number } {
  const first = (pred: (c: TimedCall) => boolean) => (calls.find(pred)?.atMs ?? NaN) - t0;
  return {
    firstCall: first(() => true),
    firstWrite: first((c) => c.method !== 'GET' && c.method !== 'HEAD'),
    firstExport: first((c) => c.operation === 'ExportImage'),
  };
}

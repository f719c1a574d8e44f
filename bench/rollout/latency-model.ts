/**
 * How long each long OCI operation takes in the benchmark, and how real
 * time is scaled down.
 *
 * Source of the durations: the planning figures for a ~50 GB custom
 * image (export 30 min, cross-region copy 10 min, import 20 min). Oracle
 * documents no fixed times; exports and imports of large images take tens of
 * minutes, and a copy is bounded by inter-region bandwidth. Only the ratios
 * matter to makespan / critical path, so the benchmark scales time: one
 * modelled minute lasts `msPerMinute` real milliseconds.
 *
 * Why 2 s per minute: what does not scale stays in real seconds. Terraform
 * and its provider processes need CPU for every resource (the 20x40 apply
 * with no latency at all costs about 170 CPU-seconds on this machine: the
 * `floor` cells measure it), and the provider polls work requests with a
 * jittered quadratic back-off (1-2 s, then up to 8 s, 18 s, ...; tfresource
 * GetRetryBackoffDuration). At 0.5 s per minute the rest wave's whole
 * critical path (copy + import, 30 min) lasted 15 s, less than the CPU its
 * 2,340 resources need on 2 cores, so the ratio measured the machine. At
 * 2 s per minute the 90-minute critical path lasts 3 minutes; against OCI's
 * real durations (1 minute = 60 s) the same floor is about 3% of it.
 */
export interface LatencyModel {
  readonly exportMinutes: number;
  readonly copyMinutes: number;
  readonly importMinutes: number;
  /** Real milliseconds per modelled minute. */
  readonly msPerMinute: number;
}

export const DEFAULT_MODEL: LatencyModel = {
  exportMinutes: 30,
  copyMinutes: 10,
  importMinutes: 20,
  msPerMinute: Number(process.env.BENCH_MS_PER_MINUTE ?? 2000),
};

/** The fake's time scale: how many times faster than OCI its operations end. */
export function timeScale(m: LatencyModel): number {
  return 60_000 / m.msPerMinute;
}

/** Real milliseconds of the critical path of wave `index` (0-based): the export gates the first wave only. */
export function waveCriticalMs(m: LatencyModel, index: number): number {
  return ((index === 0 ? m.exportMinutes : 0) + m.copyMinutes + m.importMinutes) * m.msPerMinute;
}

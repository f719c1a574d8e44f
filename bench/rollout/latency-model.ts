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
 * Why 0.5 s per minute and not less: what does not scale stays in real
 * seconds. The provider polls work requests with a jittered quadratic
 * backoff (1-2 s, then up to 8 s, 18 s, ... capped at 288 s; tfresource
 * GetRetryBackoffDuration), and terraform, the provider and the export
 * runner take seconds to start. Against a 60-minute OCI critical path these
 * are under 1%; at 100 ms per minute (a 6 s critical path) they would be
 * most of what is measured. 0.5 s keeps a 5x8 run near two minutes.
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
  msPerMinute: Number(process.env.BENCH_MS_PER_MINUTE ?? 500),
};

/** The fake's time scale: how many times faster than OCI its operations end. */
export function timeScale(m: LatencyModel): number {
  return 60_000 / m.msPerMinute;
}

/** Real milliseconds of the critical path of wave `index` (0-based): the export gates the first wave only. */
export function waveCriticalMs(m: LatencyModel, index: number): number {
  return ((index === 0 ? m.exportMinutes : 0) + m.copyMinutes + m.importMinutes) * m.msPerMinute;
}

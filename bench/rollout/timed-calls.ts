/**
 * A clock on every call the fake OCI logs, and the work request each call
 * started: the rollout benchmark reads makespans, wave windows and the
 * observed length of every long operation from them.
 */
import { CallRecord, FakeCloud, FakeRequest } from '../../test/support/fake-oci/cloud';

export interface TimedCall extends CallRecord {
  /** Real milliseconds since `timeCalls` was called. */
  readonly atMs: number;
  /** Work request this call started (ExportImage, CopyObject, CreateImage). */
  readonly workRequestId?: string;
}

/** Stamps every later call of `cloud`; returns the clock. */
export function timeCalls(cloud: FakeCloud): () => number {
  const t0 = Date.now();
  const log = cloud.log.bind(cloud);
  const newWorkRequest = cloud.newWorkRequest.bind(cloud);
  let current: { workRequestId?: string } | undefined;
  cloud.log = (req: FakeRequest, operation: string, viaPar: boolean) => {
    const rec = log(req, operation, viaPar);
    (rec as { atMs?: number }).atMs = Date.now() - t0;
    current = rec as { workRequestId?: string };
    return rec;
  };
  // Routes run synchronously right after log(), so the work request belongs to the last logged call.
  cloud.newWorkRequest = (region, wr) => {
    const made = newWorkRequest(region, wr);
    if (current) current.workRequestId = made.id;
    return made;
  };
  return () => Date.now() - t0;
}

/** Observed span of a long operation: from the call that started it to the last poll of its work request. */
export function observedSpan(calls: readonly TimedCall[], start: TimedCall): { from: number; to: number } {
  const id = start.workRequestId;
  const polls = id ? calls.filter((c) => c.path.endsWith(`/workRequests/${encodeURIComponent(id)}`) || c.path.endsWith(`/workRequests/${id}`)) : [];
  return { from: start.atMs, to: polls.length ? polls[polls.length - 1].atMs : start.atMs };
}

/** Reading the fake's call log in assertions. */
import { CallRecord } from '../../support/fake-oci/cloud';

/** Successful (2xx) calls of `operation`, optionally only in `region`. */
export function ok(calls: readonly CallRecord[], operation: string, region?: string): CallRecord[] {
  return calls.filter((c) => c.operation === operation && c.status >= 200 && c.status < 300 && (region === undefined || c.region === region));
}

/** Destination regions of the successful CopyObject calls (the call goes to the source region). */
export function copyDestinations(calls: readonly CallRecord[]): string[] {
  return ok(calls, 'CopyObject').map((c) => (c.body as { destinationRegion: string }).destinationRegion).sort();
}

/** Regions of the successful CreateImage calls. */
export function importRegions(calls: readonly CallRecord[]): string[] {
  return ok(calls, 'CreateImage').map((c) => c.region).sort();
}

/** Calls that change something (anything but GET/HEAD). */
export function writes(calls: readonly CallRecord[]): CallRecord[] {
  return calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD');
}

/** Terraform's "Resources: N added, N changed, N destroyed." summary. */
export function applySummary(stdout: string): { added: number; changed: number; destroyed: number } | undefined {
  const m = /Resources: (\d+) added, (\d+) changed, (\d+) destroyed/.exec(stdout);
  return m ? { added: Number(m[1]), changed: Number(m[2]), destroyed: Number(m[3]) } : undefined;
}

/** "Plan: N to add, N to change, N to destroy." */
export function planSummary(stdout: string): { add: number; change: number; destroy: number } | undefined {
  const m = /Plan: (\d+) to add, (\d+) to change, (\d+) to destroy/.exec(stdout);
  return m ? { add: Number(m[1]), change: Number(m[2]), destroy: Number(m[3]) } : undefined;
}

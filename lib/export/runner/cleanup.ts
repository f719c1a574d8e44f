/**
 * `--mode cleanup`: removes what an export step wrote, run by the step's
 * destroy-time teardown (lib/image/export-teardown.ts) when Terraform
 * destroys or replaces it. Without it the exported object and its marker
 * stay in the bucket, and DeleteBucket fails with 409 BucketNotEmpty.
 *
 * - Deletes the object, then `<object>.export.json` (object first: if that
 *   fails, the marker still says whose object it is for the next try).
 * - Leaves both alone when the marker names another image or format: a
 *   newer export owns the name now (a replacement that created first).
 * - 404 is success (already deleted, expired by a lifecycle rule, or the
 *   bucket is gone); 429, 5xx and lost connections are retried until the
 *   timeout; 409 (e.g. a retention rule) is refused with exit 7.
 * - A PAR grants no delete: requests are signed with the runner's own
 *   credentials, sent to the URL's host, and the PAR token is never used.
 */
import { RUNNER_EXIT } from '../runner-contract';
import { DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, withRetry } from './backoff';
import { Destination, describeDestination } from './destination';
import { ExitCode, RunnerError, asApiError, describeApiError, statusOf } from './errors';
import { MARKER_META, markerObjectName } from './idempotency';
import { OciApi } from './oci-api';
import { RunnerOptions } from './options';
import { LINE_PREFIX as P } from './progress';
import { RunnerDeps } from './run';
import { RunnerIo, runSession } from './session';

/** Runs one cleanup; resolves to an exit code (RUNNER_EXIT), never rejects. */
export async function runCleanup(options: RunnerOptions, io: RunnerIo, deps: RunnerDeps = {}): Promise<ExitCode> {
  const given = options.destination;
  const o: RunnerOptions = { ...options, destination: signedDestination(given) };
  return runSession(o, io, given.kind === 'uri' ? [given.uri, given.parToken] : [], deps.openApi, (api, out) => new Cleanup(o, api, out, deps).run());
}

/** The same object addressed without the PAR: `/p/<token>` dropped, so requests are signed (a PAR cannot delete). */
export function signedDestination(d: Destination): Destination {
  if (d.kind !== 'uri' || !d.parToken) return d;
  const url = new URL(d.uri);
  url.pathname = url.pathname.replace(/^\/p\/[^/]+/, '');
  return { ...d, uri: url.toString(), parToken: undefined };
}

class Cleanup {
  private readonly deadline: number;
  private readonly clock;
  private readonly policy;
  private lastAnswer?: unknown;

  constructor(
    private readonly o: RunnerOptions,
    private readonly api: OciApi,
    private readonly out: { say(l: string): void; warn(l: string): void },
    deps: RunnerDeps,
  ) {
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.deadline = this.clock.now() + o.timeoutMinutes * 60_000;
  }

  async run(): Promise<void> {
    const d = this.o.destination;
    const marker = markerObjectName(d.objectName);
    this.out.say(`${P}cleanup of ${describeDestination(d)} (export of image ${this.o.imageId} as ${this.o.format})`);
    const head = await this.call('HeadObject', () => this.api.headObject(d, marker));
    const owner = head?.meta;
    if (owner && (owner[MARKER_META.imageId] !== this.o.imageId || owner[MARKER_META.format] !== this.o.format)) {
      this.out.say(`${P}the marker ${marker} names image ${owner[MARKER_META.imageId] ?? 'none'} as ${owner[MARKER_META.format] ?? 'none'}: ` +
        'another export owns this object now, so nothing is deleted');
      return;
    }
    await this.remove(d.objectName);
    await this.remove(marker);
    this.out.say(`${P}cleanup done`);
  }

  private async remove(objectName: string): Promise<void> {
    try {
      await this.call('DeleteObject', () => this.api.deleteObject(this.o.destination, objectName));
      this.out.say(`${P}deleted ${objectName}`);
    } catch (err) {
      if (!(err instanceof GoneError)) throw err;
      this.out.say(`${P}${objectName} is already gone (${err.detail})`);
      if (err.serviceCode === 'BucketNotFound' || err.serviceCode === 'NotAuthorizedOrNotFound') {
        this.out.warn(`${P}note: OCI answers 404 ${err.serviceCode} both when the bucket is gone and when this principal may not see it; ` +
          'if the bucket still exists, give the runner\'s principal permission to delete objects in it (OBJECT_DELETE)');
      }
    }
  }

  /** Retries transient failures until the deadline; maps the rest to an exit code (404 to GoneError for DELETE). */
  private async call<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(op, () => this.beforeDeadline(op, fn), {
        policy: this.policy,
        clock: this.clock,
        deadline: this.deadline,
        timeoutMinutes: this.o.timeoutMinutes,
        onRetry: (operation, err, delayMs) => {
          this.lastAnswer = err;
          this.out.warn(`${P}${operation}: ${describeApiError(err)}; retrying in ${(delayMs / 1000).toFixed(1)} s`);
        },
      });
    } catch (err) {
      throw this.failure(op, err);
    }
  }

  private failure(op: string, err: unknown): Error {
    const again = 'Re-run terraform destroy (or apply) to try again: cleanup is idempotent.';
    if (err instanceof RunnerError) {
      if (err.exitCode !== RUNNER_EXIT.TIMEOUT) return err;
      const last = this.lastAnswer === undefined ? '' : `; last answer: ${describeApiError(this.lastAnswer)}`;
      return new RunnerError(RUNNER_EXIT.TIMEOUT, `cleanup did not finish within ${this.o.timeoutMinutes} minute(s) (${op}${last}). ${again}`);
    }
    const status = statusOf(err);
    if (status === 404 && op === 'DeleteObject') return new GoneError(describeApiError(err), asApiError(err).serviceCode);
    if (status === 409) {
      return new RunnerError(RUNNER_EXIT.CLEANUP_REFUSED, `${op}: OCI refused to delete the object (${describeApiError(err)}), for example because a retention rule protects it. ` +
        `Remove the rule or wait until it allows deletion, then ${again.charAt(0).toLowerCase()}${again.slice(1)}`);
    }
    if (status === 401 || status === 403) {
      return new RunnerError(RUNNER_EXIT.AUTH, `${op}: not authenticated or not authorised (${describeApiError(err)}). ` +
        `The runner's principal needs to read and delete objects in the bucket. ${again}`);
    }
    return new RunnerError(RUNNER_EXIT.UNEXPECTED, `${op} failed: ${describeApiError(err)}. ${again}`);
  }

  /** A request that hangs must not hold the destroy past the deadline (plus a short grace). */
  private async beforeDeadline<T>(op: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RunnerError(RUNNER_EXIT.TIMEOUT, `timed out waiting for ${op} to answer`)),
        Math.max(0, this.deadline + 5_000 - this.clock.now()),
      );
    });
    try {
      return await Promise.race([fn(), expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A 404 from DeleteObject: the object is gone, which is what cleanup wants. */
class GoneError extends Error {
  constructor(readonly detail: string, readonly serviceCode?: string) {
    super(detail);
  }
}

/**
 * The export step run by `terraform apply` (F-24): check the image can be
 * exported (F-20), skip if a verified export is already there, call
 * ExportImage with a deterministic retry token, poll until the image is
 * AVAILABLE again, then prove the object exists (F-22).
 */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../runner-contract';
import { Clock, DEFAULT_RETRY_POLICY, RetryPolicy, SYSTEM_CLOCK, safeTimeout, withRetry } from './backoff';
import { describeDestination } from './destination';
import { ExitCode, RunnerError, asApiError, describeApiError, statusOf } from './errors';
import { ImageFacts, checkExportable, explainRefusal } from './exportability';
import { proveFresh } from './freshness';
import { markerBody, markerMetadata, markerObjectName, matchMarker, retryToken } from './idempotency';
import { ObjectHead, OciApi } from './oci-api';
import { RunnerOptions } from './options';
import { LINE_PREFIX as P, formatElapsed, formatProgressLine } from './progress';
import { RunnerIo, runSession } from './session';
import { decidePoll, decideStart } from './state';

export type { RunnerIo } from './session';

export interface RunnerDeps {
  /** Defaults to the SDK implementation. */
  readonly openApi?: (o: RunnerOptions) => Promise<OciApi>;
  readonly clock?: Clock;
  readonly retryPolicy?: RetryPolicy;
}

/** Runs one export; resolves to an exit code (RUNNER_EXIT), never rejects. */
export async function runExport(options: RunnerOptions, io: RunnerIo, deps: RunnerDeps = {}): Promise<ExitCode> {
  const d = options.destination;
  return runSession(options, io, d.kind === 'uri' ? [d.uri, d.parToken] : [], deps.openApi, (api, out) =>
    new ExportRun(options, api, out, deps.clock ?? SYSTEM_CLOCK, deps.retryPolicy ?? DEFAULT_RETRY_POLICY).run());
}

/** Bound on re-exports after replayed, unusable exports (see run()). */
const MAX_REDO_HOPS = 5;

interface ExportOutcome {
  readonly workRequestId?: string;
  /** The work request had already ended at the first poll: OCI answered with an earlier export (same retry token). */
  readonly replayed: boolean;
  readonly acceptedAt?: Date;
  readonly finishedAt?: Date;
  readonly failure?: string;
}

class ExportRun {
  private readonly start: number;
  private readonly deadline: number;
  private image?: ImageFacts;
  private lastSeen = 'nothing yet';

  constructor(
    private readonly o: RunnerOptions,
    private readonly api: OciApi,
    private readonly out: { say(l: string): void; warn(l: string): void },
    private readonly clock: Clock,
    private readonly policy: RetryPolicy,
  ) {
    this.start = clock.now();
    this.deadline = this.start + o.timeoutMinutes * 60_000;
  }

  async run(): Promise<void> {
    const o = this.o;
    this.out.say(`${P}image ${o.imageId} (${o.region}) -> ${o.format} export to ${describeDestination(o.destination)}`);

    const image = await this.call('GetImage', () => this.api.getImage(o.imageId), 'check the image OCID and --region, and that the caller may read the image');
    this.image = image;
    const exportable = checkExportable(image);
    if (!exportable.ok) throw new RunnerError(RUNNER_EXIT.NOT_EXPORTABLE, exportable.reason);
    exportable.notes.forEach((n) => this.out.say(`${P}note: ${n}`));

    if ((o.auth === 'InstancePrincipal' || o.auth === 'ResourcePrincipal') && o.destination.kind === 'tuple') {
      this.out.say(`${P}note: with ${o.auth} auth OCI may refuse a bucket tuple as export destination; if it does, export through a PAR URL in ${DESTINATION_URI_ENV} (F-53)`);
    }
    const seen = await this.alreadyExported();
    if (seen === 'done') return;
    const before = seen === 'unknown' ? undefined : seen;
    const beforeUnknown = seen === 'unknown';
    await this.waitUntilExportable(image.lifecycleState);

    const baseToken = retryToken(o.imageId, o.format, o.destination);
    let outcome = await this.exportAndWait(baseToken);
    let head = outcome.failure ? undefined : await this.headDestination();
    let proof = proveFresh({ before, beforeUnknown, after: head, ...outcome });
    // The token may bring back an export that had already ended whose result
    // is not in the bucket (failed, deleted or overwritten since). Redo it
    // under a token derived from that work request; following the chain keeps
    // later re-runs within the 24 h token lifetime from replaying a dead end.
    for (let hop = 0; hop < MAX_REDO_HOPS && !outcome.failure && outcome.replayed && !proof.fresh; hop++) {
      this.out.say(`${P}OCI answered with an earlier, finished export (work request ${outcome.workRequestId}) whose object cannot be proven to be its product (${proof.fresh ? '' : proof.reason}); exporting again`);
      const redoFrom = head;
      outcome = await this.exportAndWait(retryToken(o.imageId, o.format, o.destination, outcome.workRequestId ?? 'redo'));
      head = outcome.failure ? undefined : await this.headDestination();
      proof = proveFresh({ before: redoFrom, after: head, ...outcome });
    }
    if (outcome.failure) {
      throw new RunnerError(RUNNER_EXIT.EXPORT_FAILED, `${outcome.failure}. Re-run terraform apply to export again; check that the exporting principal may write to the bucket (F-21).`);
    }
    if (!head) {
      throw new RunnerError(
        RUNNER_EXIT.EXPORT_FAILED,
        `the image is AVAILABLE again but the object (${describeDestination(o.destination)}) does not exist, so the export failed (F-22). ` +
          'Re-run terraform apply to export again; if it keeps failing, check that the exporting principal may write to the bucket (F-21).',
      );
    }
    if (!proof.fresh) {
      // Never success without a fresh object: an old or empty object must not be passed on as this image (F-22).
      throw new RunnerError(
        RUNNER_EXIT.EXPORT_FAILED,
        `the export ended but the runner cannot prove it wrote the object (${describeDestination(o.destination)}): ${proof.reason} (F-22). Re-run terraform apply to export again.`,
      );
    }
    this.out.say(`${P}verified: a fresh object exists (${sizeText(head)}, etag ${head.etag}; ${proof.how})`);
    await this.writeMarker(head);
    this.out.say(`${P}done in ${formatElapsed(this.elapsed())}`);
  }

  /**
   * Idempotency (see idempotency.ts): object present and not empty + marker for
   * this image, format, object ETag and size. Otherwise returns the object's
   * HEAD (or undefined) as the "before" state the proof of a fresh export needs.
   */
  private async alreadyExported(): Promise<ObjectHead | 'done' | 'unknown' | undefined> {
    const d = this.o.destination;
    const head = await this.tryHead(d.objectName);
    if (head === 'unknown' || !head) return head;
    if (!head.etag) return head;
    const marker = await this.tryHead(markerObjectName(d.objectName));
    const m = matchMarker(marker === 'unknown' ? undefined : marker?.meta, { imageId: this.o.imageId, format: this.o.format, objectEtag: head.etag, objectSize: head.contentLength ?? 0 });
    if (m.match) {
      this.out.say(`${P}already exported: the object exists and its marker records image ${this.o.imageId} as ${this.o.format} with this ETag and size; nothing to do`);
      return 'done';
    }
    this.out.say(`${P}the destination object exists but is not known to be this export (${m.reason}); exporting again replaces it`);
    return head;
  }

  /** HEAD for the idempotency check: any non-transient failure just means "cannot tell". */
  private async tryHead(objectName: string): Promise<ObjectHead | 'unknown' | undefined> {
    try {
      return await this.retry('HeadObject', () => this.api.headObject(this.o.destination, objectName));
    } catch (err) {
      if (err instanceof RunnerError) throw err;
      this.out.say(`${P}note: could not check for an earlier export (${describeApiError(err)}); exporting`);
      return 'unknown';
    }
  }

  private async waitUntilExportable(state: string): Promise<void> {
    for (;;) {
      const d = decideStart(state);
      if (d.kind === 'export') return;
      if (d.kind === 'refuse') throw new RunnerError(RUNNER_EXIT.NOT_EXPORTABLE, d.reason);
      this.lastSeen = `image ${state}`;
      this.out.say(`${P}[${formatElapsed(this.elapsed())}] waiting for the image to become AVAILABLE (now ${state})`);
      await this.sleepOrTimeout();
      state = (await this.call('GetImage', () => this.api.getImage(this.o.imageId))).lifecycleState;
    }
  }

  private async exportAndWait(token: string): Promise<ExportOutcome> {
    const o = this.o;
    let accepted: { workRequestId?: string } | undefined;
    while (!accepted) {
      try {
        accepted = await this.retry('ExportImage', () =>
          this.api.exportImage({ imageId: o.imageId, format: o.format, destination: o.destination, retryToken: token }),
        );
      } catch (err) {
        const status = statusOf(err);
        if (status === 409) {
          // Busy, not unexportable: the image is EXPORTING for another export (F-22) or being updated. Wait, within the deadline.
          this.lastSeen = `ExportImage answered ${describeApiError(err)}`;
          this.out.warn(`${P}ExportImage: the image is busy (${describeApiError(err)}); trying again in ${this.o.pollSeconds} s`);
          await this.sleepOrTimeout();
          continue;
        }
        if (status === 400) {
          throw new RunnerError(RUNNER_EXIT.NOT_EXPORTABLE, `OCI refused to export image ${o.imageId}: ${describeApiError(err)}. ${explainRefusal(this.image, asApiError(err))}`);
        }
        throw apiFailure('ExportImage', err, 'export needs permission to export the image and write access to the destination bucket (F-21)');
      }
    }
    const wrId = accepted.workRequestId;
    this.out.say(`${P}export accepted${wrId ? `, work request ${wrId}` : ' (no work request id returned: following the image state)'}`);

    let sawExporting = false;
    for (let polls = 1; ; polls++) {
      const wr = wrId ? await this.call('GetWorkRequest', () => this.api.getWorkRequest(wrId)) : undefined;
      const img = await this.call('GetImage', () => this.api.getImage(o.imageId));
      sawExporting ||= img.lifecycleState === 'EXPORTING';
      const replayed = polls === 1 && wr !== undefined && ['SUCCEEDED', 'FAILED', 'CANCELED'].includes(wr.status);
      const seen = { elapsedMs: this.elapsed(), imageState: img.lifecycleState, workRequestStatus: wr?.status, percentComplete: wr?.percentComplete };
      this.lastSeen = formatProgressLine(seen).replace(/^.*\] /, '');
      this.out.say(formatProgressLine(seen));

      const decision = decidePoll({ imageState: img.lifecycleState, workRequestStatus: wr?.status, sawExporting, polls });
      if (decision.kind === 'done') return { workRequestId: wrId, replayed, acceptedAt: wr?.timeAccepted, finishedAt: wr?.timeFinished };
      if (decision.kind === 'failed') {
        const details = wrId ? await this.workRequestErrors(wrId) : '';
        return { workRequestId: wrId, replayed, failure: `${decision.reason}${details}` };
      }
      await this.sleepOrTimeout();
    }
  }

  private async workRequestErrors(wrId: string): Promise<string> {
    try {
      const errors = await this.retry('ListWorkRequestErrors', () => this.api.listWorkRequestErrors(wrId));
      return errors.length ? ` (${errors.join('; ')})` : '';
    } catch {
      return ''; // best effort: the failure itself is already known
    }
  }

  /** Proof of the export (F-22). Undefined when the object is missing. */
  private async headDestination(): Promise<ObjectHead | undefined> {
    const d = this.o.destination;
    try {
      return await this.retry('HeadObject', () => this.api.headObject(d, d.objectName));
    } catch (err) {
      if (d.kind === 'uri' && d.parToken && (statusOf(err) === 401 || statusOf(err) === 403)) {
        throw new RunnerError(
          RUNNER_EXIT.EXPORT_FAILED,
          `cannot prove the exported object exists: the pre-authenticated request does not allow reading it (${describeApiError(err)}). ` +
            'Use an ObjectReadWrite or AnyObjectReadWrite PAR for the export destination (F-54), or a bucket tuple.',
        );
      }
      throw apiFailure('HeadObject', err, 'the runner must be able to read the destination object to verify the export (F-22)');
    }
  }

  /** Best effort: the export is already verified, so no failure here (not even a timeout) changes the exit code. */
  private async writeMarker(head: ObjectHead): Promise<void> {
    const facts = { imageId: this.o.imageId, format: this.o.format, objectEtag: head.etag ?? '', objectSize: head.contentLength ?? 0 };
    const name = markerObjectName(this.o.destination.objectName);
    try {
      const body = markerBody({ ...facts, verifiedAt: new Date(this.clock.now()).toISOString() });
      await this.retry('PutObject', () => this.api.putObject(this.o.destination, name, body, markerMetadata(facts)));
      this.out.say(`${P}wrote marker object ${name}`);
    } catch (err) {
      const why = err instanceof RunnerError ? err.message : describeApiError(err);
      this.out.warn(`${P}warning: could not write the marker object ${name} (${why}); the export is verified, but a later run will export again`);
    }
  }

  private async sleepOrTimeout(): Promise<void> {
    const remaining = this.deadline - this.clock.now();
    if (remaining <= 0) {
      throw new RunnerError(
        RUNNER_EXIT.TIMEOUT,
        `the export did not finish within ${this.o.timeoutMinutes} minute(s) (last seen: ${this.lastSeen}). ` +
          'An accepted export keeps running in OCI: re-run terraform apply to wait for it again (the same retry token is honoured for 24 hours, F-24), or raise --timeout-minutes.',
      );
    }
    await this.clock.sleep(Math.min(this.o.pollSeconds * 1000, remaining));
  }

  /** A call whose non-transient failures map to an exit code. */
  private async call<T>(op: string, fn: () => Promise<T>, hint?: string): Promise<T> {
    try {
      return await this.retry(op, fn);
    } catch (err) {
      throw apiFailure(op, err, hint);
    }
  }

  private retry<T>(op: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(op, () => this.beforeDeadline(op, fn), {
      policy: this.policy,
      clock: this.clock,
      deadline: this.deadline,
      timeoutMinutes: this.o.timeoutMinutes,
      onRetry: (operation, err, delayMs) =>
        this.out.warn(`${P}${operation}: ${describeApiError(err)}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
    });
  }

  /**
   * A request that hangs must not hold the apply long past the deadline (the
   * HTTP client's own timeouts are minutes long). A request started just
   * before the deadline gets a short grace (one poll interval, 1-60 s) so the
   * last poll can still report what it saw.
   */
  private async beforeDeadline<T>(op: string, fn: () => Promise<T>): Promise<T> {
    const graceMs = Math.min(60_000, Math.max(1_000, this.o.pollSeconds * 1000));
    let cancel: (() => void) | undefined;
    const expired = new Promise<never>((_, reject) => {
      cancel = safeTimeout(
        () => reject(new RunnerError(RUNNER_EXIT.TIMEOUT, `timed out after ${this.o.timeoutMinutes} minute(s) waiting for ${op} to answer. Re-run terraform apply to resume (the export request is idempotent for 24 hours).`)),
        Math.max(0, this.deadline + graceMs - this.clock.now()),
      );
    });
    try {
      return await Promise.race([fn(), expired]);
    } finally {
      cancel?.();
    }
  }

  private elapsed(): number {
    return this.clock.now() - this.start;
  }
}

/** Maps a non-transient API failure to an exit code and a message that says what to check. */
function apiFailure(op: string, err: unknown, hint?: string): RunnerError {
  if (err instanceof RunnerError) return err;
  const status = statusOf(err);
  const advice = hint ? ` Hint: ${hint}.` : '';
  if (status === 401) {
    return new RunnerError(RUNNER_EXIT.AUTH, `${op}: authentication failed (${describeApiError(err)}). Check the API key, fingerprint, profile or token the runner uses.`);
  }
  if (status === 403 || status === 404) {
    // OCI answers 404 NotAuthorizedOrNotFound both for missing resources and missing policies.
    return new RunnerError(RUNNER_EXIT.AUTH, `${op}: not found or not authorised (${describeApiError(err)}).${advice}`);
  }
  return new RunnerError(RUNNER_EXIT.UNEXPECTED, `${op} failed: ${describeApiError(err)}.${advice}`);
}

function sizeText(head: ObjectHead): string {
  if (head.contentLength === undefined) return 'size unknown';
  return `${(head.contentLength / 2 ** 30).toFixed(2)} GiB`;
}

/**
 * Retry policy for throttling (429), server errors (5xx) and lost
 * connections: exponential backoff with jitter, bounded by the overall
 * deadline. The SDK's own retrier is switched off so that this is the only
 * one (it has no deadline and prints its own chatter).
 */
import { RUNNER_EXIT } from '../runner-contract';
import { RunnerError, describeApiError, statusOf } from './errors';
import { UNTRUSTED_CERTIFICATE } from './transport';

export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Source of jitter in [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, maxMs: 30_000, random: Math.random };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Longest delay Node's setTimeout honours; a longer one fires at once (with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** setTimeout for any delay: waits in steps of at most MAX_TIMER_MS. Returns a cancel function. */
export function safeTimeout(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout;
  const end = Date.now() + ms;
  const arm = (left: number) => {
    timer = setTimeout(() => (end - Date.now() > 0 && left > MAX_TIMER_MS ? arm(end - Date.now()) : fn()), Math.min(Math.max(0, left), MAX_TIMER_MS));
  };
  arm(ms);
  return () => clearTimeout(timer);
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => void safeTimeout(() => resolve(), ms)),
};

/**
 * "Equal jitter": half the exponential step is fixed, half random, so
 * concurrent runners spread out yet each still waits a minimum.
 * @param attempt 0 for the first retry.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/**
 * 429, 5xx, and requests that got no HTTP answer (connection refused or
 * reset, DNS). The SDK reports the latter as an error carrying
 * `requestEndpoint` but no status; anything else without a status is a bug
 * and must not be retried until the deadline.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof RunnerError) return false;
  const status = statusOf(err);
  if (status !== undefined) return status === 429 || status >= 500;
  // An untrusted TLS certificate (transport.ts) is refused the same way every time.
  if (UNTRUSTED_CERTIFICATE.has(String((err as { code?: unknown })?.code))) return false;
  return typeof err === 'object' && err !== null && 'requestEndpoint' in err;
}

export interface RetryContext {
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  /** Epoch ms after which no retry starts. */
  readonly deadline: number;
  readonly timeoutMinutes: number;
  readonly onRetry?: (operation: string, err: unknown, delayMs: number, attempt: number) => void;
}

export async function withRetry<T>(operation: string, fn: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err)) throw err;
      const delay = backoffDelayMs(attempt, ctx.policy);
      if (ctx.clock.now() + delay > ctx.deadline) {
        throw new RunnerError(
          RUNNER_EXIT.TIMEOUT,
          `timed out after ${ctx.timeoutMinutes} minute(s) while retrying ${operation}; last answer: ${describeApiError(err)}. ` +
            'Re-run terraform apply to resume (the export request is idempotent for 24 hours).',
        );
      }
      ctx.onRetry?.(operation, err, delay, attempt);
      await ctx.clock.sleep(delay);
    }
  }
}

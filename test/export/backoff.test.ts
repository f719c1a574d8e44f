import { RUNNER_EXIT } from '../../lib/export/runner-contract';
import { Clock, MAX_TIMER_MS, backoffDelayMs, isTransient, safeTimeout, withRetry } from '../../lib/export/runner/backoff';
import { RunnerError } from '../../lib/export/runner/errors';

const policy = (random: number) => ({ baseMs: 1000, maxMs: 30_000, random: () => random });

test('exponential steps with equal jitter, capped', () => {
  expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, policy(0)))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  expect([0, 1, 2, 5].map((a) => backoffDelayMs(a, policy(0.999999)))).toEqual([1000, 2000, 4000, 30000]);
  expect(backoffDelayMs(1000, policy(0.5))).toBe(22500); // no overflow for huge attempts
});

test('transient: 429, 5xx and no answer; not: 4xx and runner errors', () => {
  expect([429, 500, 503].map((statusCode) => isTransient({ statusCode }))).toEqual([true, true, true]);
  // The SDK's shape for "no answer": no status, but the endpoint it tried.
  expect(isTransient({ code: 'ECONNRESET', message: 'socket hang up', requestEndpoint: 'GET https://x' })).toBe(true);
  expect(isTransient({ statusCode: -1, requestEndpoint: 'GET https://x' })).toBe(true);
  expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false); // a bug, not the network
  expect([400, 401, 404, 409].map((statusCode) => isTransient({ statusCode }))).toEqual([false, false, false, false]);
  expect(isTransient(new RunnerError(RUNNER_EXIT.AUTH, 'x'))).toBe(false);
});

function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
}

test('retries transient failures with growing delays, then returns', async () => {
  const clock = fakeClock();
  const answers = [{ statusCode: 429 }, { statusCode: 500 }, { statusCode: 503 }];
  const retried: string[] = [];
  const value = await withRetry(
    'GetImage',
    async () => {
      const a = answers.shift();
      if (a) throw a;
      return 'ok';
    },
    { policy: policy(0), clock, deadline: 60_000, timeoutMinutes: 1, onRetry: (op, e) => retried.push(`${op} ${(e as { statusCode: number }).statusCode}`) },
  );
  expect(value).toBe('ok');
  expect(clock.slept).toEqual([500, 1000, 2000]);
  expect(retried).toEqual(['GetImage 429', 'GetImage 500', 'GetImage 503']);
});

test('does not retry a non-transient failure', async () => {
  const err = { statusCode: 404, serviceCode: 'NotAuthorizedOrNotFound' };
  const clock = fakeClock();
  await expect(withRetry('GetImage', async () => Promise.reject(err), { policy: policy(0), clock, deadline: 60_000, timeoutMinutes: 1 })).rejects.toBe(err);
  expect(clock.slept).toEqual([]);
});

test('stops with exit 5 when the next wait would pass the deadline', async () => {
  const clock = fakeClock();
  const p = withRetry('ExportImage', async () => Promise.reject({ statusCode: 503, serviceCode: 'ServiceUnavailable', message: 'busy', opcRequestId: 'req-1' }), {
    policy: policy(0),
    clock,
    deadline: 3_000,
    timeoutMinutes: 0.05,
  });
  await expect(p).rejects.toMatchObject({
    exitCode: RUNNER_EXIT.TIMEOUT,
    message: expect.stringMatching(/timed out after 0\.05 minute\(s\) while retrying ExportImage; last answer: 503 ServiceUnavailable: busy \(opc-request-id req-1\)/),
  });
  expect(clock.slept).toEqual([500, 1000]); // 500+1000 = 1500; next 2000 would end at 3500 > 3000
});

describe('timers longer than Node allows (2^31 ms, ~24.8 days)', () => {
  afterEach(() => jest.useRealTimers());

  test('safeTimeout waits the whole delay instead of firing at once', () => {
    jest.useFakeTimers();
    const fired = jest.fn();
    safeTimeout(fired, MAX_TIMER_MS + 60_000);
    jest.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(MAX_TIMER_MS - 1000);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  test('cancel stops it, also after the first step', () => {
    jest.useFakeTimers();
    const fired = jest.fn();
    const cancel = safeTimeout(fired, MAX_TIMER_MS + 10);
    jest.advanceTimersByTime(MAX_TIMER_MS);
    cancel();
    jest.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
  });
});

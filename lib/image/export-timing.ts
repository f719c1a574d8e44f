import { IConstruct } from 'constructs';
import { fail, integer } from '../core/validate';
import { RUNNER_DEFAULTS } from '../export/runner-contract';
import { isUnresolved } from '../core/tokens';

/** Whole minutes an export may wait: 1 minute to 7 days. */
export const TIMEOUT_MINUTES_RANGE = { min: 1, max: 7 * 24 * 60 } as const;
/** Whole seconds between polls: at least 5 (each poll is two API calls), at most 1 hour. */
export const POLL_SECONDS_RANGE = { min: 5, max: 3600 } as const;

/**
 * Context key (internal, for tests only): when true, any positive
 * timeoutMinutes / pollSeconds is accepted, so tests against a fake
 * endpoint can poll every few milliseconds. Never set it in a real stack.
 */
export const TEST_TIMING_CONTEXT = 'cdktf-oci-image-transfer:internal-test-timing';

/** The runner timing of an export, checked at synth (the runner itself accepts fractions). */
export function runnerTiming(scope: IConstruct, timeoutMinutes?: number, pollSeconds?: number): { timeoutMinutes: number; pollSeconds: number } {
  const testing = scope.node.tryGetContext(TEST_TIMING_CONTEXT) === true;
  check(scope, 'timeoutMinutes', timeoutMinutes, TIMEOUT_MINUTES_RANGE, 'minutes', testing, 'the export of a large image can take hours; 7 days is the most a Terraform apply should wait');
  check(scope, 'pollSeconds', pollSeconds, POLL_SECONDS_RANGE, 'seconds', testing, 'each poll costs API calls that count against the tenancy rate limits');
  return { timeoutMinutes: timeoutMinutes ?? RUNNER_DEFAULTS.timeoutMinutes, pollSeconds: pollSeconds ?? RUNNER_DEFAULTS.pollSeconds };
}

/** The shared whole-number check (one message shape), after the two cases only the export step has. */
function check(scope: IConstruct, name: string, value: unknown, range: { min: number; max: number }, unit: string, testing: boolean, why: string): void {
  const path = scope.node.path;
  if (isUnresolved(value)) {
    fail(path, name, value, 'is a token', 'pass a plain number: the runner timing is written into the provisioner at synth', ['F-24']);
  }
  if (testing && typeof value === 'number' && Number.isFinite(value) && value > 0) return;
  if (value === null) fail(path, name, value, 'a value is required when the prop is given', `leave ${name} out for the default, or use a whole number from ${range.min} to ${range.max}`, ['F-24']);
  integer(path, name, value, range.min, range.max, unit, `use a whole number from ${range.min} to ${range.max} (${why})`, ['F-24']);
}

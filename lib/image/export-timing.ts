import { IConstruct } from 'constructs';
import { OciImageTransferError } from '../compat/errors';
import { isUnresolved } from '../compat/rule';
import { RUNNER_DEFAULTS } from '../export/runner-contract';

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
  const timeout = timeoutMinutes ?? RUNNER_DEFAULTS.timeoutMinutes;
  const poll = pollSeconds ?? RUNNER_DEFAULTS.pollSeconds;
  const testing = scope.node.tryGetContext(TEST_TIMING_CONTEXT) === true;
  check(scope, 'timeoutMinutes', timeout, TIMEOUT_MINUTES_RANGE, testing, 'the export of a large image can take hours; 7 days is the most a Terraform apply should wait');
  check(scope, 'pollSeconds', poll, POLL_SECONDS_RANGE, testing, 'each poll costs API calls that count against the tenancy rate limits');
  return { timeoutMinutes: timeout, pollSeconds: poll };
}

function check(scope: IConstruct, name: string, value: number, range: { min: number; max: number }, testing: boolean, why: string): void {
  if (isUnresolved(value)) {
    throw new OciImageTransferError(scope.node.path, `${name} is a token`, `pass a plain number: the runner timing is written into the provisioner at synth`, ['F-24']);
  }
  if (testing && Number.isFinite(value) && value > 0) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new OciImageTransferError(scope.node.path, `${name} is ${value}`, `use a whole number from ${range.min} to ${range.max} (${why})`, ['F-24']);
  }
}

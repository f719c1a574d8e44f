/**
 * Expected failures carry an exit code (RUNNER_EXIT) and a short message;
 * the CLI prints the message without a stack trace.
 */
import { RUNNER_EXIT } from '../runner-contract';

export type ExitCode = (typeof RUNNER_EXIT)[keyof typeof RUNNER_EXIT];

export class RunnerError extends Error {
  constructor(readonly exitCode: ExitCode, message: string) {
    super(message);
    this.name = 'RunnerError';
  }
}

/** The parts of an SDK error (OciError, or the plain object the SDK throws for network errors) the runner reads. */
export interface ApiErrorLike {
  readonly statusCode?: number;
  readonly serviceCode?: string;
  readonly message?: string;
  readonly opcRequestId?: string | null;
  readonly code?: string;
}

export function asApiError(err: unknown): ApiErrorLike {
  return typeof err === 'object' && err !== null ? (err as ApiErrorLike) : { message: String(err) };
}

/** HTTP status of an API error; undefined for network errors (no answer). */
export function statusOf(err: unknown): number | undefined {
  const s = asApiError(err).statusCode;
  return typeof s === 'number' && s > 0 ? s : undefined;
}

/** One line: status, service code, message and request id (for Oracle support). Never includes the endpoint URL. */
export function describeApiError(err: unknown): string {
  const e = asApiError(err);
  const status = statusOf(err);
  if (status === undefined) return `no answer from the service (${e.code ?? 'network error'}: ${e.message ?? 'unknown'})`;
  const code = e.serviceCode && e.serviceCode !== 'None' ? ` ${e.serviceCode}` : '';
  const msg = e.message ? `: ${e.message}` : '';
  const req = e.opcRequestId ? ` (opc-request-id ${e.opcRequestId})` : '';
  return `${status}${code}${msg}${req}`;
}

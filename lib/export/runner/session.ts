/**
 * One runner session, shared by the export and cleanup modes: open the OCI
 * API, run the mode's work, map a failure to its exit code, close the API.
 * Every line goes through one redactor, so no mode can print a secret.
 */
import { RUNNER_EXIT } from '../runner-contract';
import { ExitCode, RunnerError, describeApiError } from './errors';
import { OciApi } from './oci-api';
import { RunnerOptions } from './options';
import { LINE_PREFIX as P } from './progress';
import { createRedactor } from './redact';

export interface RunnerIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Redacted output of one session. */
export interface SessionOutput {
  say(line: string): void;
  warn(line: string): void;
}

/**
 * Runs `work` against the API opened for `options`; resolves to an exit
 * code (RUNNER_EXIT), never rejects. `secrets` are masked in every encoding.
 */
export async function runSession(
  options: RunnerOptions, io: RunnerIo, secrets: Array<string | undefined>,
  openApi: ((o: RunnerOptions) => Promise<OciApi>) | undefined,
  work: (api: OciApi, out: SessionOutput) => Promise<void>,
): Promise<ExitCode> {
  const redact = createRedactor(secrets.filter((s): s is string => !!s));
  const out: SessionOutput = { say: (l) => io.stdout(redact(l)), warn: (l) => io.stderr(redact(l)) };
  let api: OciApi | undefined;
  try {
    const open = openApi ?? (async (o: RunnerOptions) => (await import('./sdk-api')).createSdkApi(o));
    api = await open(options);
    await work(api, out);
    return RUNNER_EXIT.OK;
  } catch (err) {
    if (err instanceof RunnerError) {
      out.warn(`${P}error: ${err.message}`);
      return err.exitCode;
    }
    // A bug or an unforeseen answer: keep the stack (redacted) for the report.
    out.warn(`${P}unexpected error: ${(err as Error)?.stack ?? describeApiError(err)}`);
    return RUNNER_EXIT.UNEXPECTED;
  } finally {
    api?.close();
  }
}

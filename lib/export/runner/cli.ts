#!/usr/bin/env node
/** `oci-image-export`: the program `ExportedImage` runs at terraform apply (see docs/export-runner.md). */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../runner-contract';
import { main } from './main';
import { createRedactor } from './redact';

const redact = createRedactor([process.env[DESTINATION_URI_ENV]]);
const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(redact(line) + '\n');

// The OCI SDK logs its own retry chatter through console.*; the runner
// reports every outcome itself, and a stray line could carry an endpoint URL.
for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) console[m] = () => undefined;

const crash = (err: unknown) => finish(RUNNER_EXIT.UNEXPECTED, `oci-image-export: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

main(process.argv.slice(2), process.env, { stdout: write(process.stdout), stderr: write(process.stderr) }).then(
  (code) => finish(code),
  crash,
);

/** Exit once buffered output is flushed (pipes are asynchronous), without waiting for idle keep-alive sockets. */
function finish(code: number, message?: string): void {
  if (message) write(process.stderr)(message);
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

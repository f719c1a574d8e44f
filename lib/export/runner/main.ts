/** Command-line entry logic, separate from cli.ts so tests can call it in-process. */
import { DESTINATION_URI_ENV, RUNNER_EXIT } from '../runner-contract';
import { helpText } from './help';
import { parseRunnerArgs } from './options';
import { createRedactor } from './redact';
import { RunnerDeps, RunnerIo, runExport } from './run';
import { runCleanup } from './cleanup';

export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: RunnerIo,
  deps?: RunnerDeps,
): Promise<number> {
  const parsed = parseRunnerArgs(argv, env);
  switch (parsed.kind) {
    case 'help':
      io.stdout(helpText());
      return RUNNER_EXIT.OK;
    case 'usage-error': {
      // Usage messages echo flag values; a misplaced PAR URL must still not leak.
      const redact = createRedactor([env[DESTINATION_URI_ENV]]);
      io.stderr(redact(`oci-image-export: usage error: ${parsed.message}`));
      io.stderr('Run oci-image-export --help for flags, environment variables and exit codes.');
      return RUNNER_EXIT.USAGE;
    }
    case 'run':
      return parsed.options.mode === 'cleanup' ? runCleanup(parsed.options, io, deps) : runExport(parsed.options, io, deps);
  }
}

import { Finding } from '../finding';

/** What a report writer receives: one checked stack, its findings and where its files go. */
export interface CompatReport {
  /** Construct id of the stack. */
  readonly stackName: string;
  /** The stack's output directory, where `cdk.tf.json` is written. */
  readonly outdir: string;
  /** Every finding, acknowledgements applied, in a stable order. */
  readonly findings: Finding[];
  /** Edition of the support matrix the checks used. */
  readonly supportMatrixEdition: string;
  /** Lines of a Mermaid flowchart of the transfer (export → copy → PAR → import). */
  readonly transferGraph: string[];
  /** Files written for this stack by the writers that ran before this one, in order. */
  readonly files: string[];
  /** The user asked for no console output (`CompatChecks.quiet()` or OCI_IMAGE_TRANSFER_QUIET=1). */
  readonly quiet: boolean;
}

/**
 * Writes a stack's compatibility report at synth, as cdk-nag's loggers do.
 * The built-ins write the Markdown and JSON files and the console summary;
 * add your own with `CompatChecks.of(stack).addReportWriter(...)`.
 */
export interface ICompatReportWriter {
  /**
   * Writes the report. Runs at synth, once per stack, in the order the writers were added.
   * @returns the paths of the files written (none for console output)
   */
  write(report: CompatReport): string[];
}

import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { summaryLine } from './console-report';
import { renderJsonReport } from './json-report';
import { renderMarkdownReport } from './markdown-report';
import { CompatReport, ICompatReportWriter } from './report-writer';

/** File names of the per-stack report, written next to cdk.tf.json. */
export const REPORT_JSON = 'oci-image-compat.json';
export const REPORT_MARKDOWN = 'oci-image-compat.md';

/** Writes `oci-image-compat.json` next to the stack's `cdk.tf.json`: every finding, for machines. */
export class JsonReportWriter implements ICompatReportWriter {
  public write(report: CompatReport): string[] {
    const file = join(report.outdir, REPORT_JSON);
    mkdirSync(report.outdir, { recursive: true });
    writeFileSync(file, renderJsonReport(report.stackName, report.findings));
    return [file];
  }
}

/** Writes `oci-image-compat.md` next to the stack's `cdk.tf.json`: a findings table and a Mermaid graph, for people. */
export class MarkdownReportWriter implements ICompatReportWriter {
  public write(report: CompatReport): string[] {
    const file = join(report.outdir, REPORT_MARKDOWN);
    mkdirSync(report.outdir, { recursive: true });
    writeFileSync(file, renderMarkdownReport(report.stackName, report.findings, report.transferGraph, report.supportMatrixEdition));
    return [file];
  }
}

/** Prints one summary line per stack on stderr, naming the files the earlier writers wrote; silent when quiet. */
export class ConsoleReportWriter implements ICompatReportWriter {
  public write(report: CompatReport): string[] {
    if (!report.quiet) process.stderr.write(`${summaryLine(report.stackName, report.findings, report.files)}\n`);
    return [];
  }
}

/** The writers of a stack unless the program chooses others: Markdown, JSON, then the console line that names both. */
export function defaultReportWriters(): ICompatReportWriter[] {
  return [new MarkdownReportWriter(), new JsonReportWriter(), new ConsoleReportWriter()];
}

import { relative } from 'path';
import { Finding, FindingLevel } from '../finding';

/** Environment variable that silences the per-stack summary line (like `quiet()`). */
export const QUIET_ENV = 'OCI_IMAGE_TRANSFER_QUIET';
/** Environment variable that keeps the JavaScript stack trace on a failed synth (for debugging the library). */
export const DEBUG_ENV = 'OCI_IMAGE_TRANSFER_DEBUG';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts as the JSON report has them. */
export function counts(findings: Finding[]) {
  const count = (pred: (f: Finding) => boolean) => findings.filter(pred).length;
  return {
    errors: count((f) => f.level === FindingLevel.ERROR && !f.acknowledged),
    warnings: count((f) => f.level === FindingLevel.WARNING && !f.acknowledged),
    infos: count((f) => f.level === FindingLevel.INFO && !f.acknowledged && !f.notCheckable),
    notCheckable: count((f) => f.notCheckable),
    acknowledged: count((f) => f.acknowledged),
  };
}

/** One line per stack, like cdk-nag's: what was checked and where the reports are. */
export function summaryLine(stack: string, findings: Finding[], reportFiles: string[]): string {
  const c = counts(findings);
  const files = reportFiles.map((f) => relative(process.cwd(), f) || f).join(', ');
  return `oci-image-transfer: stack "${stack}": ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}, `
    + `${c.notCheckable} not checkable, ${c.acknowledged} acknowledged; report: ${files}`;
}

/** The message of a failed synth: the findings first, then where the full report is. */
export function failureMessage(stack: string, failing: Finding[], reportFile: string, ignoringContinueSetting: boolean): string {
  const lines = failing.map((f) => `[${f.path}] ${f.ruleId}: ${f.message} [${f.facts.join(', ')}]`);
  const why = ignoringContinueSetting
    ? ' (not acknowledgeable: CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS does not let these through)'
    : '';
  return `${plural(failing.length, 'compatibility error')} in stack "${stack}"${why}:\n${lines.join('\n')}\n`
    + `Full report: ${relative(process.cwd(), reportFile) || reportFile}`;
}

import { Finding } from '../finding';

/** Human-readable report: a findings table and a Mermaid graph of the transfer (`transferGraph` lines). */
export function renderMarkdownReport(stackName: string, findings: Finding[], graph: string[], supportMatrixEdition: string): string {
  const lines = [
    `# OCI image transfer checks: stack \`${stackName}\``,
    '',
    `Support matrix: ${supportMatrixEdition}. Findings: ${findings.length}.`,
    '',
    '## Transfer',
    '',
    '```mermaid',
    ...graph,
    '```',
    '',
    '## Findings',
    '',
  ];
  if (findings.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push('| Rule | Level | Status | Construct | Facts | Message |', '|---|---|---|---|---|---|');
    for (const f of findings) {
      const status = f.acknowledged ? `acknowledged: ${cell(f.acknowledgedReason ?? '')}`
        : f.checkedAtPlan ? `checked at plan: \`${f.checkedAtPlan.resource}\` precondition ${f.checkedAtPlan.precondition}`
          : f.notCheckable ? 'not checkable' : 'open';
      lines.push(`| ${f.ruleId} | ${f.level} | ${status} | \`${f.path}\` | ${f.facts.join(', ')} | ${cell(f.message)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

import { Finding, FindingLevel } from '../finding';

/** Machine-readable report: every finding, in a stable order, no timestamps (synth is deterministic). */
export function renderJsonReport(stackName: string, findings: Finding[]): string {
  const count = (pred: (f: Finding) => boolean) => findings.filter(pred).length;
  const report = {
    stack: stackName,
    generator: 'cdktf-oci-image-transfer',
    summary: {
      errors: count((f) => f.level === FindingLevel.ERROR && !f.acknowledged),
      warnings: count((f) => f.level === FindingLevel.WARNING && !f.acknowledged),
      infos: count((f) => f.level === FindingLevel.INFO && !f.acknowledged && !f.notCheckable),
      notCheckable: count((f) => f.notCheckable),
      checkedAtPlan: count((f) => f.checkedAtPlan !== undefined),
      acknowledged: count((f) => f.acknowledged),
    },
    findings: findings.map((f) => ({
      rule: f.ruleId,
      level: f.level,
      path: f.path,
      message: f.message,
      facts: f.facts,
      notCheckable: f.notCheckable,
      // synth: decided now; plan: a precondition decides it at `terraform plan`; not-checkable: neither can.
      when: f.checkedAtPlan ? 'plan' : f.notCheckable ? 'not-checkable' : 'synth',
      ...(f.checkedAtPlan ? { checkedAtPlan: { resource: f.checkedAtPlan.resource, precondition: f.checkedAtPlan.precondition } } : {}),
      acknowledged: f.acknowledged,
      ...(f.acknowledgedReason !== undefined ? { acknowledgedReason: f.acknowledgedReason } : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

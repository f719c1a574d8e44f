import { FindingLevel } from '../finding';
import { constraintsOverlap } from '../provider-pin';
import { CompatRule, notCheckable, q, RawFinding } from '../rule';

export const providerVersionPin: CompatRule = {
  id: 'OIT008',
  level: FindingLevel.ERROR,
  facts: ['F-68', 'F-69'],
  summary: 'Your own pin of the oracle/oci provider version leaves a version this library\'s resources work with (pins are merged, never overridden).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    const ours = model.providers.filter((p) => p.ours && p.constraint);
    if (ours.length === 0) return out;
    for (const p of model.providers.filter((x) => !x.ours && x.constraint)) {
      const overlap = constraintsOverlap([p.constraint as string, ours[0].constraint as string]);
      if (overlap === undefined) {
        out.push(notCheckable(p.path, `the provider version pin ${q(p.constraint)}`, 'could not be read as a Terraform version constraint; it is merged as written'));
      } else if (!overlap) {
        out.push({ path: p.path, message: `pins the oracle/oci provider to ${q(p.constraint)}, which leaves no version this library supports (${q(ours[0].constraint)}). Fix: pin a 7.27+ release below 9 (e.g. "~> 7.27"), or use your provider for all oci resources of this stack` });
      }
    }
    return out;
  },
};

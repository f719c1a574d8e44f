import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const copyDestinationClash: CompatRule = {
  id: 'OIT052',
  level: FindingLevel.ERROR,
  facts: ['F-62'],
  summary: 'No two copies write the same bucket and object (replacing one would delete the other\'s object).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    const seen = new Map<string, string>();
    for (const c of model.copies) {
      // A token is a stable string per reference: two copies into the same TransitBucket carry the
      // same bucket (and namespace) token, so equal keys prove a clash even before apply. Different
      // tokens may still resolve to the same value; that cannot be told at synth and is not reported.
      const key = `${c.targetRegion}|${c.namespace}|${c.bucket}|${c.objectName}`;
      const first = seen.get(key);
      if (first) {
        const object = isUnresolved(c.objectName) ? 'the same object name (same reference)' : `object ${q(c.objectName)}`;
        const bucket = isUnresolved(c.bucket) ? 'the same bucket' : `bucket ${q(c.bucket)}`;
        out.push({ path: c.path, message: `writes ${object} in ${bucket} that ${first} also writes; each copy owns its object and deletes it when replaced. Fix: give one of them another objectName or destination bucket` });
      } else seen.set(key, c.path);
    }
    return out;
  },
};

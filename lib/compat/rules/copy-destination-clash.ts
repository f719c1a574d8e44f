import { FindingLevel } from '../finding';
import { CompatRule, isUnresolved, RawFinding } from '../rule';

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
      if ([c.namespace, c.bucket, c.objectName, c.targetRegion].some(isUnresolved)) continue;
      const key = `${c.targetRegion}|${c.namespace}|${c.bucket}|${c.objectName}`;
      const first = seen.get(key);
      if (first) {
        out.push({ path: c.path, message: `writes object "${c.objectName}" in bucket "${c.bucket}" that ${first} also writes; each copy owns its object and deletes it when replaced. Fix: give one of them another objectName or destination bucket` });
      } else seen.set(key, c.path);
    }
    return out;
  },
};

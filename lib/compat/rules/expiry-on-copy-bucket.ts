import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

export const expiryOnCopyBucket: CompatRule = {
  id: 'OIT061',
  level: FindingLevel.WARNING,
  facts: ['F-67', 'F-80', 'F-81'],
  summary: 'No lifecycle expiry on a bucket that receives copies (Terraform re-reads copies and would re-create deleted ones).',
  check(model) {
    const out: RawFinding[] = [];
    for (const b of model.buckets) {
      if ((b.expireAfterDays ?? 0) > 0 && b.copyPaths.length > 0) {
        out.push({ path: b.path, message: `deletes objects after ${b.expireAfterDays} days, but ${b.copyPaths.join(', ')} copies into it; once a copy is deleted the next plan wants to copy again, and fails if the source is gone too. Fix: set expireObjectsAfterDays: 0 here and let the export bucket expire instead` });
      }
    }
    return out;
  },
};

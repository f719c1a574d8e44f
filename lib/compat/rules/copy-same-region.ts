import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const copySameRegion: CompatRule = {
  id: 'OIT002',
  level: FindingLevel.WARNING,
  facts: ['F-02', 'F-62'],
  summary: 'A cross-region copy goes to another region.',
  check(model) {
    const out: RawFinding[] = [];
    for (const c of model.copies) {
      if (isUnresolved(c.sourceRegion) || isUnresolved(c.targetRegion)) out.push(notCheckable(c.path, 'the source or target region', TOKEN_REASON));
      else if (c.targetRegion === undefined) out.push(notCheckable(c.path, 'the target region', 'is unknown: the provider has no literal region and targetRegion is unset'));
      else if (c.sourceRegion === c.targetRegion) {
        out.push({ path: c.path, message: `copies within region ${q(c.sourceRegion)}; the copy only costs time and storage. Fix: import from the source object directly, or pass the target region's provider` });
      }
    }
    return out;
  },
};

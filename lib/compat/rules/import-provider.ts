import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const importProvider: CompatRule = {
  id: 'OIT007',
  level: FindingLevel.ERROR,
  facts: ['F-60', 'F-68'],
  summary: 'An import names its provider; without one it runs with the stack\'s default provider, whose region must be the stated target region.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.providerGiven !== false) continue;
      const fallback = i.defaultProviderRegion;
      const stated = i.targetRegion;
      if (fallback !== undefined && stated !== undefined && !isUnresolved(fallback) && !isUnresolved(stated) && fallback !== stated) {
        out.push({ path: i.path, message: `has no provider, so it imports with the stack's default provider in ${q(fallback)}, not in the stated region ${q(stated)}. Fix: pass the provider of ${q(stated)}` });
        continue;
      }
      out.push({
        path: i.path, level: FindingLevel.WARNING,
        message: `has no provider, so it imports with the stack's default oci provider (${fallback === undefined ? 'region not known at synth' : `region ${q(fallback)}`}). Fix: pass the target region's provider explicitly`,
      });
    }
    return out;
  },
};

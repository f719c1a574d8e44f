import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const directParImport: CompatRule = {
  id: 'OIT004',
  level: FindingLevel.INFO,
  facts: ['F-02', 'F-04'],
  summary: 'Importing in another region straight from a source-region PAR works; the copy path is the documented practice.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const from = i.lineage.objectRegion;
      if (i.sourceKind !== 'par' || i.crossTenancy || !from || !i.targetRegion || isUnresolved(from) || isUnresolved(i.targetRegion)) continue;
      if (from !== i.targetRegion) {
        out.push({ path: i.path, message: `imports in ${q(i.targetRegion)} directly from a PAR on an object in ${q(from)}. This works, but copying the object to ${i.targetRegion} first is OCI's recommended path for regions. Fix: optionally, add an ImageObjectCopy to ${i.targetRegion} and import from the copy` });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isWindows } from './helpers';

export const paravirtualizedTargets: CompatRule = {
  id: 'OIT036',
  level: FindingLevel.WARNING,
  facts: ['F-35'],
  summary: 'Windows imports and imports for AMD or Arm shapes use PARAVIRTUALIZED.',
  check(model, knowledge) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (!i.launchMode || i.launchMode === 'PARAVIRTUALIZED') continue;
      const reasons: string[] = [];
      if (isWindows(i.operatingSystem)) reasons.push('the image is Windows');
      const amdArm = i.shapes.filter((s) => knowledge.shapeGenerations.isAmd(s) || knowledge.shapeGenerations.isArm(s));
      if (amdArm.length) reasons.push(`shapes ${amdArm.join(', ')} are AMD or Arm`);
      if (reasons.length) {
        out.push({ path: i.path, message: `uses launch mode ${q(i.launchMode)} although ${reasons.join(' and ')}; OCI runs such imports paravirtualized. Fix: use LaunchMode.PARAVIRTUALIZED` });
      }
    }
    return out;
  },
};

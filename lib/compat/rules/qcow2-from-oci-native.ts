import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isWindows } from './helpers';

export const qcow2FromOciNative: CompatRule = {
  id: 'OIT013',
  level: FindingLevel.WARNING,
  facts: ['F-12', 'F-35'],
  summary: 'A QCOW2 exported from OCI is imported with launch mode NATIVE (PARAVIRTUALIZED for Windows or AMD/Arm shapes).',
  check(model, knowledge) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.importType !== 'QCOW2' || !i.lineage.exportedFromOci || !i.launchMode || i.launchMode === 'NATIVE') continue;
      // F-35 (rule OIT036) asks for PARAVIRTUALIZED on Windows and on AMD/Arm shapes: do not contradict it.
      const paravirtualizedCase = isWindows(i.operatingSystem)
        || i.shapes.some((s) => knowledge.shapeGenerations.isAmd(s) || knowledge.shapeGenerations.isArm(s));
      if (paravirtualizedCase && i.launchMode === 'PARAVIRTUALIZED') continue;
      out.push({ path: i.path, message: `imports a QCOW2 exported from OCI with launch mode ${q(i.launchMode)}; OCI documents NATIVE for that case. Fix: use LaunchMode.NATIVE (the default), or acknowledge OIT013 if you tested this mode` });
    }
    return out;
  },
};

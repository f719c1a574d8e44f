import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

export const qcow2FromOciNative: CompatRule = {
  id: 'OIT013',
  level: FindingLevel.WARNING,
  facts: ['F-12'],
  summary: 'A QCOW2 exported from OCI is imported with launch mode NATIVE.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.importType === 'QCOW2' && i.lineage.exportedFromOci && i.launchMode && i.launchMode !== 'NATIVE') {
        out.push({ path: i.path, message: `imports a QCOW2 exported from OCI with launch mode ${q(i.launchMode)}; OCI documents NATIVE for that case. Fix: use LaunchMode.NATIVE (the default), or acknowledge OIT013 if you tested this mode` });
      }
    }
    return out;
  },
};

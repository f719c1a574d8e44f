import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

export const launchModeWithOciType: CompatRule = {
  id: 'OIT012',
  level: FindingLevel.ERROR,
  facts: ['F-12', 'F-13'],
  summary: 'No launch mode is set for an OCI-type import (OCI takes it from the image).',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.importType === 'OCI' && i.launchModeSet) {
        out.push({ path: i.path, message: `sets launchMode ${q(i.launchModeSet)} on an OCI-type import; an .oci file carries its own launch mode. Fix: remove launchMode` });
      }
    }
    return out;
  },
};

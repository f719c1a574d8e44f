import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

export const foreignImageNative: CompatRule = {
  id: 'OIT014',
  level: FindingLevel.WARNING,
  facts: ['F-12'],
  summary: 'An image from outside OCI (BYOI) uses PARAVIRTUALIZED or EMULATED, not NATIVE.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.importType !== 'OCI' && !i.lineage.exportedFromOci && i.launchMode === 'NATIVE') {
        out.push({ path: i.path, message: 'imports an image not exported from OCI with launch mode "NATIVE"; images from elsewhere need PARAVIRTUALIZED or EMULATED. Fix: use LaunchMode.PARAVIRTUALIZED (the default for BYOI), or acknowledge OIT014 if the image came from an OCI export' });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

export const vmdkSubformat: CompatRule = {
  id: 'OIT017',
  level: FindingLevel.INFO,
  facts: ['F-14'],
  summary: 'VMDK imports must be monolithicSparse or streamOptimized; BYOI Linux sources boot BIOS/MBR from one unencrypted disk.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.importType === 'VMDK' && !i.lineage.exportedFromOci) {
        out.push({ path: i.path, message: 'imports a VMDK from outside OCI: it must be monolithicSparse or streamOptimized, and a Linux source must boot BIOS/MBR from a single unencrypted disk. Fix: convert with qemu-img if needed' });
      }
    }
    return out;
  },
};

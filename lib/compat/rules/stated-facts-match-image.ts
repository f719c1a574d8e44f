import { FindingLevel } from '../finding';
import { OperatingSystemId } from '../../knowledge/operating-system';
import { CompatRule, q, RawFinding } from '../rule';
import { isUnresolved } from '../../core/tokens';

/**
 * At synth: an import must not state another OS, Windows edition or a
 * smaller size than its own source image states. At plan (lib/plan-checks)
 * the stated facts are compared with the image that OCI returns.
 */
export const statedFactsMatchImage: CompatRule = {
  id: 'OIT039',
  level: FindingLevel.ERROR,
  facts: ['F-14', 'F-30', 'F-33'],
  summary: 'The OS, version, Windows edition and size the program states are those of the image (at synth: import against source; at plan: against the image read).',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const src = i.lineage.image;
      if (!src) continue;
      const known = (v: unknown) => v !== undefined && !isUnresolved(v);
      if (known(src.operatingSystem) && known(i.operatingSystem) && known(src.operatingSystemVersion) && known(i.operatingSystemVersion)) {
        const a = OperatingSystemId.parse(src.operatingSystem!, src.operatingSystemVersion);
        const b = OperatingSystemId.parse(i.operatingSystem!, i.operatingSystemVersion);
        if (a.known && b.known && (a.distro?.id !== b.distro?.id || a.majorVersion !== b.majorVersion)) {
          out.push({ path: i.path, message: `states ${q(b.displayName)}, but its source image states ${q(a.displayName)}; the checks cannot both be right. Fix: state the OS of the image on the source image only, or correct the import` });
        }
      }
      if (known(src.windowsEdition) && known(i.windowsEdition) && src.windowsEdition !== i.windowsEdition) {
        out.push({ path: i.path, message: `states Windows edition ${q(i.windowsEdition)}, but its source image states ${q(src.windowsEdition)} (the edition must match the licence). Fix: state the edition installed in the image` });
      }
      if (known(src.sizeInGbs) && known(i.sizeInGbs) && i.sizeInGbs! < src.sizeInGbs!) {
        out.push({ path: i.path, message: `states ${i.sizeInGbs} GB, less than the ${src.sizeInGbs} GB its source image states. Fix: drop sizeInGbs from the import (it defaults to the source's)` });
      }
    }
    return out;
  },
};

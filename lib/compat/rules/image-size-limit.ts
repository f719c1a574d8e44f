import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, RawFinding, TOKEN_REASON } from '../rule';
import { isUnresolved } from '../../core/tokens';

/** Largest importable image (F-14). */
export const MAX_IMPORT_GB = 400;

export const imageSizeLimit: CompatRule = {
  id: 'OIT016',
  level: FindingLevel.ERROR,
  facts: ['F-14'],
  summary: `A known image size is at most ${MAX_IMPORT_GB} GB.`,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (isUnresolved(i.sizeInGbs)) out.push(notCheckable(i.path, 'the image size', TOKEN_REASON));
      else if (i.sizeInGbs !== undefined && i.sizeInGbs > MAX_IMPORT_GB) {
        out.push({ path: i.path, message: `imports an image of ${i.sizeInGbs} GB; OCI imports images up to ${MAX_IMPORT_GB} GB. Fix: shrink the boot volume (or move data to block volumes) before exporting` });
      }
    }
    return out;
  },
};

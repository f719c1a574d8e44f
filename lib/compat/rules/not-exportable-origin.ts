import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

const LABEL: Record<string, string> = {
  PLATFORM: 'a platform image',
  MARKETPLACE: 'a Marketplace image',
  MARKETPLACE_DERIVED: 'a custom image created from a Marketplace image',
};

export const notExportableOrigin: CompatRule = {
  id: 'OIT020',
  level: FindingLevel.ERROR,
  facts: ['F-20'],
  summary: 'Only custom images not derived from Marketplace images are exported.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const e of model.exports.filter((x) => !x.existing)) {
      const label = e.image.origin ? LABEL[e.image.origin] : undefined;
      if (label) {
        out.push({ path: e.path, message: `exports ${label} (origin ${q(e.image.origin)}); OCI cannot export platform, Marketplace or Marketplace-derived images. Fix: build your own custom image (e.g. from an instance of a BYOI or custom image) and export that` });
      }
    }
    return out;
  },
};

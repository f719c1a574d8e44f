import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const exportBucketRegion: CompatRule = {
  id: 'OIT001',
  level: FindingLevel.ERROR,
  facts: ['F-02'],
  summary: 'The export bucket is in the image\'s own region.',
  check(model) {
    const out: RawFinding[] = [];
    for (const e of model.exports.filter((x) => !x.existing)) {
      const image = e.image.region;
      const bucket = e.destinationRegion;
      if (isUnresolved(image) || isUnresolved(bucket)) {
        out.push(notCheckable(e.path, 'the image or bucket region', TOKEN_REASON));
      } else if (image && bucket && image !== bucket) {
        out.push({ path: e.path, message: `exports image from region ${q(image)} to a bucket in ${q(bucket)}; OCI exports only to a bucket in the image's own region. Fix: export to a bucket in ${image}, then copy the object with ImageObjectCopy` });
      }
    }
    return out;
  },
};

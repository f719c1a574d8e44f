import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

export const parReadOnly: CompatRule = {
  id: 'OIT054',
  level: FindingLevel.ERROR,
  facts: ['F-03', 'F-54', 'F-55'],
  summary: 'An image-sharing PAR is ObjectRead on one object, nothing wider.',
  check(model) {
    const out: RawFinding[] = [];
    for (const p of model.pars) {
      if (p.accessType !== 'ObjectRead') {
        out.push({ path: p.path, message: `grants ${q(p.accessType)}; an import needs only ObjectRead on the one object, and anyone holding the URL gets this access. Fix: use ParAccessType.OBJECT_READ` });
      } else if (p.bucketLevel) {
        out.push({ path: p.path, message: 'is a bucket-level PAR; it exposes more than the image object. Fix: drop bucketLevel so the PAR names the object' });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

export const armShapeX86Image: CompatRule = {
  id: 'OIT043',
  level: FindingLevel.ERROR,
  facts: ['F-43'],
  summary: 'An x86_64 image is not marked compatible with Arm shapes.',
  acknowledgeable: false,
  check(model, knowledge) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const arch = i.lineage.image?.architecture ?? 'x86_64';
      if (arch !== 'x86_64') continue;
      const arm = i.shapes.filter((s) => knowledge.shapeGenerations.isArm(s));
      if (arm.length) {
        out.push({ path: i.path, message: `marks Arm shape(s) ${arm.map((s) => q(s)).join(', ')} compatible with an x86_64 image; Arm shapes cannot run x86_64 images. Fix: remove them from compatibleShapes, or import an aarch64 build (set image.architecture to AARCH64)` });
      }
    }
    return out;
  },
};

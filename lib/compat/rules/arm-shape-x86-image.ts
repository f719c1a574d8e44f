import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding } from '../rule';

export const armShapeX86Image: CompatRule = {
  id: 'OIT043',
  level: FindingLevel.ERROR,
  facts: ['F-43'],
  summary: 'An x86_64 image is not marked compatible with Arm shapes.',
  acknowledgeable: false,
  check(model, knowledge) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const arm = i.shapes.filter((s) => knowledge.shapeGenerations.isArm(s));
      if (!arm.length) continue;
      // SourceImage.architecture defaults to x86_64, but only when a source image was described:
      // a URL import (BYOI) or an existing object without `image` says nothing about it, and this
      // rule cannot be acknowledged, so guessing x86_64 would block every aarch64 BYOI import.
      const described = i.lineage.image?.imageId !== undefined;
      const arch = i.architecture ?? i.lineage.image?.architecture ?? (described ? 'x86_64' : undefined);
      if (arch === undefined) {
        out.push(notCheckable(i.path, `the CPU architecture of the image for Arm shape(s) ${arm.map((s) => q(s)).join(', ')}`, 'is unknown: the source describes no image (set architecture on the import; only x86_64 images cannot run on Arm)'));
      } else if (arch === 'x86_64') {
        out.push({ path: i.path, message: `marks Arm shape(s) ${arm.map((s) => q(s)).join(', ')} compatible with an x86_64 image; Arm shapes cannot run x86_64 images. Fix: remove them from compatibleShapes, or import an aarch64 build (set image.architecture to AARCH64)` });
      }
    }
    return out;
  },
};

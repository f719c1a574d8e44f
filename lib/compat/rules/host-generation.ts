import { FindingLevel } from '../finding';
import { GenerationCompatibility, GenerationVerdict, HostGeneration } from '../../knowledge/host-generations';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { parseOs } from './helpers';
import { isUnresolved } from '../../core/tokens';

export const hostGeneration: CompatRule = {
  id: 'OIT040',
  level: FindingLevel.ERROR,
  facts: ['F-40', 'F-41', 'F-42', 'F-43'],
  summary: 'The image\'s host generation (X5/X6) runs on each target shape\'s generation, per OCI\'s tables; unknown shapes are "not checkable".',
  check(model, knowledge) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const source = i.lineage.image?.hostGeneration;
      if (i.shapes.length === 0) continue;
      if (!source) {
        out.push(notCheckable(i.path, `the host generation for shapes ${i.shapes.map((s) => (isUnresolved(s) ? '(token)' : q(s))).join(', ')}`,
          'needs the host generation the image was built on, which was not stated (set hostGeneration on the source image)'));
        continue;
      }
      const parsed = parseOs(i.operatingSystem, i.operatingSystemVersion);
      for (const shape of i.shapes) {
        if (isUnresolved(shape)) { out.push(notCheckable(i.path, 'a target shape', TOKEN_REASON)); continue; }
        const target = knowledge.shapeGenerations.generationOf(shape);
        if (target === HostGeneration.UNKNOWN) {
          out.push(notCheckable(i.path, `shape ${q(shape)}`, `is not in the cited host-generation table, so ${source}→? is not guessed (extend it with ShapeGenerations.withShape)`));
          continue;
        }
        if (!parsed) { out.push(notCheckable(i.path, `${source} image on ${shape}`, 'needs the operating system, which was not given')); continue; }
        const result = GenerationCompatibility.check(HostGeneration.tryOf(source) ?? HostGeneration.UNKNOWN, target, parsed);
        if (result.verdict === GenerationVerdict.DOES_NOT_WORK) {
          out.push({ path: i.path, message: `${result.reason} (image built on ${source}, shape ${q(shape)} is ${target.value}). Fix: rebuild the image on ${target.value} hardware from a platform image, or target other shapes` });
        } else if (result.verdict === GenerationVerdict.WORKS_WITH_LATEST_KERNEL) {
          out.push({ path: i.path, level: FindingLevel.WARNING, message: `${result.reason} (image built on ${source}, shape ${q(shape)} is ${target.value}). Fix: update the kernel in the image first (yum update, or apt-get update && apt-get dist-upgrade)` });
        } else if (result.verdict === GenerationVerdict.NOT_IN_TABLE) {
          out.push(notCheckable(i.path, `${source} image on ${shape} (${target.value})`, `is not covered by OCI's notes: ${result.reason}`));
        }
      }
    }
    return out;
  },
};

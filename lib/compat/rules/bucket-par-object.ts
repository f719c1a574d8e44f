import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

export const bucketParObject: CompatRule = {
  id: 'OIT051',
  level: FindingLevel.ERROR,
  facts: ['F-52'],
  summary: 'A bucket-level PAR used as an import source names the object (/o/<object>).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports.filter((x) => x.bucketLevelPar)) {
      out.push({ path: i.path, message: 'imports from a bucket-level PAR URL that names no object. Fix: append /o/<object name> (ObjectStorageUrl.withObjectName does it)' });
    }
    return out;
  },
};

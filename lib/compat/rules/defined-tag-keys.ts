import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { isUnresolved } from '../../core/tokens';

const DEFINED_TAG_KEY = /^[^.\s]+\.[^.\s]+$/;

export const definedTagKeys: CompatRule = {
  id: 'OIT070',
  level: FindingLevel.ERROR,
  facts: ['F-70'],
  summary: 'Defined tag keys have the form Namespace.key.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    const subjects = [...model.imports, ...model.buckets];
    for (const s of subjects) {
      for (const key of Object.keys(s.definedTags ?? {})) {
        if (!isUnresolved(key) && !DEFINED_TAG_KEY.test(key)) {
          out.push({ path: s.path, message: `has defined tag key ${q(key)}; defined tags are keyed Namespace.key. Fix: write it as "<TagNamespace>.${key}", or move it to freeformTags` });
        }
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { WindowsEdition } from '../../knowledge/operating-system';
import { CompatRule, q, RawFinding } from '../rule';
import { isWindows, parseOs } from './helpers';

export const windowsEditionKnown: CompatRule = {
  id: 'OIT031',
  level: FindingLevel.ERROR,
  facts: ['F-31', 'F-33'],
  summary: 'A Windows edition is Standard or Datacenter.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    const subjects = [
      ...model.exports.map((e) => ({ path: e.path, os: e.image.operatingSystem, version: e.image.operatingSystemVersion, edition: e.image.windowsEdition })),
      ...model.imports.map((i) => ({ path: i.path, os: i.operatingSystem, version: i.operatingSystemVersion, edition: i.windowsEdition })),
    ];
    for (const s of subjects) {
      if (!isWindows(s.os)) continue;
      const parsed = parseOs(s.os, s.version);
      const other = parsed?.otherWindowsEdition ?? (s.edition && !WindowsEdition.tryParse(s.edition) ? s.edition : undefined);
      if (other) {
        out.push({ path: s.path, message: `names Windows edition ${q(other)}; import/export supports only Standard and Datacenter, and the edition must match the image's licence. Fix: use WindowsEdition.STANDARD or DATACENTER as installed in the image` });
      }
    }
    return out;
  },
};

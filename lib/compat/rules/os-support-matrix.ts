import { FindingLevel } from '../finding';
import { SupportStatus } from '../../knowledge/support-matrix';
import { WindowsEdition } from '../../knowledge/operating-system';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { isUnresolved } from '../../core/tokens';

export const osSupportMatrix: CompatRule = {
  id: 'OIT030',
  level: FindingLevel.ERROR,
  facts: ['F-30', 'F-31', 'F-32'],
  summary: 'The image OS and version are in the selected support matrix edition (acknowledge to go beyond it).',
  check(model, knowledge) {
    const out: RawFinding[] = [];
    const subjects = [
      ...model.exports.filter((e) => !e.existing).map((e) => ({ path: e.path, os: e.image.operatingSystem, version: e.image.operatingSystemVersion, edition: e.image.windowsEdition })),
      ...model.imports.map((i) => ({ path: i.path, os: i.operatingSystem, version: i.operatingSystemVersion, edition: i.windowsEdition })),
    ];
    for (const s of subjects) {
      if (isUnresolved(s.os) || isUnresolved(s.version)) { out.push(notCheckable(s.path, 'the operating system', TOKEN_REASON)); continue; }
      if (!s.os) { out.push(notCheckable(s.path, 'the operating system', 'was not given (set operatingSystem and operatingSystemVersion on the image)')); continue; }
      const result = knowledge.supportMatrix.lookup(s.os, s.version, s.edition ? WindowsEdition.tryParse(s.edition) : undefined);
      if (result.status === SupportStatus.SUPPORTED) continue;
      // An OS the parser does not recognise is a case the matrix cannot answer: say so, do not guess.
      if (result.status === SupportStatus.UNKNOWN_OS) {
        out.push(notCheckable(s.path, `the operating system ${q([s.os, s.version].filter(Boolean).join(' '))}`, `is not recognised (${result.os.reason}), so the support matrix cannot be applied`));
        continue;
      }
      out.push({ path: s.path, message: `${result.reason} Fix: use a listed OS, select another matrix edition with CompatChecks.of(stack).useSupportMatrix(...), or acknowledge OIT030 with the reason you know it works` });
    }
    return out;
  },
};

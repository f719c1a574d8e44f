import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, RawFinding, TOKEN_REASON } from '../rule';
import { isWindows, parseOs } from './helpers';
import { isUnresolved } from '../../core/tokens';

export const windowsImportVersion: CompatRule = {
  id: 'OIT033',
  level: FindingLevel.ERROR,
  facts: ['F-33'],
  summary: 'A Windows import states the version and edition that match the image (licence).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports.filter((x) => isWindows(x.operatingSystem))) {
      if (isUnresolved(i.operatingSystemVersion)) { out.push(notCheckable(i.path, 'the Windows version', TOKEN_REASON)); continue; }
      const parsed = parseOs(i.operatingSystem, i.operatingSystemVersion);
      const missing = [
        !i.operatingSystemVersion || !parsed?.majorVersion ? 'version' : undefined,
        !i.windowsEdition && !parsed?.windowsEdition && !parsed?.otherWindowsEdition ? 'edition' : undefined,
      ].filter(Boolean);
      if (missing.length) {
        out.push({ path: i.path, message: `imports Windows without its ${missing.join(' and ')} (version ${JSON.stringify(i.operatingSystemVersion ?? null)}); the version and SKU must match the image, or the import may breach the Microsoft licence. Fix: set operatingSystemVersion (e.g. "Server 2019") and windowsEdition (WindowsEdition.STANDARD or DATACENTER)` });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';
import { isWindows } from './helpers';

export const windowsClock: CompatRule = {
  id: 'OIT035',
  level: FindingLevel.WARNING,
  facts: ['F-34'],
  summary: 'A Windows import states that RealTimeIsUniversal=1 is set in the image.',
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports.filter((x) => isWindows(x.operatingSystem) && x.realTimeIsUniversal !== true)) {
      out.push({ path: i.path, message: 'imports a custom Windows image without stating that HKLM\\SYSTEM\\CurrentControlSet\\Control\\TimeZoneInformation\\RealTimeIsUniversal (DWORD) is 1; without it the clock is wrong after a reboot once the time zone was changed. Fix: set the value in the image and pass windowsRealTimeIsUniversalSet: true' });
    }
    return out;
  },
};

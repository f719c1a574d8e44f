import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';
import { isWindows } from './helpers';

export const windowsExportLicence: CompatRule = {
  id: 'OIT034',
  level: FindingLevel.INFO,
  facts: ['F-33'],
  summary: 'Exporting a Windows image makes you responsible for Microsoft\'s product terms.',
  check(model) {
    const out: RawFinding[] = [];
    for (const e of model.exports.filter((x) => !x.existing && isWindows(x.image.operatingSystem))) {
      out.push({ path: e.path, message: 'exports a Windows image: you are responsible for complying with the Microsoft Product Terms for every copy. Fix: confirm your licensing (e.g. acknowledge OIT034 with a reference to it)' });
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

export const parOutputSensitive: CompatRule = {
  id: 'OIT056',
  level: FindingLevel.ERROR,
  facts: ['F-51', 'F-55'],
  summary: 'An output that carries a PAR URL is sensitive.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const o of model.outputs.filter((x) => x.carriesParUrl && !x.sensitive)) {
      out.push({ path: o.path, message: 'exposes a PAR URL (a bearer secret: anyone with it can read the image) in a non-sensitive output. Fix: set sensitive: true, or use ImageReadAccess.addUrlOutput' });
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { LaunchMode } from '../../knowledge/formats';
import { CompatRule, q, RawFinding } from '../rule';

export const launchModeProviderVersion: CompatRule = {
  id: 'OIT015',
  level: FindingLevel.ERROR,
  facts: ['F-12'],
  summary: 'The launch mode is one the provider and API know (NATIVE, EMULATED, PARAVIRTUALIZED, CUSTOM; ACCELERATEDPV needs provider v8).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const mode = i.launchMode ? LaunchMode.tryOf(i.launchMode) : undefined;
      if (i.launchMode && !mode) {
        out.push({ path: i.path, message: `uses launch mode ${q(i.launchMode)}, which OCI does not know (the provider does not validate it, so it would fail at apply). Fix: use one of ${LaunchMode.ALL.map((m) => m.value).join(', ')}` });
      } else if (mode?.minProviderMajorVersion) {
        out.push({ path: i.path, level: FindingLevel.WARNING, message: `uses launch mode ${q(mode.value)}, known only to oracle/oci v${mode.minProviderMajorVersion} and later. Fix: pin the provider to >= ${mode.minProviderMajorVersion}.0.0 in your stack, or choose another mode` });
      }
    }
    return out;
  },
};

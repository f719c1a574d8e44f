import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';

/** Below this a multi-GB copy is likely to time out (the provider default of 20 min is too short, F-62). */
export const MIN_COPY_TIMEOUT_MINUTES = 60;

export const copyTimeout: CompatRule = {
  id: 'OIT060',
  level: FindingLevel.WARNING,
  facts: ['F-62'],
  summary: `A cross-region copy waits at least ${MIN_COPY_TIMEOUT_MINUTES} min (the provider's 20 min default is too short for images).`,
  check(model) {
    const out: RawFinding[] = [];
    for (const c of model.copies.filter((x) => x.createTimeoutMinutes < MIN_COPY_TIMEOUT_MINUTES)) {
      out.push({ path: c.path, message: `waits only ${c.createTimeoutMinutes} min for the copy; images of tens of GB take longer, and a timed-out apply leaves the copy running. Fix: set createTimeoutMinutes to a few hours` });
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';
import { hoursUntil, RFC3339 } from './helpers';
import { isUnresolved } from '../../core/tokens';

/** Longest PAR lifetime without a warning: a leaked URL stays useful this long (F-55). */
export const MAX_PAR_HOURS = 7 * 24;

/** Hours a PAR stays valid, when known and in the future. */
function lifetimeHours(kind: string, hours: number | undefined, at: string | undefined): number | undefined {
  if (kind === 'duration') return hours === undefined || isUnresolved(hours) ? undefined : hours;
  if (!at || isUnresolved(at) || !RFC3339.test(at)) return undefined;
  const left = hoursUntil(at);
  return left !== undefined && left > 0 ? left : undefined;
}

export const parExpiryWindow: CompatRule = {
  id: 'OIT057',
  level: FindingLevel.WARNING,
  facts: ['F-54', 'F-55'],
  summary: 'A PAR outlasts the import timeout and expires within 7 days.',
  check(model) {
    const out: RawFinding[] = [];
    for (const p of model.pars) {
      const hours = lifetimeHours(p.expiryKind, p.expiryHours, p.expiresAt);
      if (hours !== undefined && hours > MAX_PAR_HOURS) {
        // Say what the program states (not a count from today), so the report of one program does not change day by day.
        const when = p.expiryKind === 'duration' ? `stays valid for about ${Math.round(hours / 24)} days` : `stays valid until ${p.expiresAt}, more than 7 days away`;
        out.push({ path: p.path, message: `${when}; whoever has the URL can read the image until then. Fix: expire it within 7 days of the import (the import only needs it while it runs)` });
      }
    }
    for (const i of model.imports) {
      const hours = lifetimeHours(i.lineage.parExpiryHours !== undefined ? 'duration' : 'absolute', i.lineage.parExpiryHours, i.lineage.parExpiresAt);
      const minutes = hours === undefined ? undefined : hours * 60;
      if (minutes !== undefined && minutes < i.createTimeoutMinutes) {
        const when = i.lineage.parExpiryHours !== undefined ? `after ${Math.round(minutes)} min` : `at ${i.lineage.parExpiresAt}, less than that from now`;
        out.push({ path: i.path, message: `can run for ${i.createTimeoutMinutes} min but its PAR expires ${when}; a slow import would lose access. Fix: make the PAR outlast the import timeout` });
      }
    }
    return out;
  },
};

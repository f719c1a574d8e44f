import { FindingLevel } from '../finding';
import { CompatRule, isUnresolved, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { hoursUntil, RFC3339 } from './helpers';

/** Longest PAR lifetime without a warning: a leaked URL stays useful this long (F-55). */
export const MAX_PAR_HOURS = 7 * 24;

export const parExpiryWindow: CompatRule = {
  id: 'OIT055',
  level: FindingLevel.ERROR,
  facts: ['F-54', 'F-55'],
  summary: 'A PAR expiry is a valid future RFC 3339 time, outlasts the import timeout, and is at most 7 days away.',
  check(model) {
    const out: RawFinding[] = [];
    for (const p of model.pars) {
      let hours = p.expiryHours;
      if (p.expiryKind === 'absolute') {
        const t = p.expiresAt ?? '';
        if (isUnresolved(t)) { out.push(notCheckable(p.path, 'the PAR expiry', TOKEN_REASON)); continue; }
        if (!RFC3339.test(t) || hoursUntil(t) === undefined) {
          out.push({ path: p.path, message: `has expiry ${q(t)}, which is not an RFC 3339 time (terraform validate does not catch it; apply would fail). Fix: use a time such as "2030-01-31T12:00:00Z", or ParExpiry.afterDays(n)` });
          continue;
        }
        hours = hoursUntil(t) as number;
        if (hours <= 0) {
          out.push({ path: p.path, message: `has expiry ${q(t)}, which has already passed. Fix: use a future time, or ParExpiry.afterDays(n) to count from the apply` });
          continue;
        }
      }
      if (hours === undefined || isUnresolved(hours)) continue;
      if (hours > MAX_PAR_HOURS) {
        out.push({ path: p.path, level: FindingLevel.WARNING, message: `stays valid for about ${Math.round(hours / 24)} days; whoever has the URL can read the image until then. Fix: expire it within 7 days of the import (the import only needs it while it runs)` });
      }
    }
    for (const i of model.imports) {
      const minutes = i.lineage.parExpiryHours !== undefined ? i.lineage.parExpiryHours * 60
        : i.lineage.parExpiresAt && RFC3339.test(i.lineage.parExpiresAt) ? (hoursUntil(i.lineage.parExpiresAt) ?? 0) * 60 : undefined;
      if (minutes !== undefined && minutes > 0 && minutes < i.createTimeoutMinutes) {
        out.push({ path: i.path, level: FindingLevel.WARNING, message: `can run for ${i.createTimeoutMinutes} min but its PAR expires after ${Math.round(minutes)} min; a slow import would lose access. Fix: make the PAR outlast the import timeout` });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { hoursUntil, RFC3339 } from './helpers';
import { rfc3339Problem } from '../../core/validate';
import { isUnresolved } from '../../core/tokens';

export const parExpiryValid: CompatRule = {
  id: 'OIT055',
  level: FindingLevel.ERROR,
  facts: ['F-54'],
  summary: 'An absolute PAR expiry is a valid RFC 3339 time in the future.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const p of model.pars.filter((x) => x.expiryKind === 'absolute')) {
      const t = p.expiresAt ?? '';
      if (isUnresolved(t)) {
        out.push(notCheckable(p.path, 'the PAR expiry', TOKEN_REASON));
      } else if (!RFC3339.test(t) || hoursUntil(t) === undefined) {
        out.push({ path: p.path, message: `has expiry ${q(t)}, which is not an RFC 3339 time (terraform validate does not catch it; apply would fail). Fix: use a time such as "2030-01-31T12:00:00Z", or ParExpiry.afterDays(n)` });
      } else if (rfc3339Problem(t)) {
        out.push({ path: p.path, message: `has expiry ${q(t)}, which ${rfc3339Problem(t)}; OCI would reject it at apply. Fix: use a real date such as "2030-02-28T12:00:00Z"` });
      } else if ((hoursUntil(t) as number) <= 0) {
        out.push({ path: p.path, message: `has expiry ${q(t)}, which has already passed. Fix: use a future time, or ParExpiry.afterDays(n) to count from the apply` });
      }
    }
    return out;
  },
};

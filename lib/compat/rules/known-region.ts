import { FindingLevel } from '../finding';
import { CompatModel } from '../model';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { isUnresolved } from '../../core/tokens';

/** Every region a record names, with the construct that named it. */
function namedRegions(model: CompatModel): Array<{ path: string; what: string; region: unknown }> {
  return [
    ...model.exports.flatMap((e) => [
      { path: e.path, what: 'image region', region: e.image.region },
      { path: e.path, what: 'destination region', region: e.destinationRegion },
    ]),
    ...model.copies.flatMap((c) => [{ path: c.path, what: 'target region', region: c.targetRegion }]),
    ...model.pars.map((p) => ({ path: p.path, what: 'region', region: p.region })),
    ...model.imports.map((i) => ({ path: i.path, what: 'target region', region: i.targetRegion })),
    ...model.buckets.map((b) => ({ path: b.path, what: 'region', region: b.region })),
  ];
}

export const knownRegion: CompatRule = {
  id: 'OIT006',
  level: FindingLevel.ERROR,
  facts: ['F-01', 'F-50'],
  summary: 'Every region named is a known OCI region identifier (commercial, government, sovereign or dedicated realm); new ones can be registered.',
  check(model, knowledge) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const { path, what, region } of namedRegions(model)) {
      if (region === undefined) continue;
      const key = `${path}\0${String(region)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isUnresolved(region)) { out.push(notCheckable(path, `the ${what}`, TOKEN_REASON)); continue; }
      if (typeof region === 'string' && knowledge.regions.lookup(region)) continue;
      const closest = knowledge.regions.closest(String(region)).map((r) => q(r)).join(', ');
      out.push({
        path,
        message: `${what} ${q(region)} is not a known OCI region identifier; closest known: ${closest}. Fix: use the region identifier (e.g. "us-ashburn-1", not "Ashburn" or "IAD"), or, for a region launched after this release, register it with CompatChecks.of(stack).useRegions(RegionTable.DEFAULT.withRegion({ identifier, key, realm, realmDomain }))`,
      });
    }
    return out;
  },
};

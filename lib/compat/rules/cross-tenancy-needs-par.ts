import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding } from '../rule';
import { ObjectStorageUrl } from '../../storage-url';
import { isUnresolved } from '../../core/tokens';

export const crossTenancyNeedsPar: CompatRule = {
  id: 'OIT003',
  level: FindingLevel.ERROR,
  facts: ['F-03'],
  summary: 'A cross-tenancy import reads from a PAR URL, never a bucket tuple or plain URL.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      if (i.sourceKind === 'par') continue;
      const parUrl = i.sourceKind === 'url' && i.sourceUrl !== undefined && !isUnresolved(i.sourceUrl) && ObjectStorageUrl.isParUrl(i.sourceUrl);
      if (parUrl) continue;
      if (i.crossTenancy === undefined) {
        if (i.sourceKind === 'url' && isUnresolved(i.sourceUrl)) out.push(notCheckable(i.path, 'whether the source URL is a PAR', 'cannot be told: the URL is a token'));
        else if (i.differingProfiles) {
          const [a, b] = i.differingProfiles;
          out.push({
            path: i.path, level: FindingLevel.WARNING,
            message: `cannot tell at synth whether this crosses tenancies: the source and target providers use different config profiles (${q(a)}, ${q(b)}) and state no tenancy, so this may be another tenancy, where ${i.sourceKind === 'tuple' ? 'a bucket/object tuple' : 'a plain URL'} fails. Fix: set crossTenancy explicitly (otherTenancy on a rollout target): true, and import from a PAR; false when both profiles are the same tenancy`,
          });
        } else if (i.lineage.exportPath || i.sourceKind === 'tuple') {
          out.push(notCheckable(i.path, 'same or other tenancy', 'cannot be told, and the same tenancy is not assumed: set crossTenancy (otherTenancy on a rollout target) explicitly, or give both providers a literal tenancyOcid'));
        }
      } else if (i.crossTenancy) {
        const what = i.sourceKind === 'tuple' ? 'a bucket/object tuple' : 'a plain object URL';
        out.push({ path: i.path, message: `imports from another tenancy through ${what}; only a PAR URL works across tenancies. Fix: share the object with ImageReadAccess and use ImportSource.fromPar (or fromUrl with the PAR URL)` });
      }
    }
    return out;
  },
};

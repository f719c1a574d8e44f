import { FindingLevel } from '../finding';
import { CompatRule, notCheckable, q, RawFinding, TOKEN_REASON } from '../rule';
import { RegionTable } from '../../knowledge/regions';
import { ObjectStorageUrl } from '../../storage-url';
import { isUnresolved } from '../../core/tokens';

export const urlShape: CompatRule = {
  id: 'OIT050',
  level: FindingLevel.ERROR,
  facts: ['F-50', 'F-51'],
  summary: 'Object and PAR URLs have the Object Storage shape (https://<host>/[p/<token>/]n/<ns>/b/<bucket>/o/<object>).',
  acknowledgeable: false,
  check(model, knowledge) {
    const out: RawFinding[] = [];
    const urls = [
      ...model.exports.filter((e) => e.destinationUrl !== undefined).map((e) => ({ path: e.path, url: e.destinationUrl as string })),
      ...model.imports.filter((i) => i.sourceKind === 'url' && i.sourceUrl !== undefined).map((i) => ({ path: i.path, url: i.sourceUrl as string })),
    ];
    for (const { path, url } of urls) {
      if (isUnresolved(url)) { out.push(notCheckable(path, 'the URL', TOKEN_REASON)); continue; }
      let host: string;
      try {
        host = (ObjectStorageUrl.isParUrl(url) ? ObjectStorageUrl.parseParUrl(url) : ObjectStorageUrl.parseObjectUrl(url)).host;
      } catch (e) {
        out.push({ path, message: `${(e as Error).message}. Fix: pass a full Object Storage URL (object or PAR)` });
        continue;
      }
      const realm = realmProblem(host.toLowerCase(), knowledge.regions);
      if (realm) out.push({ path, message: realm });
    }
    for (const p of model.pars.filter((x) => x.realmDomainAssumed)) {
      out.push(notCheckable(p.path, 'the realm of the PAR URL', 'cannot be told because the region is a token; the URL uses oraclecloud.com (commercial realm). Set realmDomain on ImageReadAccess for another realm'));
    }
    return out;
  },
};

/**
 * A regional host names its region and realm domain (F-50): the domain must
 * be the realm's of that region, and the region one OCI has. Dedicated hosts
 * (`<namespace>.objectstorage.<region>.oci.customer-oci.com`) and hosts of
 * other shapes (proxies, test endpoints) are not judged.
 */
function realmProblem(host: string, regions: RegionTable): string | undefined {
  const m = /^objectstorage\.([a-z0-9-]+)\.((?:[a-z0-9-]+\.)*[a-z0-9-]+)(?::\d+)?$/.exec(host);
  if (!m || m[2] === 'oci.customer-oci.com') return undefined;
  const [, region, domain] = m;
  const known = regions.lookup(region);
  if (!known) {
    const closest = regions.closest(region).map((r) => q(r)).join(', ');
    return `the URL host names region ${q(region)}, which is not a known OCI region (closest known: ${closest}). Fix: correct the region in the host, or register the region with CompatChecks.of(stack).useRegions(...)`;
  }
  if (known.realmDomain !== domain) {
    return `the URL host ${q(host)} puts region ${q(region)} under ${q(domain)}, but that region is in realm ${known.realm}, served from ${q(known.realmDomain)}. Fix: use https://objectstorage.${region}.${known.realmDomain}/...`;
  }
  return undefined;
}

import { FindingLevel } from '../finding';
import { CompatRule, isUnresolved, notCheckable, RawFinding, TOKEN_REASON } from '../rule';
import { ObjectStorageUrl } from '../../storage-url';

export const urlShape: CompatRule = {
  id: 'OIT050',
  level: FindingLevel.ERROR,
  facts: ['F-50', 'F-51'],
  summary: 'Object and PAR URLs have the Object Storage shape (https://<host>/[p/<token>/]n/<ns>/b/<bucket>/o/<object>).',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    const urls = [
      ...model.exports.filter((e) => e.destinationUrl !== undefined).map((e) => ({ path: e.path, url: e.destinationUrl as string })),
      ...model.imports.filter((i) => i.sourceKind === 'url' && i.sourceUrl !== undefined).map((i) => ({ path: i.path, url: i.sourceUrl as string })),
    ];
    for (const { path, url } of urls) {
      if (isUnresolved(url)) { out.push(notCheckable(path, 'the URL', TOKEN_REASON)); continue; }
      try {
        if (ObjectStorageUrl.isParUrl(url)) ObjectStorageUrl.parseParUrl(url);
        else ObjectStorageUrl.parseObjectUrl(url);
      } catch (e) {
        out.push({ path, message: `${(e as Error).message}. Fix: pass a full Object Storage URL (object or PAR)` });
      }
    }
    for (const p of model.pars.filter((x) => x.realmDomainAssumed)) {
      out.push(notCheckable(p.path, 'the realm of the PAR URL', 'cannot be told because the region is a token; the URL uses oraclecloud.com (commercial realm). Set realmDomain on ImageReadAccess for another realm'));
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';
import { authNeedsPar } from './helpers';

export const principalNeedsPar: CompatRule = {
  id: 'OIT053',
  level: FindingLevel.ERROR,
  facts: ['F-53'],
  summary: 'Instance/resource principals and federated users export and import through a PAR, not a bucket tuple.',
  check(model) {
    const out: RawFinding[] = [];
    const who = (auth?: string, federated?: boolean) =>
      federated ? 'a federated user' : authNeedsPar(auth) ? `auth ${q(auth)}` : undefined;
    for (const e of model.exports.filter((x) => !x.existing && x.destinationKind === 'bucket')) {
      const w = who(e.authMode, e.federatedUser);
      if (w) out.push({ path: e.path, message: `exports to a bucket tuple with ${w}; OCI answers "invalid bucketName" for those callers. Fix: create a write PAR on the bucket and use ExportDestination.toUrl(parUrl) with an objectName` });
    }
    for (const i of model.imports.filter((x) => x.sourceKind === 'tuple')) {
      const w = who(i.authMode, i.federatedUser);
      if (w) out.push({ path: i.path, message: `imports from a bucket tuple with ${w}; OCI answers "invalid bucketName" for those callers. Fix: share the object with ImageReadAccess and use ImportSource.fromPar` });
    }
    return out;
  },
};

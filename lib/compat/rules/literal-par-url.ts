import { FindingLevel } from '../finding';
import { CompatRule, RawFinding } from '../rule';
import { ObjectStorageUrl } from '../../storage-url';
import { isUnresolved } from '../../core/tokens';

export const literalParUrl: CompatRule = {
  id: 'OIT058',
  level: FindingLevel.WARNING,
  facts: ['F-51', 'F-55'],
  summary: 'A PAR URL is not written literally into the program (it would sit in cdk.tf.json and in version control).',
  check(model) {
    const out: RawFinding[] = [];
    const urls = [
      ...model.exports.map((e) => ({ path: e.path, url: e.destinationUrl })),
      ...model.imports.filter((i) => i.sourceKind === 'url').map((i) => ({ path: i.path, url: i.sourceUrl })),
    ];
    for (const { path, url } of urls) {
      if (url && !isUnresolved(url) && ObjectStorageUrl.isParUrl(url)) {
        out.push({ path, message: `has a PAR URL (${ObjectStorageUrl.describe(url)}) written into the program; it lands in cdk.tf.json in clear text, and anyone who reads it can use it until it expires. Fix: pass it from a sensitive TerraformVariable (or a secret store) instead of a literal` });
      }
    }
    return out;
  },
};

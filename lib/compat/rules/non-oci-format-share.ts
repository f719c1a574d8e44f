import { FindingLevel } from '../finding';
import { CompatRule, q, RawFinding } from '../rule';

export const nonOciFormatShare: CompatRule = {
  id: 'OIT005',
  level: FindingLevel.WARNING,
  facts: ['F-05'],
  summary: 'Images shared across regions or tenancies are exported in OCI format (keeps OCI metadata).',
  check(model) {
    const out: RawFinding[] = [];
    const shared = new Set<string>([
      ...model.copies.map((c) => c.upstreamPath ?? ''),
      ...model.pars.map((p) => p.upstreamPath ?? ''),
    ]);
    for (const e of model.exports) {
      if (e.format !== 'OCI' && shared.has(e.path)) {
        out.push({ path: e.path, message: `shares an export in format ${q(e.format)} across regions or tenancies; only OCI keeps the image's OCI metadata (launch options, capabilities). Fix: export with ExportFormat.OCI` });
      }
    }
    return out;
  },
};

import { FindingLevel } from '../finding';
import { ImageImportType } from '../../knowledge/formats';
import { CompatRule, q, RawFinding } from '../rule';

export const notImportableFormat: CompatRule = {
  id: 'OIT011',
  level: FindingLevel.ERROR,
  facts: ['F-10', 'F-11'],
  summary: 'The import type is OCI, QCOW2 or VMDK; an export in VHD or VDI cannot feed an import.',
  acknowledgeable: false,
  check(model) {
    const out: RawFinding[] = [];
    for (const i of model.imports) {
      const exported = i.lineage.exportFormat;
      if (exported && !ImageImportType.tryOf(exported)) {
        out.push({ path: i.path, message: `imports an object exported as ${q(exported)}, a format OCI cannot import. Fix: export with ExportFormat.OCI (or QCOW2/VMDK)` });
      } else if (i.importType && !ImageImportType.tryOf(i.importType)) {
        out.push({ path: i.path, message: `uses import type ${q(i.importType)}; OCI imports only OCI, QCOW2 and VMDK. Fix: convert the image, or set importType to one of those` });
      } else if (exported && i.importType && exported !== i.importType) {
        out.push({ path: i.path, message: `imports an object exported as ${q(exported)} with import type ${q(i.importType)}. Fix: set importType to ${exported} (or leave it unset to follow the export)` });
      }
    }
    return out;
  },
};

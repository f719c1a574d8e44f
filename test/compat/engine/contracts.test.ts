/**
 * The engine's contracts: report writers are pluggable, acknowledgements are
 * construct metadata, lineage travels on the image objects themselves.
 */
import { existsSync } from 'fs';
import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import {
  CompatChecks, CompatReport, ConsoleReportWriter, ExportDestination, ExportFormat, ICompatReportWriter, IImageObject, ImageLineage, ImportSource,
  JsonReportWriter, REPORT_JSON, REPORT_MARKDOWN,
} from '../../../lib';
import { isTransferFactSource } from '../../../lib/compat/fact-source';
import { stackFile, synthJson } from '../../support/synth';
import { World } from './support';

const REASON = 'the bucket region is checked by our platform team';

/** OIT001 (error, acknowledgeable): the export bucket is in Ashburn, the image in Phoenix. */
function wrongBucketRegion(w: World) {
  const bucket = w.bucket('AshburnBucket', { provider: w.ash, region: 'us-ashburn-1' });
  return w.export({ destination: ExportDestination.toBucket(bucket) });
}

class Recorder implements ICompatReportWriter {
  public readonly reports: CompatReport[] = [];
  public write(report: CompatReport): string[] {
    this.reports.push(report);
    return [];
  }
}

describe('report writers', () => {
  test('an added writer receives the stack, its findings, the transfer graph and the files the built-ins wrote', () => {
    const w = new World();
    w.import(ImportSource.fromObject(w.export()), { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' });
    const recorder = new Recorder();
    CompatChecks.of(w.stack).addReportWriter(recorder);
    w.app.synth();
    expect(recorder.reports).toHaveLength(1);
    const report = recorder.reports[0];
    expect(report.stackName).toBe('case');
    expect(report.findings).toEqual(CompatChecks.of(w.stack).findings);
    expect(report.transferGraph[0]).toBe('flowchart LR');
    expect(report.transferGraph.join('\n')).toContain('export (OCI)');
    expect(report.files).toEqual([stackFile(w.app, w.stack, REPORT_MARKDOWN), stackFile(w.app, w.stack, REPORT_JSON)]);
    expect(report.supportMatrixEdition).toBe('seed');
  });

  test('useReportWriters replaces the built-ins: only the chosen files are written', () => {
    const w = new World();
    w.export();
    const recorder = new Recorder();
    CompatChecks.of(w.stack).useReportWriters([new JsonReportWriter(), recorder]);
    w.app.synth();
    expect(existsSync(stackFile(w.app, w.stack, REPORT_JSON))).toBe(true);
    expect(existsSync(stackFile(w.app, w.stack, REPORT_MARKDOWN))).toBe(false);
    expect(recorder.reports[0].files).toEqual([stackFile(w.app, w.stack, REPORT_JSON)]);
  });

  test('the console writer prints one line naming the files, and nothing when quiet', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const base = { stackName: 's', outdir: '/x', findings: [], supportMatrixEdition: 'e', transferGraph: [], files: ['/x/a.md'] };
      new ConsoleReportWriter().write({ ...base, quiet: false });
      new ConsoleReportWriter().write({ ...base, quiet: true });
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^oci-image-transfer: stack "s": 0 errors, .*report: .*a\.md\n$/)]);
    } finally {
      write.mockRestore();
    }
  });

  test('a failed synth still names the first file written as the full report', () => {
    const w = new World();
    wrongBucketRegion(w);
    CompatChecks.of(w.stack).useReportWriters([new JsonReportWriter()]);
    expect(() => w.app.synth()).toThrow(/OIT001[\s\S]*Full report: .*oci-image-compat\.json/);
  });
});

describe('acknowledgements are construct metadata', () => {
  test('written on the construct under a stable type, and read back by the checker after an earlier evaluate()', () => {
    const w = new World();
    const exported = wrongBucketRegion(w);
    expect(w.evaluate().find((f) => f.ruleId === 'OIT001')?.acknowledged).toBe(false);
    CompatChecks.acknowledge(exported, 'OIT001', REASON);
    expect(exported.node.metadata.filter((m) => m.type === 'cdktf-oci-image-transfer:acknowledgement').map((m) => m.data))
      .toEqual([{ ruleId: 'OIT001', reason: REASON }]);
    expect(w.evaluate().find((f) => f.ruleId === 'OIT001')).toEqual(expect.objectContaining({ acknowledged: true, acknowledgedReason: REASON }));
  });

  test('an acknowledgement on a parent scope covers its children; two apps never share one', () => {
    const a = new World();
    wrongBucketRegion(a);
    CompatChecks.acknowledge(a.stack, 'OIT001', REASON);
    const b = new World();
    wrongBucketRegion(b);
    expect(a.evaluate().find((f) => f.ruleId === 'OIT001')?.acknowledged).toBe(true);
    expect(b.evaluate().find((f) => f.ruleId === 'OIT001')?.acknowledged).toBe(false);
  });
});

describe('lineage travels on the objects', () => {
  test('export, copy and PAR each carry the chain so far', () => {
    const w = new World();
    const exported = w.export({ format: ExportFormat.QCOW2 });
    const copy = w.copy(exported);
    const par = w.par(copy);
    expect(exported.lineage).toEqual(expect.objectContaining({ exportPath: 'case/Export', exportFormat: 'QCOW2', exportedFromOci: true }));
    expect(copy.lineage).toEqual(expect.objectContaining({ exportPath: 'case/Export', copyPath: 'case/Copy', objectRegion: 'us-ashburn-1' }));
    expect(par.lineage).toEqual(expect.objectContaining({ exportPath: 'case/Export', copyPath: 'case/Copy', parPath: 'case/ReadAccess' }));
    expect(par.lineage.parExpiryHours).toBeDefined();
  });

  test("a user's own IImageObject states its lineage, and the import follows it (F-12: a QCOW2 from an OCI export imports NATIVE)", () => {
    class Mirrored extends Construct implements IImageObject {
      public readonly namespaceName = 'ns';
      public readonly bucketName = 'mirror';
      public readonly objectName = 'images/web.qcow2';
      public readonly region = 'us-ashburn-1';
      public readonly provider?: TerraformProvider;
      public readonly dependables: ITerraformDependable[] = [];
      public readonly lineage: ImageLineage = { exportFormat: 'QCOW2', exportedFromOci: true };
    }
    const w = new World();
    w.import(ImportSource.fromObject(new Mirrored(w.stack, 'Mirror')), { provider: w.ash });
    w.app.synth();
    const image = Object.values(synthJson(w.app, w.stack).resource.oci_core_image)[0] as any;
    expect(image.launch_mode).toBe('NATIVE');
    expect(image.image_source_details.source_image_type).toBe('QCOW2');
  });
});

describe('fact sources are found by brand, not by class', () => {
  test('a construct branded by another copy of the library (same Symbol.for key) is a fact source; a look-alike without the brand is not', () => {
    const w = new World();
    const exported = w.export();
    expect(isTransferFactSource(exported)).toBe(true);
    const branded = new Construct(w.stack, 'OtherCopy');
    Object.defineProperty(branded, Symbol.for('cdktf-oci-image-transfer.TransferFactSource'), { value: true });
    expect(isTransferFactSource(branded)).toBe(true);
    const lookAlike = Object.assign(new Construct(w.stack, 'LookAlike'), { _transferRecords: () => [] });
    expect(isTransferFactSource(lookAlike)).toBe(false);
  });
});

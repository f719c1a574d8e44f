/** Warnings and infos become annotations and never fail synth; `disable()` turns everything off. */
import { TerraformStack } from 'cdktf';
import { CompatChecks, ExportDestination, ExportedImage, ImportSource, OciProvider, TransitBucket } from '../../../lib';
import { COMPARTMENT, IMAGE_ID, PHOENIX } from '../rules/harness';
import { manifestAnnotations, reportsExist, thrownMessage, World } from './support';

/**
 * Export in Phoenix, copy to Ashburn with a 20 min timeout (OIT060 warning),
 * import in Ashburn straight from a Phoenix PAR (OIT004 info), and a copy
 * whose target region is a token (OIT002 not checkable). No errors.
 */
function warningsOnly(w: World) {
  const exported = w.export();
  const copy = w.copy(exported, { createTimeoutMinutes: 20 });
  w.copy(exported, { provider: w.provider('tokenRegion', { region: w.token('target_region') }), objectName: 'images/other.oci' }, 'TokenCopy');
  const imported = w.import(ImportSource.fromPar(w.par(exported)));
  return { copy, imported };
}

const metadataOf = (c: { node: { metadata: Array<{ type: string; data: unknown }> } }) => c.node.metadata.map((m) => ({ type: m.type, data: String(m.data) }));

describe('warnings and infos', () => {
  test('do not fail synth and become annotations in manifest.json and on the construct', () => {
    const w = new World();
    const { copy, imported } = warningsOnly(w);
    const findings = w.evaluate();
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings.map((f) => `${f.ruleId} ${f.level} ${f.path}`)).toEqual(expect.arrayContaining([
      'OIT060 warning case/Copy', 'OIT004 info case/Import', 'OIT002 info case/TokenCopy',
    ]));

    expect(() => w.app.synth()).not.toThrow();

    const annotations = manifestAnnotations(w.app, w.stack);
    for (const f of findings) {
      const level = f.level === 'warning' ? /warn/i : /info/i;
      expect(annotations).toContainEqual(expect.objectContaining({
        constructPath: f.path, level: expect.stringMatching(level), message: expect.stringContaining(`${f.ruleId}: ${f.message}`),
      }));
    }
    expect(annotations.filter((a) => /error/i.test(a.level))).toEqual([]);

    expect(metadataOf(copy)).toContainEqual({ type: expect.stringMatching(/warn/i), data: expect.stringMatching(/^OIT060: .*\[F-62\]$/) });
    expect(metadataOf(imported)).toContainEqual({ type: expect.stringMatching(/info/i), data: expect.stringMatching(/^OIT004: .*\[F-02, F-04\]$/) });
  });

  test('an acknowledged error becomes an info annotation that carries the reason', () => {
    const w = new World();
    const exported = new ExportedImage(w.stack, 'Export', {
      image: { imageId: IMAGE_ID, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
      destination: ExportDestination.toBucket(w.bucket('AshBucket', { provider: w.ash })),
      provider: w.phx,
    });
    CompatChecks.acknowledge(exported, 'OIT001', 'storage team replicates this bucket');
    w.app.synth();
    const own = manifestAnnotations(w.app, w.stack).filter((a) => a.constructPath === 'case/Export' && a.message.startsWith('OIT001'));
    expect(own).toEqual([expect.objectContaining({
      level: expect.stringMatching(/info/i), message: expect.stringContaining('(acknowledged: storage team replicates this bucket)'),
    })]);
  });
});

describe('CompatChecks.disable()', () => {
  test('writes no report and raises nothing, even for errors', () => {
    const w = new World();
    const exported = w.export({ image: { operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '24.04' } }); // OIT030 error
    w.copy(exported, { createTimeoutMinutes: 20 }); // OIT060 warning
    CompatChecks.of(w.stack).disable();

    expect(() => w.app.synth()).not.toThrow();
    expect(reportsExist(w.app, w.stack)).toEqual([false, false]);
    expect(manifestAnnotations(w.app, w.stack)).toEqual([]);
    expect(w.stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /OIT\d{3}/.test(String(m.data))))).toEqual([]);
    expect(CompatChecks.of(w.stack).findings).toEqual([]);
  });

  test('applies to one stack only', () => {
    const w = new World();
    w.export({ image: { operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '24.04' } });
    const second = new TerraformStack(w.app, 'second');
    const provider = new OciProvider(second, 'oci', { region: PHOENIX });
    new ExportedImage(second, 'Export', {
      image: { imageId: IMAGE_ID, operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '24.04' },
      destination: ExportDestination.toBucket(new TransitBucket(second, 'Bucket', { compartmentId: COMPARTMENT, provider })),
      provider,
    });
    CompatChecks.of(w.stack).disable();
    const message = thrownMessage(() => w.app.synth());
    expect(message).toContain('second/Export');
    expect(message).not.toContain('case/Export');
  });
});

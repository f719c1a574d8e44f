/** Per-stack knowledge: support matrix editions (F-32) and the shape → host generation table (F-43). */
import { CompatChecks, FindingLevel, HostGeneration, ImportSource, OsDistro, ShapeGenerations, SupportMatrix } from '../../../lib';
import { markdownReport, thrownMessage, World } from './support';

const oit = (w: World, id: string) => w.evaluate().filter((f) => f.ruleId === id).map((f) => ({ level: f.level, notCheckable: f.notCheckable, path: f.path }));

function exportOs(w: World, os: string, version: string) {
  w.export({ image: { operatingSystem: os, operatingSystemVersion: version } });
}

describe('useSupportMatrix', () => {
  test('Ubuntu 24.04: an error with the seed edition, fine with the 2025-03 edition', () => {
    const seed = new World();
    exportOs(seed, 'Canonical Ubuntu', '24.04');
    expect(oit(seed, 'OIT030')).toEqual([{ level: FindingLevel.ERROR, notCheckable: false, path: 'case/Export' }]);
    expect(seed.evaluate().find((f) => f.ruleId === 'OIT030')?.message).toContain('"2025-03-05"'); // names where it is listed
    expect(thrownMessage(() => seed.app.synth())).toContain('OIT030');

    const edition2025 = new World();
    exportOs(edition2025, 'Canonical Ubuntu', '24.04');
    CompatChecks.of(edition2025.stack).useSupportMatrix(SupportMatrix.EDITION_2025_03);
    expect(oit(edition2025, 'OIT030')).toEqual([]);
    expect(() => edition2025.app.synth()).not.toThrow();
    expect(markdownReport(edition2025.app, edition2025.stack)).toContain('Support matrix: 2025-03-05.');
  });

  test('Ubuntu 18.04: fine with the seed edition, an error with the 2025-03 edition', () => {
    const seed = new World();
    exportOs(seed, 'Canonical Ubuntu', '18.04');
    expect(oit(seed, 'OIT030')).toEqual([]);

    const edition2025 = new World();
    exportOs(edition2025, 'Canonical Ubuntu', '18.04');
    CompatChecks.of(edition2025.stack).useSupportMatrix(SupportMatrix.EDITION_2025_03);
    expect(oit(edition2025, 'OIT030')).toEqual([{ level: FindingLevel.ERROR, notCheckable: false, path: 'case/Export' }]);
  });

  test('SEED_EDITION.extend(...) lets a user accept an OS, and the report names the extended edition', () => {
    const plain = new World();
    exportOs(plain, 'Rocky Linux', '9.3');
    expect(oit(plain, 'OIT030')).toEqual([{ level: FindingLevel.ERROR, notCheckable: false, path: 'case/Export' }]);

    const extended = new World();
    exportOs(extended, 'Rocky Linux', '9.3');
    CompatChecks.of(extended.stack).useSupportMatrix(
      SupportMatrix.SEED_EDITION.extend([{ distro: OsDistro.ROCKY_LINUX, majorVersion: '9' }], 'imported and booted by the platform team, 2026-10'));
    expect(oit(extended, 'OIT030')).toEqual([]);
    extended.app.synth();
    expect(markdownReport(extended.app, extended.stack)).toContain('Support matrix: seed+extended.');
  });

  test('applies to its own stack only', () => {
    const w = new World();
    exportOs(w, 'Canonical Ubuntu', '24.04');
    CompatChecks.of(w.stack).useSupportMatrix(SupportMatrix.EDITION_2025_03);
    const other = new World();
    exportOs(other, 'Canonical Ubuntu', '24.04');
    expect(oit(w, 'OIT030')).toEqual([]);
    expect(oit(other, 'OIT030')).toHaveLength(1);
  });
});

describe('useShapeGenerations', () => {
  /** A CentOS 7 image built on X6 hosts, imported for an E4 shape (not in the cited generation table). */
  function x6OnE4(w: World) {
    const exported = w.export({ image: { operatingSystem: 'CentOS', operatingSystemVersion: '7', hostGeneration: HostGeneration.X6 } });
    w.import(ImportSource.fromObject(w.copy(exported)), { compatibleShapes: ['VM.Standard.E4.Flex'] });
  }

  test('turns a not-checkable OIT040 into a verdict', () => {
    const unknown = new World();
    x6OnE4(unknown);
    expect(oit(unknown, 'OIT040')).toEqual([{ level: FindingLevel.INFO, notCheckable: true, path: 'case/Import' }]);

    const known = new World();
    x6OnE4(known);
    CompatChecks.of(known.stack).useShapeGenerations(
      ShapeGenerations.DEFAULT.withShape('VM.Standard.E4.*', HostGeneration.X7, 'treated as non-X6 hardware by our platform team'));
    expect(oit(known, 'OIT040')).toEqual([{ level: FindingLevel.ERROR, notCheckable: false, path: 'case/Import' }]);
    expect(known.evaluate().find((f) => f.ruleId === 'OIT040')?.message).toContain('"VM.Standard.E4.Flex" is X7');
    expect(thrownMessage(() => known.app.synth())).toContain('OIT040');
  });

  test('a shape mapped to the image generation works', () => {
    const w = new World();
    x6OnE4(w);
    CompatChecks.of(w.stack).useShapeGenerations(ShapeGenerations.DEFAULT.withShape('VM.Standard.E4.Flex', HostGeneration.X6, 'hypothetical, for the test'));
    expect(oit(w, 'OIT040')).toEqual([]);
  });
});

// evaluate() caches its answer only while records, constructs, acknowledgements and knowledge are unchanged.
test('evaluate() sees changes made after an earlier evaluate()', () => {
  const w = new World();
  exportOs(w, 'Canonical Ubuntu', '24.04');
  expect(oit(w, 'OIT030')).toHaveLength(1);
  CompatChecks.of(w.stack).useSupportMatrix(SupportMatrix.EDITION_2025_03);
  expect(oit(w, 'OIT030')).toEqual([]);
});

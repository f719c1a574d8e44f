import {
  GenerationCompatibility, GenerationVerdict, HostGeneration, OperatingSystemId, ProcessorKind, ShapeGenerations,
} from '../../lib/knowledge';

const shapes = ShapeGenerations.DEFAULT;
const { X5, X6, X7, UNKNOWN } = HostGeneration;
const { WORKS, WORKS_WITH_LATEST_KERNEL: KERNEL, DOES_NOT_WORK, NOT_IN_TABLE } = GenerationVerdict;

describe('ShapeGenerations.DEFAULT (F-43)', () => {
  test.each([
    ['VM.Standard1.1', X5], ['VM.Standard1.16', X5], ['BM.Standard1.36', X5], ['VM.DenseIO1.4', X5], ['BM.DenseIO1.36', X5],
    ['VM.Standard.B1.1', X6], ['VM.Standard.B1.16', X6], ['BM.Standard.B1.44', X6],
    ['VM.Standard2.1', X7], ['VM.Standard2.24', X7], ['BM.Standard2.52', X7], ['VM.DenseIO2.8', X7], ['BM.DenseIO2.52', X7],
    ['VM.GPU3.1', X7], ['BM.GPU3.8', X7], ['BM.HPC2.36', X7], ['VM.GPU2.1', X7], ['BM.GPU2.2', X7],
    ['vm.standard2.4', X7],
    ['VM.Standard.E4.Flex', UNKNOWN], ['VM.Standard.E2.1', UNKNOWN], ['VM.Standard3.Flex', UNKNOWN], ['VM.Standard.A1.Flex', UNKNOWN],
    ['BM.Standard1.52', UNKNOWN], ['VM.Standard1', UNKNOWN], ['', UNKNOWN], ['nonsense', UNKNOWN],
  ])('%s → %s', (shape, generation) => expect(shapes.generationOf(shape)).toBe(generation));

  test('every rule cites its source', () => {
    for (const r of [...shapes.generationRules, ...shapes.processorRules]) expect(r.note).toMatch(/F-43|Compute Shapes/);
    expect(shapes.generationRuleFor('BM.Standard.B1.44')?.note).toContain('Compute Shapes page (2025-02-13)');
  });

  test.each([
    ['VM.Standard.A1.Flex', true], ['BM.Standard.A1.160', true], ['VM.Standard.A2.Flex', true], ['VM.Standard.A4.Flex', true],
    ['BM.Standard.A4.48', true], ['VM.Standard.E4.Flex', false], ['BM.GPU.A10.4', false], ['BM.GPU.A100-v2.8', false],
    ['VM.Standard2.1', false], ['BM.GPU.GB200.4', false],
  ])('isArm(%s) = %s', (shape, arm) => expect(shapes.isArm(shape)).toBe(arm));

  test.each([
    ['VM.Standard.E2.1.Micro', true], ['VM.Standard.E3.Flex', true], ['VM.Standard.E4.Flex', true], ['VM.Standard.E5.Flex', true],
    ['VM.Standard.E6.Flex', true], ['BM.Standard.E4.128', true], ['BM.Standard.E5.192', true], ['VM.DenseIO.E4.Flex', true],
    ['BM.DenseIO.E5.128', true], ['BM.HPC.E5.144', true],
    ['VM.Standard2.1', false], ['VM.Standard3.Flex', false], ['VM.Standard.A1.Flex', false], ['VM.Optimized3.Flex', false],
  ])('isAmd(%s) = %s', (shape, amd) => expect(shapes.isAmd(shape)).toBe(amd));

  test('processorOf is undefined when no rule covers the shape', () => {
    expect(shapes.processorOf('VM.Standard3.Flex')).toBeUndefined();
    expect(shapes.processorOf('VM.Standard.A1.Flex')).toBe(ProcessorKind.ARM);
  });

  test('withShape / withProcessor return copies whose rules win', () => {
    const mine = shapes.withShape('VM.Standard.E4.*', X7, 'lab test').withShape('VM.Standard2.1', UNKNOWN, 'override')
      .withProcessor('BM.GPU.GB200.*', ProcessorKind.ARM, 'vendor sheet');
    expect(mine.generationOf('VM.Standard.E4.Flex')).toBe(X7);
    expect(mine.generationRuleFor('VM.Standard.E4.Flex')?.note).toBe('lab test');
    expect(mine.generationOf('VM.Standard2.1')).toBe(UNKNOWN);
    expect(mine.generationOf('VM.Standard2.2')).toBe(X7);
    expect(mine.isArm('BM.GPU.GB200.4')).toBe(true);
    expect(shapes.generationOf('VM.Standard.E4.Flex')).toBe(UNKNOWN);
    expect(shapes.isArm('BM.GPU.GB200.4')).toBe(false);
  });

  test('bad patterns are rejected', () => {
    expect(() => shapes.withShape('VM.(Standard)', X7, 'x')).toThrow(/^\[ShapeGenerations\.withShape\] pattern is "VM\.\(Standard\)": must be a shape name.*Fix: /);
    expect(() => shapes.withShape('', X7, 'x')).toThrow(/pattern is "": must not be empty.*Fix: /);
    expect(() => shapes.withShape('VM Standard', X7, 'x')).toThrow(/pattern is "VM Standard".*Fix: /);
  });

  test('HostGeneration.tryOf reads the model values', () => {
    expect(HostGeneration.tryOf('x6')).toBe(X6);
    expect(HostGeneration.tryOf('X9')).toBeUndefined();
  });
});

function check(source: HostGeneration, target: HostGeneration, os: string, version: string) {
  return GenerationCompatibility.check(source, target, OperatingSystemId.parse(os, version));
}

describe('GenerationCompatibility: X5 image on X7 host (F-41)', () => {
  test.each([
    ['Windows', 'Server 2012 R2 Standard', DOES_NOT_WORK], ['Windows', 'Server 2019 Datacenter', DOES_NOT_WORK],
    ['Windows', 'Server 2022', DOES_NOT_WORK], ['Windows', '10', DOES_NOT_WORK],
    ['Oracle Autonomous Linux', '7.9', WORKS], ['Oracle Linux', '8.9', WORKS],
    ['Oracle Linux', '6.10', KERNEL], ['Oracle Linux', '7.9', KERNEL], ['Oracle Linux', '9', KERNEL],
    ['Ubuntu', '18.04', KERNEL], ['Ubuntu', '20.04', KERNEL], ['Ubuntu', '22.04', KERNEL],
    ['CentOS', '7', KERNEL], ['CentOS Stream', '8', KERNEL],
    ['Ubuntu', '24.04', NOT_IN_TABLE], ['Oracle Autonomous Linux', '8', NOT_IN_TABLE], ['Oracle Linux Cloud Developer', '8', NOT_IN_TABLE],
    ['CentOS', '8', NOT_IN_TABLE], ['Debian', '12', NOT_IN_TABLE], ['Linux', '', NOT_IN_TABLE],
  ])('%s %s → %s', (os, version, verdict) => {
    const r = check(X5, X7, os, version);
    expect(r.verdict).toBe(verdict);
    expect(r.reason).toMatch(/\.$/);
  });

  test('kernel advice names the right command', () => {
    expect(check(X5, X7, 'Ubuntu', '22.04').reason).toContain('apt-get dist-upgrade');
    expect(check(X5, X7, 'CentOS', '7').reason).toContain('yum update');
  });
});

describe('GenerationCompatibility: X6 image on non-X6 host (F-42)', () => {
  test.each([
    ['Oracle Linux', '6.10', DOES_NOT_WORK], ['CentOS', '7', DOES_NOT_WORK], ['CentOS', '6', DOES_NOT_WORK], ['CentOS Stream', '8', DOES_NOT_WORK],
    ['Windows', 'Server 2016 Standard', DOES_NOT_WORK], ['Windows', 'Server 2022 Datacenter', DOES_NOT_WORK],
    ['Oracle Autonomous Linux', '7', WORKS], ['Oracle Linux', '8', WORKS], ['Oracle Linux', '7.9', WORKS],
    ['Ubuntu', '18.04', WORKS], ['Ubuntu', '20.04', WORKS], ['Ubuntu', '22.04', WORKS],
    ['Oracle Linux', '9', NOT_IN_TABLE], ['Ubuntu', '24.04', NOT_IN_TABLE],
  ])('%s %s → %s', (os, version, verdict) => {
    expect(check(X6, X7, os, version).verdict).toBe(verdict);
    expect(check(X6, X5, os, version).verdict).toBe(verdict);
  });
});

describe('GenerationCompatibility: other pairs', () => {
  test('same generation works whatever the OS', () => {
    for (const g of [X5, X6, X7]) expect(check(g, g, 'Windows', 'Server 2019 Standard').verdict).toBe(WORKS);
  });

  test.each([[X5, X6], [X7, X5], [X7, X6], [UNKNOWN, X7], [X5, UNKNOWN], [UNKNOWN, UNKNOWN]])('%s → %s is not in a table', (s, t) => {
    const r = check(s, t, 'Oracle Linux', '8');
    expect(r.verdict).toBe(NOT_IN_TABLE);
    expect(r.row).toBeUndefined();
  });

  test('the deciding row is returned', () => {
    expect(check(X5, X7, 'Oracle Linux', '8').row).toBe(GenerationCompatibility.X5_IMAGE_ON_X7_HOST[3]);
  });
});

/**
 * Host generations (X5, X6, X7) of OCI shapes, and what OCI documents about
 * moving an image built on one generation to hosts of another (F-40..F-43).
 * Shapes and OS pairs the sources do not cover are reported as unknown or
 * "not in table", never guessed.
 */
import { OperatingSystemId, OsDistro, ParsedOperatingSystem } from './operating-system';
import { checkShapePattern } from '../core/factory-checks';
import { member } from '../core/validate';

/** Hardware generation of the host behind a shape. */
export class HostGeneration {
  public static readonly X5 = new HostGeneration('X5');
  public static readonly X6 = new HostGeneration('X6');
  public static readonly X7 = new HostGeneration('X7');
  /** Not documented for this shape (or not X5/X6/X7): generation checks cannot run. */
  public static readonly UNKNOWN = new HostGeneration('UNKNOWN');
  public static readonly ALL: HostGeneration[] = Object.freeze([HostGeneration.X5, HostGeneration.X6, HostGeneration.X7, HostGeneration.UNKNOWN]) as HostGeneration[];

  /** `X5`, `x7`...; undefined for anything else. */
  public static tryOf(value: string): HostGeneration | undefined {
    return HostGeneration.ALL.find((g) => g.value === value.trim().toUpperCase());
  }

  private constructor(public readonly value: string) {}

  public toString(): string {
    return this.value;
  }
}

/** Processor kinds the rules care about (F-35: AMD and Arm imports run paravirtualized; F-43: Arm cannot run x86_64). */
export class ProcessorKind {
  public static readonly ARM = new ProcessorKind('ARM');
  public static readonly AMD = new ProcessorKind('AMD');

  private constructor(public readonly value: string) {}

  public toString(): string {
    return this.value;
  }
}

/** Shape pattern → generation. Patterns are shape names where `*` matches any text, compared ignoring case. */
export interface ShapeGenerationRule {
  readonly pattern: string;
  readonly generation: HostGeneration;
  /** Where the fact comes from. */
  readonly note: string;
}

/** Shape pattern → processor kind. */
export interface ShapeProcessorRule {
  readonly pattern: string;
  readonly processor: ProcessorKind;
  readonly note: string;
}

// Sources for the tables below. SHAPES_2025 is the "Compute Shapes" page marked
// "Updated 2025-02-13", https://docs.oracle.com/en-us/iaas/Content/Compute/References/computeshapes.htm,
// read on 2026-11-27 through the public mirror jacklty/oci_doc_crawler@8e7bbd7
// (iaas/Content/Compute/References/computeshapes.md). SHAPES_LATER is a later,
// undated copy of the same page found in the code search index (mirror repository
// not identified); it adds the A4 and E6 series.
const F43 = 'F-43; OCI Compute Shapes page (2025-02-13), previous generation shapes';
const SHAPES_2025 = 'OCI Compute Shapes page (2025-02-13)';
const SHAPES_LATER = 'OCI Compute Shapes page (later undated copy)';

const GENERATION_RULES: ShapeGenerationRule[] = [
  // X5 (F-43; the page calls these "X5-based").
  { pattern: 'VM.Standard1.*', generation: HostGeneration.X5, note: F43 },
  { pattern: 'BM.Standard1.36', generation: HostGeneration.X5, note: F43 },
  { pattern: 'VM.DenseIO1.*', generation: HostGeneration.X5, note: F43 },
  { pattern: 'BM.DenseIO1.36', generation: HostGeneration.X5, note: F43 },
  // X6: F-43 leaves these to a citation; the page calls the B1 series "X6-based".
  { pattern: 'VM.Standard.B1.*', generation: HostGeneration.X6, note: SHAPES_2025 },
  { pattern: 'BM.Standard.B1.44', generation: HostGeneration.X6, note: SHAPES_2025 },
  // X7 (F-43), plus the GPU2 series that the page also calls "X7-based".
  { pattern: 'VM.Standard2.*', generation: HostGeneration.X7, note: F43 },
  { pattern: 'BM.Standard2.52', generation: HostGeneration.X7, note: F43 },
  { pattern: 'VM.DenseIO2.*', generation: HostGeneration.X7, note: F43 },
  { pattern: 'BM.DenseIO2.52', generation: HostGeneration.X7, note: F43 },
  { pattern: 'VM.GPU3.*', generation: HostGeneration.X7, note: F43 },
  { pattern: 'BM.GPU3.8', generation: HostGeneration.X7, note: F43 },
  { pattern: 'BM.HPC2.36', generation: HostGeneration.X7, note: F43 },
  { pattern: 'VM.GPU2.*', generation: HostGeneration.X7, note: SHAPES_2025 },
  { pattern: 'BM.GPU2.2', generation: HostGeneration.X7, note: SHAPES_2025 },
  // Not encoded: X9 (Standard3, Optimized3, GPU.A10) and X10 shapes are documented,
  // but HostGeneration stops at X7 because no compatibility table covers them.
];

const PROCESSOR_RULES: ShapeProcessorRule[] = [
  // Arm (F-43: A1, A2). The page describes A1/A2 (2025-02-13) and A4 (later copy) as "Arm-based".
  { pattern: '*.A1.*', processor: ProcessorKind.ARM, note: `F-43; ${SHAPES_2025}` },
  { pattern: '*.A2.*', processor: ProcessorKind.ARM, note: `F-43; ${SHAPES_2025}` },
  { pattern: '*.A4.*', processor: ProcessorKind.ARM, note: SHAPES_LATER },
  // Not encoded: BM.GPU.GB200/GB300 list "NVIDIA Grace" CPUs, but the page does not
  // call them Arm. Add them with `withProcessor` if you rely on it.
  //
  // AMD: the page gives AMD EPYC processors for these E-series.
  { pattern: '*.Standard.E2.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: '*.Standard.E3.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: '*.Standard.E4.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: '*.Standard.E5.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: '*.Standard.E6.*', processor: ProcessorKind.AMD, note: SHAPES_LATER },
  { pattern: '*.DenseIO.E4.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: '*.DenseIO.E5.*', processor: ProcessorKind.AMD, note: SHAPES_2025 },
  { pattern: 'BM.HPC.E5.*', processor: ProcessorKind.AMD, note: SHAPES_LATER },
];

/** Which host generation and processor kind a shape has, per documented tables; extendable by users. */
export class ShapeGenerations {
  /** The built-in tables (see the source notes on each rule). */
  public static readonly DEFAULT = new ShapeGenerations(GENERATION_RULES, PROCESSOR_RULES);

  public readonly generationRules: ShapeGenerationRule[];
  public readonly processorRules: ShapeProcessorRule[];

  private constructor(generationRules: ShapeGenerationRule[], processorRules: ShapeProcessorRule[]) {
    this.generationRules = Object.freeze([...generationRules]) as ShapeGenerationRule[];
    this.processorRules = Object.freeze([...processorRules]) as ShapeProcessorRule[];
  }

  /** The generation of a shape's host, or UNKNOWN when no rule covers it. */
  public generationOf(shape: string): HostGeneration {
    return this.generationRuleFor(shape)?.generation ?? HostGeneration.UNKNOWN;
  }

  /** The rule that decided `generationOf`, for citing it. */
  public generationRuleFor(shape: string): ShapeGenerationRule | undefined {
    return this.generationRules.find((r) => globMatches(r.pattern, shape));
  }

  /** The processor kind when a rule covers the shape; undefined otherwise (Intel, or not documented here). */
  public processorOf(shape: string): ProcessorKind | undefined {
    return this.processorRules.find((r) => globMatches(r.pattern, shape))?.processor;
  }

  /** True for Arm shapes, which cannot run x86_64 images (F-43). */
  public isArm(shape: string): boolean {
    return this.processorOf(shape) === ProcessorKind.ARM;
  }

  /** True for AMD shapes, where imports run paravirtualized (F-35). */
  public isAmd(shape: string): boolean {
    return this.processorOf(shape) === ProcessorKind.AMD;
  }

  /** A copy where `pattern` maps to `generation`, ahead of the existing rules. */
  public withShape(pattern: string, generation: HostGeneration, note: string): ShapeGenerations {
    checkShapePattern('ShapeGenerations.withShape', pattern, note);
    member('ShapeGenerations.withShape', 'generation', generation, HostGeneration.ALL, 'HostGeneration', true);
    return new ShapeGenerations([{ pattern, generation, note }, ...this.generationRules], this.processorRules);
  }

  /** A copy where `pattern` maps to `processor`, ahead of the existing rules. */
  public withProcessor(pattern: string, processor: ProcessorKind, note: string): ShapeGenerations {
    checkShapePattern('ShapeGenerations.withProcessor', pattern, note);
    member('ShapeGenerations.withProcessor', 'processor', processor, [ProcessorKind.ARM, ProcessorKind.AMD], 'ProcessorKind', true);
    return new ShapeGenerations(this.generationRules, [{ pattern, processor, note }, ...this.processorRules]);
  }
}

function globMatches(pattern: string, shape: string): boolean {
  const re = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*');
  return new RegExp(`^${re}$`, 'i').test(shape.trim());
}

/** Verdict of `GenerationCompatibility.check`. */
export class GenerationVerdict {
  public static readonly WORKS = new GenerationVerdict('WORKS');
  /** Works, but the newest kernel may be needed for the new host's drivers (F-41). */
  public static readonly WORKS_WITH_LATEST_KERNEL = new GenerationVerdict('WORKS_WITH_LATEST_KERNEL');
  public static readonly DOES_NOT_WORK = new GenerationVerdict('DOES_NOT_WORK');
  /** No OCI table covers this case: report "not checkable", do not guess. */
  public static readonly NOT_IN_TABLE = new GenerationVerdict('NOT_IN_TABLE');

  private constructor(public readonly value: string) {}

  public toString(): string {
    return this.value;
  }
}

/** One OS line of a generation table. */
export interface GenerationTableRow {
  readonly distro: OsDistro;
  /** Unset: every version ("all CentOS versions"). */
  readonly majorVersion?: string;
  readonly minorVersion?: string;
  readonly verdict: GenerationVerdict;
}

export interface GenerationCheckResult {
  readonly verdict: GenerationVerdict;
  /** The table row that decided, when one did. */
  readonly row?: GenerationTableRow;
  /** One English sentence a rule can quote. */
  readonly reason: string;
}

const row = (distro: OsDistro, verdict: GenerationVerdict, majorVersion?: string, minorVersion?: string): GenerationTableRow =>
  ({ distro, verdict, majorVersion, minorVersion });
const { WORKS, WORKS_WITH_LATEST_KERNEL: KERNEL, DOES_NOT_WORK } = GenerationVerdict;

/** What OCI documents about moving images between host generations. */
export class GenerationCompatibility {
  /**
   * F-41, from the seed page's X5/X7 section. OL 8 is listed both as working
   * and among those that may need the newest kernel; the first row (works) wins.
   * The 2025-03-05 English edition of the page no longer names OL 6 here.
   */
  public static readonly X5_IMAGE_ON_X7_HOST: GenerationTableRow[] = Object.freeze([
    row(OsDistro.WINDOWS_SERVER, DOES_NOT_WORK), row(OsDistro.WINDOWS_DESKTOP, DOES_NOT_WORK),
    row(OsDistro.ORACLE_AUTONOMOUS_LINUX, WORKS, '7'), row(OsDistro.ORACLE_LINUX, WORKS, '8'),
    row(OsDistro.ORACLE_LINUX, KERNEL, '6'), row(OsDistro.ORACLE_LINUX, KERNEL, '7'), row(OsDistro.ORACLE_LINUX, KERNEL, '9'),
    row(OsDistro.UBUNTU, KERNEL, '18', '04'), row(OsDistro.UBUNTU, KERNEL, '20', '04'), row(OsDistro.UBUNTU, KERNEL, '22', '04'),
    row(OsDistro.CENTOS, KERNEL, '7'), row(OsDistro.CENTOS_STREAM, KERNEL, '8'),
  ]) as GenerationTableRow[];

  /**
   * F-42, from the seed page's X6 section (Oracle still advises platform images
   * on X6). The 2025-03-05 English edition no longer names OL 6 here.
   */
  public static readonly X6_IMAGE_ON_NON_X6_HOST: GenerationTableRow[] = Object.freeze([
    row(OsDistro.ORACLE_LINUX, DOES_NOT_WORK, '6'), row(OsDistro.CENTOS, DOES_NOT_WORK), row(OsDistro.CENTOS_STREAM, DOES_NOT_WORK),
    row(OsDistro.WINDOWS_SERVER, DOES_NOT_WORK), row(OsDistro.WINDOWS_DESKTOP, DOES_NOT_WORK),
    row(OsDistro.ORACLE_AUTONOMOUS_LINUX, WORKS, '7'), row(OsDistro.ORACLE_LINUX, WORKS, '8'),
    row(OsDistro.ORACLE_LINUX, WORKS, '7'),
    row(OsDistro.UBUNTU, WORKS, '18', '04'), row(OsDistro.UBUNTU, WORKS, '20', '04'), row(OsDistro.UBUNTU, WORKS, '22', '04'),
  ]) as GenerationTableRow[];

  /** Whether an image built on `source` hardware runs on `target` hardware, per F-41/F-42. */
  public static check(source: HostGeneration, target: HostGeneration, os: ParsedOperatingSystem): GenerationCheckResult {
    if (source === HostGeneration.UNKNOWN || target === HostGeneration.UNKNOWN) {
      const which = source === HostGeneration.UNKNOWN ? 'source' : 'target';
      return { verdict: GenerationVerdict.NOT_IN_TABLE, reason: `The ${which} host generation is unknown, so OCI's X5/X6/X7 compatibility notes cannot be applied.` };
    }
    if (source === target) {
      return { verdict: WORKS, reason: `Image and target host are both ${source}; there is no generation change.` };
    }
    let table: GenerationTableRow[];
    let move: string;
    if (source === HostGeneration.X5 && target === HostGeneration.X7) {
      table = GenerationCompatibility.X5_IMAGE_ON_X7_HOST;
      move = 'built on X5 hosts running on X7 hosts';
    } else if (source === HostGeneration.X6) {
      table = GenerationCompatibility.X6_IMAGE_ON_NON_X6_HOST;
      move = `built on X6 hosts running on ${target} hosts`;
    } else {
      return { verdict: GenerationVerdict.NOT_IN_TABLE, reason: `OCI documents only X5 images on X7 hosts and X6 images on other hosts; ${source} to ${target} is not covered.` };
    }
    if (!os.known || !os.distro) {
      return { verdict: GenerationVerdict.NOT_IN_TABLE, reason: `OCI's notes on images ${move} cannot be applied because the operating system is not recognised: ${os.reason}.` };
    }
    const hit = table.find((r) => rowMatches(r, os));
    if (!hit) {
      return { verdict: GenerationVerdict.NOT_IN_TABLE, reason: `OCI's notes on images ${move} do not mention ${os.displayName}.` };
    }
    return { verdict: hit.verdict, row: hit, reason: `${describe(hit.verdict, os, move)}.` };
  }

  private constructor() {}
}

function rowMatches(r: GenerationTableRow, os: ParsedOperatingSystem): boolean {
  const same = OperatingSystemId.sameVersionPart;
  if (os.distro?.id !== r.distro.id) return false;
  if (r.majorVersion === undefined) return true;
  if (os.majorVersion === undefined || !same(r.majorVersion, os.majorVersion)) return false;
  return r.minorVersion === undefined || (os.minorVersion !== undefined && same(r.minorVersion, os.minorVersion));
}

function describe(verdict: GenerationVerdict, os: ParsedOperatingSystem, move: string): string {
  const subject = `OCI documents ${os.displayName} images ${move} as`;
  if (verdict === DOES_NOT_WORK) return `${subject} not working`;
  if (verdict === WORKS) return `${subject} working`;
  const update = os.distro === OsDistro.UBUNTU ? '`apt-get update` then `apt-get dist-upgrade`' : '`yum update`';
  return `${subject} working, but the newest kernel may be needed for the new host's network, NVMe and GPU drivers (run ${update})`;
}

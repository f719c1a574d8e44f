/**
 * Target shapes given as variables are unknown at synth but known at plan.
 * The shape tables are name patterns (F-43, `ShapeGenerations`), so
 * Terraform can apply them to the value: OIT043 (Arm shape, x86_64 image)
 * and OIT040 (host generation) become preconditions on the shape's
 * `oci_core_shape_management`. Both need no image read.
 */
import { FindingLevel } from '../compat/finding';
import { GenerationCompatibility, GenerationVerdict, HostGeneration, ProcessorKind, ShapeGenerations } from '../knowledge/host-generations';
import { ParsedOperatingSystem } from '../knowledge/operating-system';
import { hclString, matches, templateText } from './hcl';
import { ImageCondition, planMessage } from './image-conditions';

/** A shape pattern (`*` = any text, case ignored) as an RE2 pattern. */
function globPattern(glob: string): string {
  return `(?i)^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`;
}

/** HCL: the value of the first rule whose pattern matches `shape` (the tables' first-match order), else "". */
function firstMatch(rules: Array<{ pattern: string; value: string }>, shape: string): string {
  return rules.reduceRight((rest, r) => `(${matches(globPattern(r.pattern), `trimspace(${shape})`)} ? ${hclString(r.value)} : ${rest})`, '""');
}

export interface ShapeContext {
  readonly path: string;
  /** HCL expression of the shape name (e.g. `var.shape`). */
  readonly shape: string;
  readonly table: ShapeGenerations;
}

/** OIT043 (F-43): an x86_64 image is never marked compatible with an Arm shape. */
export function armShape(c: ShapeContext): ImageCondition {
  const facts = ['F-43'];
  const kind = firstMatch(c.table.processorRules.map((r) => ({ pattern: r.pattern, value: r.processor.value })), c.shape);
  return {
    ruleId: 'OIT043', level: FindingLevel.ERROR, facts,
    summary: 'the shape given as a variable is not an Arm shape (the image is x86_64)',
    condition: `${kind} != ${hclString(ProcessorKind.ARM.value)}`,
    errorMessage: planMessage('OIT043', c.path, `marks Arm shape "\${${c.shape}}" compatible with an x86_64 image; Arm shapes cannot run x86_64 images`,
      'remove it from compatibleShapes, or import an aarch64 build (set image.architecture to AARCH64)', facts),
  };
}

/** OIT040 (F-40..F-43): the shape's host generation runs an image built on `source`, per OCI's tables. */
export function hostGenerationOnShape(c: ShapeContext, source: HostGeneration, os: ParsedOperatingSystem): ImageCondition | undefined {
  const failing = [HostGeneration.X5, HostGeneration.X6, HostGeneration.X7]
    .filter((target) => GenerationCompatibility.check(source, target, os).verdict === GenerationVerdict.DOES_NOT_WORK);
  if (failing.length === 0) return undefined;
  const facts = ['F-40', 'F-41', 'F-42', 'F-43'];
  const generation = firstMatch(c.table.generationRules.map((r) => ({ pattern: r.pattern, value: r.generation.value })), c.shape);
  return {
    ruleId: 'OIT040', level: FindingLevel.ERROR, facts,
    summary: `the shape given as a variable is not on ${failing.map((g) => g.value).join(' or ')} hosts, where ${os.displayName} built on ${source.value} does not run`,
    condition: `!contains([${failing.map((g) => hclString(g.value)).join(', ')}], ${generation})`,
    errorMessage: planMessage('OIT040', c.path,
      `marks shape "\${${c.shape}}" compatible, a ${templateText(failing.map((g) => g.value).join('/'))} host where OCI's notes say ${templateText(os.displayName)} built on ${source.value} does not run`,
      `rebuild the image on that hardware from a platform image, or target other shapes`, facts),
  };
}

/**
 * The rules that depend on the image, as Terraform conditions over the
 * image that `data "oci_core_image"` reads at plan. Each builder returns
 * the condition (an HCL expression) and the error message (a template that
 * shows what was found); `image` is the reference to the read, e.g.
 * `data.oci_core_image.x` (tests pass a variable of the same shape).
 */
import { FindingLevel } from '../compat/finding';
import { SupportMatrix } from '../knowledge/support-matrix';
import { OsDistro, ParsedOperatingSystem, WindowsEdition } from '../knowledge/operating-system';
import { MAX_IMPORT_GB } from '../compat/rules/image-size-limit';
import { matches, orEmpty, templateText } from './hcl';
import {
  LISTED_EDITION_PATTERN, normalisedOsExpression, otherEditionOnly, recognisedPattern, statedEditionPattern, statedOsPattern,
  supportedExpression, WINDOWS_PATTERN,
} from './os-patterns';

/** One check that Terraform runs at plan. */
export interface ImageCondition {
  readonly ruleId: string;
  readonly level: FindingLevel;
  readonly facts: string[];
  /** What it checks, for the compat report. */
  readonly summary: string;
  /** HCL expression, true when the image passes. */
  readonly condition: string;
  /** Template text for `error_message`; user text in it is escaped. */
  readonly errorMessage: string;
}

/** MB per GB in OCI's image sizes (1 GB = 1024 MB, size_in_mbs counts MiB). */
const MB_PER_GB = 1024;

/**
 * One message shape at synth and at plan: `OITnnn: [construct] what was found ... Fix: ... [facts]`
 * (`found` may hold Terraform interpolations of the image read at plan; `path` and `fix` are escaped).
 */
export function planMessage(ruleId: string, path: string, found: string, fix: string, facts: string[]): string {
  return `${ruleId}: [${templateText(path)}] ${found}. Fix: ${templateText(fix)} [${facts.join(', ')}]`;
}

/** Template text showing the image as OCI describes it. */
function realImage(image: string): string {
  const os = `\${trimspace(format("%s %s", ${orEmpty(`${image}.operating_system`)}, ${orEmpty(`${image}.operating_system_version`)}))}`;
  return `image \${${image}.id} (OS "${os}")`;
}

export interface ConditionContext {
  readonly image: string;
  readonly path: string;
  readonly matrix: SupportMatrix;
}

/** OIT020 (F-20): an image outside every compartment is a platform or Marketplace image. */
export function exportableOrigin(c: ConditionContext): ImageCondition {
  const facts = ['F-20'];
  return {
    ruleId: 'OIT020', level: FindingLevel.ERROR, facts,
    summary: 'the image belongs to a compartment (platform and Marketplace images belong to none)',
    condition: `try(trimspace(${c.image}.compartment_id) != "", false)`,
    errorMessage: planMessage('OIT020', c.path,
      `exports ${realImage(c.image)}, which belongs to no compartment: OCI reports platform and Marketplace images that way, and it cannot export them`,
      'export a custom image of your own (for example one made from an instance launched from this image)', facts),
  };
}

/** OIT030 (F-30..F-32): the real OS is in the selected support matrix edition; an OS no table recognises is not judged. */
export function supportMatrix(c: ConditionContext): ImageCondition {
  const facts = ['F-30', 'F-31', 'F-32'];
  const text = normalisedOsExpression(c.image);
  return {
    ruleId: 'OIT030', level: FindingLevel.ERROR, facts,
    summary: `the image's OS is in the "${c.matrix.edition}" support matrix edition`,
    condition: `!${matches(recognisedPattern(c.matrix), text)} || ${supportedExpression(c.matrix, text)}`,
    errorMessage: planMessage('OIT030', c.path,
      `moves ${realImage(c.image)}, which is not in the "${templateText(c.matrix.edition)}" edition of the OCI image import/export support list`,
      'use a listed OS, select another matrix edition with CompatChecks.of(stack).useSupportMatrix(...), or acknowledge OIT030 with the reason you know it works', facts),
  };
}

/** OIT031 (F-31, F-33): a Windows image names no edition other than Standard or Datacenter. */
export function windowsEdition(c: ConditionContext): ImageCondition {
  const facts = ['F-31', 'F-33'];
  const text = normalisedOsExpression(c.image);
  return {
    ruleId: 'OIT031', level: FindingLevel.ERROR, facts,
    summary: 'a Windows image is the Standard or Datacenter edition',
    condition: `!${otherEditionOnly(text)}`,
    errorMessage: planMessage('OIT031', c.path,
      `moves ${realImage(c.image)}: import/export supports only the Standard and Datacenter editions of Windows Server`,
      'move a Standard or Datacenter image', facts),
  };
}

/** OIT033 (F-33): an import that states no Windows version and edition must not receive a Windows image. */
export function windowsNeedsStatedVersion(c: ConditionContext): ImageCondition {
  const facts = ['F-33'];
  return {
    ruleId: 'OIT033', level: FindingLevel.ERROR, facts,
    summary: 'the image is not Windows, since the import states no Windows version and edition',
    condition: `!${matches(WINDOWS_PATTERN, normalisedOsExpression(c.image))}`,
    errorMessage: planMessage('OIT033', c.path,
      `imports ${realImage(c.image)} without stating its Windows version and edition; they must match the image, or the import may breach the Microsoft licence`,
      'set operatingSystem "Windows", operatingSystemVersion (e.g. "Server 2019") and windowsEdition on the import or its source image', facts),
  };
}

/** OIT016 (F-14): the image is at most 400 GB; an unknown size is not judged. */
export function sizeLimit(c: ConditionContext): ImageCondition {
  const facts = ['F-14'];
  return {
    ruleId: 'OIT016', level: FindingLevel.ERROR, facts,
    summary: `the image's size_in_mbs is at most ${MAX_IMPORT_GB} GB`,
    condition: `try(tonumber(${c.image}.size_in_mbs) <= ${MAX_IMPORT_GB * MB_PER_GB}, true)`,
    errorMessage: planMessage('OIT016', c.path,
      `imports ${realImage(c.image)} of \${${orEmpty(`${c.image}.size_in_mbs`)}} MB; OCI imports images up to ${MAX_IMPORT_GB} GB (${MAX_IMPORT_GB * MB_PER_GB} MB)`,
      'shrink the boot volume (or move data to block volumes) before exporting', facts),
  };
}

/** OIT036 (F-12, F-35), a warning: an import that does not run paravirtualized receives a Windows image. */
export function windowsLaunchMode(c: ConditionContext, launchMode: string): ImageCondition {
  const facts = ['F-35'];
  return {
    ruleId: 'OIT036', level: FindingLevel.WARNING, facts,
    summary: `the image is not Windows, since the import uses launch mode ${launchMode} (a warning: a check block, not a precondition)`,
    condition: `!${matches(WINDOWS_PATTERN, normalisedOsExpression(c.image))}`,
    errorMessage: planMessage('OIT036', c.path,
      `imports ${realImage(c.image)} with launch mode ${templateText(launchMode)}; OCI runs imported Windows images paravirtualized`,
      'use LaunchMode.PARAVIRTUALIZED (or state operatingSystem "Windows", which makes it the default)', facts),
  };
}

/** What a program states about the image, to compare with the real one. */
export interface StatedImage {
  /** Parsed stated OS (known distribution and version), if any. */
  readonly os?: ParsedOperatingSystem;
  readonly osText?: string;
  readonly edition?: WindowsEdition;
  readonly sizeInGbs?: number;
}

/** OIT039: the stated OS (distribution, major version, Windows edition) is the real one. */
export function statedOsMatches(c: ConditionContext, stated: StatedImage): ImageCondition | undefined {
  const pattern = stated.os ? statedOsPattern(stated.os) : undefined;
  if (!pattern && !stated.edition) return undefined;
  const facts = ['F-30', 'F-33'];
  const text = normalisedOsExpression(c.image);
  const parts: string[] = [];
  if (pattern) parts.push(`(!${matches(recognisedPattern(c.matrix), text)} || ${matches(pattern, text)})`);
  if (stated.edition) parts.push(`(!${matches(LISTED_EDITION_PATTERN, text)} || ${matches(statedEditionPattern(stated.edition), text)})`);
  const what = [stated.osText ? `OS ${JSON.stringify(stated.osText)}` : undefined, stated.edition ? `edition ${stated.edition.displayName}` : undefined]
    .filter(Boolean).join(', ');
  return {
    ruleId: 'OIT039', level: FindingLevel.ERROR, facts,
    summary: `the image is what the program states (${what})`,
    condition: parts.join(' && '),
    errorMessage: planMessage('OIT039', c.path,
      `states ${templateText(what)}, but reads ${realImage(c.image)}: the synth checks ran on the stated facts, not on this image`,
      'state the operating system, version and edition of this image (or point the image OCID at the image you meant)', facts),
  };
}

/** OIT039: the stated size is not below the real one (the size check ran on it). */
export function statedSizeMatches(c: ConditionContext, stated: StatedImage): ImageCondition | undefined {
  if (stated.sizeInGbs === undefined) return undefined;
  const facts = ['F-14'];
  return {
    ruleId: 'OIT039', level: FindingLevel.ERROR, facts,
    summary: `the image is no larger than the stated ${stated.sizeInGbs} GB`,
    condition: `try(tonumber(${c.image}.size_in_mbs) <= ${Math.floor(stated.sizeInGbs * MB_PER_GB)}, true)`,
    errorMessage: planMessage('OIT039', c.path,
      `states ${stated.sizeInGbs} GB, but reads ${realImage(c.image)} of \${${orEmpty(`${c.image}.size_in_mbs`)}} MB`,
      'state the real size (sizeInGbs), or point the image OCID at the image you meant', facts),
  };
}

/** Distributions a matrix adds beyond the built-ins (needed to parse stated OS names). */
export function customDistros(matrix: SupportMatrix): OsDistro[] {
  return matrix.entries.map((e) => e.distro).filter((d) => !OsDistro.BUILT_IN.includes(d));
}

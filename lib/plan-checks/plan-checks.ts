/**
 * Plan-time checks: the source image is read at plan and the rules that
 * depend on it become `lifecycle.precondition`s, so `terraform plan` fails
 * before anything is created when the real image breaks a rule (or is not
 * what the program states). Hooks for the constructs, the planning of the
 * checks (decided at synth, once every acknowledgement is known), and the
 * findings they add to the compat report.
 */
import { DefaultTokenResolver, StringConcat, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { findAcknowledgement } from '../compat/acknowledgements';
import { Finding, FindingLevel } from '../compat/finding';
import { IFindingContributor, markFindingContributor } from '../compat/finding-contributor';
import { CompatKnowledge } from '../compat/knowledge-set';
import { HostGeneration } from '../knowledge/host-generations';
import { WindowsEdition } from '../knowledge/operating-system';
import { ruleById } from '../compat/registry';
import { CoreShapeManagement } from '../provider/core-shape-management';
import { DataOciCoreImage } from '../provider/data-oci-core-image';
import { interpolation } from './hcl';
import {
  ConditionContext, customDistros, exportableOrigin, ImageCondition, sizeLimit, StatedImage, statedOsMatches, statedSizeMatches,
  supportMatrix, windowsEdition, windowsLaunchMode, windowsNeedsStatedVersion,
} from './image-conditions';
import { parseStated } from './os-patterns';
import { armShape, hostGenerationOnShape } from './shape-conditions';
import { ImportSubject, SourceImageRead, StatedFacts } from './registry';
import { isUnresolved } from '../core/tokens';

/** Construct id of the data source, under the export construct. */
export const READ_ID = 'SourceImageAtPlan';

/**
 * A condition placed on one resource as a precondition (errors), or, for a
 * warning, as the assertion of a `check` block (Terraform reports a failed
 * check as a warning and goes on).
 */
export interface PlacedCheck extends ImageCondition {
  /** Construct path of the finding (and of the acknowledgement that would drop it). */
  readonly path: string;
  /** Terraform address of the resource that carries the precondition, or `check.<name>`. */
  readonly address: string;
  /** 1-based position among that resource's preconditions (1 for a check block). */
  readonly position: number;
  readonly resource: TerraformResource;
}

const REGISTRY_ID = 'OciImagePlanChecks';

/**
 * The plan-time checks of one stack, a hidden child of the stack: the source
 * images it reads at plan (by export path), the imports whose checks land in
 * it (its own, and those of other stacks that import one of its exports),
 * and its switch (`PlanTimeChecks.disable`). The stack's `CompatChecks` finds
 * it in the tree: it writes the preconditions before the checks run and adds
 * its findings to the report.
 */
export class PlanCheckRegistry extends Construct implements IFindingContributor {
  /** The registry of the stack that contains `scope`, created on first use. */
  public static of(scope: IConstruct): PlanCheckRegistry {
    return PlanCheckRegistry.tryOf(scope) ?? new PlanCheckRegistry(TerraformStack.of(scope), REGISTRY_ID);
  }

  /** The registry of the stack that contains `scope`, if anything registered there. */
  public static tryOf(scope: IConstruct): PlanCheckRegistry | undefined {
    return TerraformStack.of(scope).node.tryFindChild(REGISTRY_ID) as PlanCheckRegistry | undefined;
  }

  public readonly reads = new Map<string, SourceImageRead>();
  public readonly imports: ImportSubject[] = [];
  public enabled = true;
  private prepared = false;

  private constructor(scope: TerraformStack, id: string) {
    super(scope, id);
    markFindingContributor(this);
  }

  /** @internal */
  public _beforeChecks(knowledge: CompatKnowledge): void {
    if (this.prepared) return;
    this.prepared = true;
    applyPlanChecks(TerraformStack.of(this), this, knowledge);
  }

  /** @internal */
  public _contributeFindings(findings: Finding[], knowledge: CompatKnowledge): Finding[] {
    return mergeFindings(findings, TerraformStack.of(this), this, knowledge);
  }
}

/**
 * Hook for `ExportedImage`: reads the image at plan on the source provider.
 * Without a provider the region of the read would be a guess, so nothing is read.
 */
export function readSourceImageAtPlan(exportScope: Construct, step: TerraformResource, imageId: string,
  provider: TerraformProvider | undefined, stated: StatedFacts): void {
  if (!provider) return;
  const read = new DataOciCoreImage(exportScope, READ_ID, { provider, imageId });
  const entry: SourceImageRead = { exportPath: exportScope.node.path, exportScope, step, read, stated };
  PlanCheckRegistry.of(exportScope).reads.set(entry.exportPath, entry);
}

/**
 * Hook for `ImportedImage`: its image comes from the export at `exportPath`
 * (checked when that export reads its image); its shapes may be variables.
 */
export function checkImportAtPlan(scope: IConstruct, resource: TerraformResource, exportPath: string | undefined, stated: StatedFacts,
  shapes: CoreShapeManagement[]): void {
  const subject: ImportSubject = { path: scope.node.path, scope, resource, exportPath, stated, shapes };
  const own = PlanCheckRegistry.of(scope);
  own.imports.push(subject);
  // An export in another stack reads the image there: its checks of this import land in that stack.
  const exportScope = exportPath !== undefined ? findByPath(scope.node.root, exportPath) : undefined;
  const theirs = exportScope ? PlanCheckRegistry.tryOf(exportScope) : undefined;
  if (theirs && theirs !== own && theirs.reads.has(exportPath as string)) theirs.imports.push(subject);
}

/** The construct at a path (as `node.path` writes it), if it exists. */
function findByPath(root: IConstruct, path: string): IConstruct | undefined {
  let c: IConstruct | undefined = root;
  for (const id of path.split('/')) c = c?.node.tryFindChild(id);
  return c;
}

/** Every check of the stack, in a stable order (reads in registration order, then imports). */
export function planChecksOf(stack: TerraformStack, knowledge: CompatKnowledge): PlacedCheck[] {
  const registry = PlanCheckRegistry.tryOf(stack);
  if (!registry) return [];
  const out: PlacedCheck[] = [];
  const counts = new Map<TerraformResource, number>();
  // `owner` names a check block: the subject's own resource, also when its preconditions sit elsewhere.
  const place = (resource: TerraformResource, path: string, scope: IConstruct, conditions: Array<ImageCondition | undefined>,
    owner: TerraformResource = resource) => {
    for (const c of conditions) {
      if (!c || acknowledged(scope, c.ruleId)) continue;
      if (c.level !== FindingLevel.ERROR) {
        out.push({ ...c, path, resource, position: 1, address: `check.${checkName(owner, c.ruleId)}` });
        continue;
      }
      const position = (counts.get(resource) ?? 0) + 1;
      counts.set(resource, position);
      out.push({ ...c, path, resource, position, address: `${resource.terraformResourceType}.${resource.friendlyUniqueId}` });
    }
  };
  // Shape names known only at plan need no image read, so the switch leaves them on.
  for (const imp of registry.imports) {
    if (TerraformStack.of(imp.resource) !== stack) continue;
    for (const shape of imp.shapes) {
      const expression = isUnresolved(shape.shapeNameInput) ? singleExpression(stack, shape.shapeNameInput) : undefined;
      if (!expression) continue;
      const ctx = { path: imp.path, shape: expression, table: knowledge.shapeGenerations };
      const arch = imp.stated.architecture ?? (imp.stated.described ? 'x86_64' : undefined);
      const os = osStated(imp.stated) ? parseStated(imp.stated.operatingSystem, imp.stated.operatingSystemVersion, customDistros(knowledge.supportMatrix)) : undefined;
      const source = imp.stated.hostGeneration && !isUnresolved(imp.stated.hostGeneration) ? HostGeneration.tryOf(imp.stated.hostGeneration) : undefined;
      place(shape, imp.path, imp.scope, [
        arch === 'x86_64' ? armShape(ctx) : undefined,
        source && os ? hostGenerationOnShape(ctx, source, os) : undefined,
      ]);
    }
  }
  if (!registry.enabled) return out;
  for (const read of registry.reads.values()) {
    if (TerraformStack.of(read.step) !== stack) continue;
    const image = `data.${DataOciCoreImage.tfResourceType}.${read.read.friendlyUniqueId}`;
    const ctx: ConditionContext = { image, path: read.exportPath, matrix: knowledge.supportMatrix };
    const stated = statedImage(read.stated, knowledge);
    place(read.step, read.exportPath, read.exportScope, [
      exportableOrigin(ctx),
      osStated(read.stated) ? undefined : supportMatrix(ctx),
      windowsEdition(ctx),
      statedOsMatches(ctx, stated),
      statedSizeMatches(ctx, stated),
    ]);
  }
  for (const imp of registry.imports) {
    const read = imp.exportPath ? registry.reads.get(imp.exportPath) : undefined;
    if (!read || TerraformStack.of(read.step) !== stack) continue;
    const image = `data.${DataOciCoreImage.tfResourceType}.${read.read.friendlyUniqueId}`;
    const ctx: ConditionContext = { image, path: imp.path, matrix: knowledge.supportMatrix };
    // An import in another stack cannot name this data source: its checks go on the export step.
    const resource = TerraformStack.of(imp.resource) === stack ? imp.resource : read.step;
    const own = differsFromSource(imp.stated, read.stated) ? statedImage(imp.stated, knowledge) : {};
    place(resource, imp.path, imp.scope, [
      osStated(imp.stated) ? undefined : supportMatrix(ctx),
      imp.stated.operatingSystem === undefined ? windowsNeedsStatedVersion(ctx) : undefined,
      imp.stated.sizeInGbs === undefined ? sizeLimit(ctx) : undefined,
      statedOsMatches(ctx, own),
      statedSizeMatches(ctx, own),
      imp.stated.operatingSystem === undefined && imp.stated.launchMode && imp.stated.launchMode !== 'PARAVIRTUALIZED'
        ? windowsLaunchMode(ctx, imp.stated.launchMode) : undefined,
    ], imp.resource);
  }
  return out;
}

/** Writes the preconditions into each resource's lifecycle; drops the reads when the checks are off. */
function applyPlanChecks(stack: TerraformStack, registry: PlanCheckRegistry, knowledge: CompatKnowledge): void {
  if (!registry.enabled) {
    for (const read of registry.reads.values()) {
      if (TerraformStack.of(read.step) === stack) read.exportScope.node.tryRemoveChild(READ_ID);
    }
  }
  const byResource = new Map<TerraformResource, PlacedCheck[]>();
  for (const c of planChecksOf(stack, knowledge)) {
    if (c.address.startsWith('check.')) {
      stack.addOverride(c.address, { assert: [{ condition: interpolation(c.condition), error_message: c.errorMessage }] });
      continue;
    }
    byResource.set(c.resource, [...(byResource.get(c.resource) ?? []), c]);
  }
  for (const [resource, checks] of byResource) {
    resource.lifecycle = {
      ...resource.lifecycle,
      precondition: checks.map((c) => ({ condition: interpolation(c.condition), errorMessage: c.errorMessage })),
    };
  }
}

/**
 * Report: a finding that synth could not decide and a precondition now
 * checks is "checked at plan"; every other precondition adds one finding.
 */
function mergeFindings(findings: Finding[], stack: TerraformStack, registry: PlanCheckRegistry, knowledge: CompatKnowledge): Finding[] {
  const planned = planChecksOf(stack, knowledge);
  const out = [...findings];
  for (const c of planned) {
    const where = { resource: c.address, precondition: c.position };
    const i = out.findIndex((f) => f.ruleId === c.ruleId && f.path === c.path && f.notCheckable && !f.checkedAtPlan);
    if (i >= 0) {
      out[i] = { ...out[i], notCheckable: false, checkedAtPlan: where, message: `${out[i].message}; checked at plan instead: ${c.summary}` };
    } else {
      out.push({
        ruleId: c.ruleId, level: FindingLevel.INFO, path: c.path, message: `checked at plan: ${c.summary}`,
        facts: ruleById(c.ruleId)?.facts ?? c.facts, notCheckable: false, acknowledged: false, checkedAtPlan: where,
      });
    }
  }
  if (registry.enabled) {
    for (const read of registry.reads.values()) {
      if (TerraformStack.of(read.step) !== stack || acknowledged(read.exportScope, 'OIT020')) continue;
      out.push({
        ruleId: 'OIT020', level: FindingLevel.INFO, path: read.exportPath, facts: ['F-20'], notCheckable: true, acknowledged: false,
        message: 'not checkable before apply: whether the image was made from a Marketplace image (GetImage names only its base image, base_image_id); if OCI refuses the export, the export step stops with exit code 3',
      });
    }
  }
  return out;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** A `check` block name: the resource's logical id and the rule (both valid identifier characters). */
function checkName(resource: TerraformResource, ruleId: string): string {
  return `${resource.friendlyUniqueId}_${ruleId}`;
}

/** The HCL expression of a token that resolves to exactly one interpolation (e.g. `var.shape`), else undefined. */
function singleExpression(stack: TerraformStack, token: string): string | undefined {
  const resolved = Tokenization.resolve(token, { scope: stack, resolver: RESOLVER });
  if (typeof resolved !== 'string') return undefined;
  const m = /^\$\{([\s\S]*)\}$/.exec(resolved);
  return m && !m[1].includes('${') ? m[1] : undefined;
}

function acknowledged(scope: IConstruct, ruleId: string): boolean {
  return ruleById(ruleId)?.acknowledgeable !== false && findAcknowledgement(scope, ruleId) !== undefined;
}

function osStated(s: StatedFacts): boolean {
  return s.operatingSystem !== undefined && !isUnresolved(s.operatingSystem) && !isUnresolved(s.operatingSystemVersion);
}

function differsFromSource(a: StatedFacts, b: StatedFacts): boolean {
  return a.operatingSystem !== b.operatingSystem || a.operatingSystemVersion !== b.operatingSystemVersion
    || a.windowsEdition !== b.windowsEdition || a.sizeInGbs !== b.sizeInGbs;
}

/** What the program states that can be compared (tokens are left out: they are not statements at synth). */
function statedImage(s: StatedFacts, knowledge: CompatKnowledge): StatedImage {
  const os = osStated(s) ? parseStated(s.operatingSystem, s.operatingSystemVersion, customDistros(knowledge.supportMatrix)) : undefined;
  const edition = s.windowsEdition && !isUnresolved(s.windowsEdition)
    ? WindowsEdition.ALL.find((e) => e.value === s.windowsEdition) ?? WindowsEdition.tryParse(s.windowsEdition) : undefined;
  return {
    os,
    osText: os ? [s.operatingSystem, s.operatingSystemVersion].filter(Boolean).join(' ') : undefined,
    edition: edition ?? os?.windowsEdition,
    sizeInGbs: s.sizeInGbs !== undefined && !isUnresolved(s.sizeInGbs) ? s.sizeInGbs : undefined,
  };
}

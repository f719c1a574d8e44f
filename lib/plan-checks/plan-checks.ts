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
import { CompatChecks } from '../compat/compat-checks';
import { Finding, FindingLevel } from '../compat/finding';
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
import { registryOf, SourceImageRead, StatedFacts } from './registry';
import { PlanTimeChecks } from './plan-time-checks';
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

/**
 * Hook for `ExportedImage`: reads the image at plan on the source provider.
 * Without a provider the region of the read would be a guess, so nothing is read.
 */
export function readSourceImageAtPlan(exportScope: Construct, step: TerraformResource, imageId: string,
  provider: TerraformProvider | undefined, stated: StatedFacts): void {
  if (!provider) return;
  const read = new DataOciCoreImage(exportScope, READ_ID, { provider, imageId });
  const entry: SourceImageRead = { exportPath: exportScope.node.path, exportScope, step, read, stated };
  registryOf(exportScope).reads.set(entry.exportPath, entry);
  installOnce(exportScope);
}

/**
 * Hook for `ImportedImage`: its image comes from the export at `exportPath`
 * (checked when that export reads its image); its shapes may be variables.
 */
export function checkImportAtPlan(scope: IConstruct, resource: TerraformResource, exportPath: string | undefined, stated: StatedFacts,
  shapes: CoreShapeManagement[]): void {
  registryOf(scope).imports.push({ path: scope.node.path, scope, resource, exportPath, stated, shapes });
  installOnce(scope);
}

/** Id of the hidden marker construct of a stack whose plan-time checks are installed. */
const INSTALLED_ID = 'OciImagePlanChecksInstalled';

/** Per stack, once: apply the checks before synth and add their findings to the report. */
function installOnce(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(INSTALLED_ID)) return;
  new Construct(stack, INSTALLED_ID);
  const checks = CompatChecks.of(stack);
  checks._beforeSynth(() => applyPlanChecks(stack, checks._knowledge));
  checks._transformFindings((findings, knowledge) => mergeFindings(findings, stack, knowledge));
}

/** Every check of the stack, in a stable order (reads in registration order, then imports). */
export function planChecksOf(stack: TerraformStack, knowledge: CompatKnowledge): PlacedCheck[] {
  const registry = registryOf(stack);
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
  if (!PlanTimeChecks.isEnabled(stack)) return out;
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
function applyPlanChecks(stack: TerraformStack, knowledge: CompatKnowledge): void {
  const registry = registryOf(stack);
  if (!PlanTimeChecks.isEnabled(stack)) {
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
function mergeFindings(findings: Finding[], stack: TerraformStack, knowledge: CompatKnowledge): Finding[] {
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
  if (PlanTimeChecks.isEnabled(stack)) {
    for (const read of registryOf(stack).reads.values()) {
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

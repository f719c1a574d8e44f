import { DefaultTokenResolver, dependable, ISynthesisSession, ITerraformDependable, LocalBackend, StringConcat, TerraformBackend, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { RuleCatalog } from '../compat/rule-catalog';
import { ExportFormat } from '../knowledge/formats';
import { ExportDestination } from '../image/export-destination';
import { ExportRunner } from '../image/export-runner';
import { DEFAULT_RUNNER_COMMAND } from '../export/runner-contract';
import { ExportedImage } from '../image/exported-image';
import { addRetiredExportTeardown, TEARDOWN_ID } from '../image/export-teardown';
import { IImageObject } from '../image/image-object';
import { ImageObjectCopy } from '../image/image-object-copy';
import { ImageReadAccess } from '../image/image-read-access';
import { ImportSource } from '../image/import-source';
import { ImportedImage } from '../image/imported-image';
import { ParExpiry } from '../image/par-expiry';
import { ITransitBucket, TransitBucket } from '../image/transit-bucket';
import { sharedNamespace } from '../image/namespace-lookup';
import { rolloutPolicy } from './iam';
import { RolloutManifest, RolloutManifestFinding, RolloutManifestSource, RolloutManifestTarget, writeManifest } from './manifest';
import { InFlight, RolloutPipeline, TERRAFORM_DEFAULT_PARALLELISM, noteInFlight, recommendedParallelism } from './pipeline';
import { sharedTransitBucket } from './shared-transit-buckets';
import { ImageReplicationProps } from './props';
import { aliasFor, sharedProvider } from './providers';
import { StackLayout, TransferPath } from './stack-layout';
import { ResolvedTarget, resolveWaves } from './validate';
import { checkImageReplicationProps } from '../image/prop-checks';
import { addBrand, hasBrand } from '../core/brand';
import { frozenArray } from '../core/collections';

/** Provenance tag keys (freeform keys take no dots). */
/** @deprecated Use `ImageReplication.PROVENANCE_TAG_ROLLOUT`, `PROVENANCE_TAG_SOURCE_IMAGE` and `PROVENANCE_TAG_SOURCE_REGION` (static members, visible in every jsii language). */
export const PROVENANCE_TAGS = { rollout: 'ImageRollout', sourceImage: 'ImageSourceId', sourceRegion: 'ImageSourceRegion' } as const;

/**
 * One source image rolled out to many regions and tenancies: one shared
 * export, then per target copy-then-import (same tenancy, F-02) or
 * PAR-then-import (other tenancy, F-03), in ordered waves, in one stack or
 * one stack per wave or region. Every step gets the compatibility checks.
 */
export class ImageReplication extends Construct {
  /** Whether `x` is an `ImageReplication` (from any copy of this library). */
  public static isImageReplication(x: any): x is ImageReplication {
    return hasBrand(x, 'ImageReplication');
  }

  /** Freeform tag on every imported image naming the rollout. */
  public static readonly PROVENANCE_TAG_ROLLOUT: string = PROVENANCE_TAGS.rollout;
  /** Freeform tag on every imported image holding the source image OCID. */
  public static readonly PROVENANCE_TAG_SOURCE_IMAGE: string = PROVENANCE_TAGS.sourceImage;
  /** Freeform tag on every imported image holding the source region. */
  public static readonly PROVENANCE_TAG_SOURCE_REGION: string = PROVENANCE_TAGS.sourceRegion;
  /** Terraform's own default `-parallelism`, the floor of the manifest's recommendation. */
  public static readonly TERRAFORM_DEFAULT_PARALLELISM: number = TERRAFORM_DEFAULT_PARALLELISM;
  
  /** The shared export (undefined for a retired version). */
  public readonly exported?: ExportedImage;
  /** Imported image OCID per target name. */
  public readonly imageIds: { [target: string]: string } = {};
  /** Imported images per target name. */
  public readonly images: { [target: string]: ImportedImage } = {};
  /** Stacks the rollout wrote to, in apply order (the scope's stack first). */
  public readonly stacks: TerraformStack[];
  private readonly rolloutName: string;
  private readonly layout: StackLayout;
  private readonly retired: boolean;
  /** The source as given (tokens resolved when the manifest is made). */
  private readonly sourceFacts: RolloutManifestSource;
  private readonly plannedWaves: PlannedWave[] = [];
  /** Object Storage namespace of the rollout's own tenancy, per stack (one lookup serves every same-tenancy bucket). */
  private readonly homeNamespaces = new Map<TerraformStack, string>();
  /** @internal long operations this rollout may run at once, per stack */
  public readonly _inFlight: InFlight = new Map();
  /** @internal */
  public readonly _maxParallelism?: number;

  constructor(scope: Construct, id: string, props: ImageReplicationProps) {
    super(scope, id);
    addBrand(this, 'ImageReplication');
    checkImageReplicationProps(this.node.path, props, Object.values(StackLayout), ParExpiry.isParExpiry);
    const waves = resolveWaves(this.node.path, props);
    this._maxParallelism = validMaxParallelism(this.node.path, props.maxParallelism);
    const layout = props.stackLayout ?? StackLayout.SINGLE_STACK;
    const sourceStack = TerraformStack.of(this);
    const src = props.source;
    const tags = this.baseTags(props);
    const sourceProvider = src.provider ?? sharedProvider(sourceStack, aliasFor(`source-${src.region}`), { region: src.region, ...src.providerConfig });

    let exportBucket: ITransitBucket | undefined;
    if (!props.retired) {
      exportBucket = src.exportBucket ?? new TransitBucket(this, 'ExportBucket', {
        compartmentId: src.compartmentId, provider: sourceProvider, region: src.region, freeformTags: tags, definedTags: props.definedTags,
      });
      noteInFlight(this._inFlight, sourceStack, 1);
      if (!src.exportBucket) this.homeNamespaces.set(sourceStack, exportBucket.namespaceName);
      this.exported = new ExportedImage(this, 'Export', {
        // A ReplicationSource is a SourceImage plus where to put the export.
        image: src,
        destination: ExportDestination.toBucket(exportBucket),
        format: props.exportFormat ?? ExportFormat.OCI,
        provider: sourceProvider,
        runner: props.exportRunnerCommand ? ExportRunner.nodeSdk({ command: props.exportRunnerCommand }) : undefined,
      });
    } else {
      // Keeps the export's teardown at its address so that Terraform still runs it (export-teardown.ts).
      addRetiredExportTeardown(new Construct(this, 'Export'), props.exportRunnerCommand ?? DEFAULT_RUNNER_COMMAND);
    }

    this.rolloutName = props.rolloutName;
    this.layout = layout;
    this.retired = props.retired ?? false;
    this.sourceFacts = { imageId: src.imageId, region: src.region, stack: sourceStack.node.id, format: (props.exportFormat ?? ExportFormat.OCI).value };
    const stacks: TerraformStack[] = [sourceStack];
    let previous: ITerraformDependable[] = [];
    let previousStacks: TerraformStack[] = [sourceStack];
    waves.forEach((wave, index) => {
      const waveName = wave[0].wave;
      const current: ITerraformDependable[] = [];
      const waveStacks: TerraformStack[] = [];
      const entries: PlannedTarget[] = [];
      for (const t of wave) {
        const stack = this.stackFor(layout, props.rolloutName, waveName, t.name, sourceStack);
        if (stack !== sourceStack) {
          previousStacks.forEach((p) => { if (p !== stack && !stack.dependencies.includes(p)) stack.addDependency(p); });
          if (!stacks.includes(stack)) stacks.push(stack);
          if (!waveStacks.includes(stack)) waveStacks.push(stack);
        }
        const targetScope = new Construct(stack === sourceStack ? this : stack, stack === sourceStack ? `Target-${t.name}` : `${id}-${t.name}`);
        const entry = this.buildTarget(props, t, targetScope, sourceProvider, stack, previous, tags);
        current.push(...entry.gate);
        entries.push(entry.planned);
      }
      this.plannedWaves.push({ name: waveName, order: index + 1, targets: entries });
      const perStack = new Map<TerraformStack, number>();
      for (const e of entries) { const st = TerraformStack.of(e.scopes[0]); perStack.set(st, (perStack.get(st) ?? 0) + 1); }
      perStack.forEach((n, st) => noteInFlight(this._inFlight, st, n));
      previous = current;
      if (waveStacks.length) previousStacks = waveStacks;
    });
    this.stacks = frozenArray(stacks);
    if (stacks.length > 1) stacks.forEach(ensureRelativeBackend);

    this.addOutputs(props, layout, waves, sourceStack);
    if (props.iam && !props.retired && exportBucket) {
      const policy = rolloutPolicy(this, props, exportBucket, waves.flat().map((t) => t.target), tags);
      // The policy lets the export's teardown delete the object at destroy: it must go after it.
      // First in the list: the bucket's lifecycle policy, if any, keeps the last place.
      const teardown = this.exported?.node.tryFindChild(TEARDOWN_ID) as TerraformResource | undefined;
      if (teardown) teardown.dependsOn = [dependable(policy), ...(teardown.dependsOn ?? [])];
    }
    this.writeManifestAtSynth(sourceStack);
  }

  /**
   * The rollout manifest: per target the source, the path taken, the
   * resources, and the findings the checks of its stack reported in the last
   * synth (none before the first synth, or where the checks are disabled).
   */
  public toManifest(): RolloutManifest {
    const stack = TerraformStack.of(this);
    const resolve = (v: unknown) => Tokenization.resolve(v, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });
    const findingsUnder = findingsByScope();
    return {
      rollout: this.rolloutName,
      layout: this.layout,
      retired: this.retired,
      source: resolve(this.sourceFacts),
      waves: this.plannedWaves.map((w) => ({
        name: w.name,
        order: w.order,
        targets: w.targets.map((t) => ({
          name: t.name, region: t.region, tenancy: t.tenancy, path: t.path, stack: t.stack, importedImage: t.importedImage,
          findings: t.scopes.flatMap(findingsUnder),
          resources: t.scopes.flatMap((s) => s.node.findAll().filter(TerraformResource.isTerraformResource)
            .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`)),
        })),
      })),
      pipeline: this.pipeline(),
      checksApplied: RuleCatalog.all().map((r) => r.id),
    };
  }

  /** Stacks in phases (the source stack, then each wave's other stacks) and `-parallelism` per stack. */
  public pipeline(): RolloutPipeline {
    const source = TerraformStack.of(this).node.id;
    const phases = [{ order: 1, wave: 'export', stacks: [source] }];
    for (const w of this.plannedWaves) {
      const stacks = [...new Set(w.targets.map((t) => t.stack))].filter((s) => s !== source).sort();
      if (stacks.length) phases.push({ order: phases.length + 1, wave: w.name, stacks });
    }
    const rollouts = this.node.root.node.findAll().filter(ImageReplication.isImageReplication);
    return { phases, parallelism: recommendedParallelism(this.stacks, rollouts.map((r) => ({ inFlight: r._inFlight, maxParallelism: r._maxParallelism }))) };
  }

  /**
   * Writes the manifest next to the source stack's cdk.tf.json once the last
   * of the rollout's stacks is synthesized: by then the checks of every
   * stack of the rollout have run, and the manifest reads their findings
   * instead of running the checks again. Wraps that stack's synthesizer
   * around the checks' own wrapper (made first), as the checks do.
   */
  private writeManifestAtSynth(sourceStack: TerraformStack): void {
    let last = sourceStack;
    if (this.stacks.length > 1) {
      const order = this.node.root.node.findAll().filter(TerraformStack.isStack);
      last = this.stacks.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
    }
    CompatChecks.of(last);
    const inner = last.synthesizer;
    last.synthesizer = {
      synthesize: (session: ISynthesisSession) => {
        inner.synthesize(session);
        writeManifest(session, sourceStack, this.toManifest());
      },
    };
  }

  private buildTarget(props: ImageReplicationProps, t: ResolvedTarget, scope: Construct, sourceProvider: TerraformProvider,
    stack: TerraformStack, previous: ITerraformDependable[], baseTags: { [k: string]: string }) {
    const target = t.target;
    const provider = target.provider ?? sharedProvider(stack, aliasFor(target.otherTenancy ? t.name : target.region), { region: target.region, ...target.providerConfig });
    const tags = { ...baseTags, ...target.freeformTags };
    const definedTags = props.definedTags || target.definedTags ? { ...props.definedTags, ...target.definedTags } : undefined;
    const importCommon = {
      compartmentId: target.compartmentId, provider, region: target.region, compatibleShapes: target.compatibleShapes,
      freeformTags: tags, definedTags, createTimeoutMinutes: props.importTimeoutMinutes,
      displayName: `${props.rolloutName}-${t.name}`,
    };
    const scopes: IConstruct[] = [scope];
    const exported = this.exported;
    let path: TransferPath;
    let imported: ImportedImage;
    let first: TerraformResource | undefined;
    if (props.retired || !exported) {
      path = TransferPath.RETAINED;
      imported = new ImportedImage(scope, 'Import', { ...importCommon, source: ImportSource.retained() });
    } else if (target.otherTenancy || target.directFromPar) {
      path = target.otherTenancy ? TransferPath.PAR_THEN_IMPORT : TransferPath.DIRECT_PAR;
      const par = new ImageReadAccess(this, `Par-${t.name}`, {
        imageObject: exported, expiry: props.parExpiry ?? ParExpiry.afterDays(3), provider: sourceProvider,
      });
      scopes.push(par);
      first = par.par;
      imported = new ImportedImage(scope, 'Import', { ...importCommon, source: ImportSource.fromPar(par), crossTenancy: target.otherTenancy ?? false });
    } else if (target.region === props.source.region) {
      path = TransferPath.SOURCE_REGION;
      imported = new ImportedImage(scope, 'Import', { ...importCommon, source: ImportSource.fromObject(exported), crossTenancy: false });
    } else {
      path = TransferPath.COPY_THEN_IMPORT;
      const namespace = this.homeNamespace(stack, provider, target.compartmentId);
      const bucket = target.transitBucket ?? (props.shareTransitBuckets
        ? sharedTransitBucket(stack, { provider, region: target.region, compartmentId: target.compartmentId, kmsKeyId: target.kmsKeyId, namespace, freeformTags: { ...props.freeformTags, ...target.freeformTags }, definedTags })
        : new TransitBucket(scope, 'TransitBucket', {
          compartmentId: target.compartmentId, provider, region: target.region, kmsKeyId: target.kmsKeyId, freeformTags: tags, definedTags, namespaceName: namespace,
        }));
      const copy = new ImageObjectCopy(scope, 'Copy', {
        source: exported as IImageObject, provider, targetRegion: target.region, destinationBucket: bucket, createTimeoutMinutes: props.copyTimeoutMinutes,
      });
      first = copy.storageObject;
      imported = new ImportedImage(scope, 'Import', { ...importCommon, source: ImportSource.fromObject(copy), crossTenancy: false });
    }
    // Waves: the first step of this target waits for every image of the previous wave.
    const gate = first ?? imported.image;
    const local = previous.filter((d) => !Construct.isConstruct(d) || TerraformStack.of(d) === TerraformStack.of(gate));
    if (local.length) gate.dependsOn = [...(gate.dependsOn ?? []), ...local.map((d) => dependable(d))];
    this.imageIds[t.name] = imported.imageId;
    this.images[t.name] = imported;
    return {
      gate: [imported.image],
      planned: {
        name: t.name, region: target.region, tenancy: target.otherTenancy ? 'other' : 'same', path, stack: stack.node.id,
        importedImage: `${imported.image.terraformResourceType}.${imported.image.friendlyUniqueId}`, scopes,
      } as PlannedTarget,
    };
  }

  /**
   * Same-tenancy targets share the tenancy's one namespace (all regions and
   * compartments): one lookup per stack instead of one per target (F-85).
   */
  private homeNamespace(stack: TerraformStack, provider: TerraformProvider, compartmentId: string): string {
    let ns = this.homeNamespaces.get(stack);
    if (!ns) this.homeNamespaces.set(stack, (ns = sharedNamespace(stack, provider, compartmentId)));
    return ns;
  }

  private stackFor(layout: StackLayout, rollout: string, wave: string, target: string, sourceStack: TerraformStack): TerraformStack {
    if (layout === StackLayout.SINGLE_STACK) return sourceStack;
    const name = layout === StackLayout.STACK_PER_WAVE ? `${rollout}-${wave}` : `${rollout}-${target}`;
    const app = this.node.root;
    return (app.node.tryFindChild(name) as TerraformStack | undefined) ?? new TerraformStack(app as Construct, name);
  }

  private baseTags(props: ImageReplicationProps): { [k: string]: string } {
    const provenance: { [k: string]: string } = props.provenanceTags === false ? {} : {
      [PROVENANCE_TAGS.rollout]: props.rolloutName,
      [PROVENANCE_TAGS.sourceImage]: props.source.imageId,
      [PROVENANCE_TAGS.sourceRegion]: props.source.region,
    };
    return { ...props.freeformTags, ...provenance };
  }

  private addOutputs(props: ImageReplicationProps, layout: StackLayout, waves: ResolvedTarget[][], sourceStack: TerraformStack): void {
    const outputName = `${props.rolloutName}_image_ids`.replace(/-/g, '_');
    const byStack = new Map<TerraformStack, { [k: string]: string }>();
    for (const t of waves.flat()) {
      const stack = layout === StackLayout.SINGLE_STACK ? sourceStack : TerraformStack.of(this.images[t.name]);
      byStack.set(stack, { ...byStack.get(stack), [t.name]: this.imageIds[t.name] });
    }
    for (const [stack, value] of byStack) {
      const scope = stack === sourceStack ? this : stack;
      const output = new TerraformOutput(scope, stack === sourceStack ? 'ImageIds' : `${this.node.id}-image-ids`, {
        value, description: `Imported image OCID per target of rollout ${props.rolloutName}`,
      });
      output.overrideLogicalId(outputName);
    }
  }
}

/** A target as the rollout planned it; its findings and resources are read when the manifest is made. */
interface PlannedTarget extends Omit<RolloutManifestTarget, 'findings' | 'resources'> {
  /** Constructs whose findings and resources belong to the target. */
  readonly scopes: IConstruct[];
}

interface PlannedWave {
  readonly name: string;
  readonly order: number;
  readonly targets: PlannedTarget[];
}

/**
 * What the checks of a scope's stack reported on the scope and its children in the last synth. The findings of
 * each stack are indexed by every ancestor path once, so a rollout of many targets does not filter them per target.
 */
function findingsByScope(): (scope: IConstruct) => RolloutManifestFinding[] {
  const indexes = new Map<IConstruct, Map<string, RolloutManifestFinding[]>>();
  const indexOf = (stack: TerraformStack): Map<string, RolloutManifestFinding[]> => {
    let index = indexes.get(stack);
    if (index) return index;
    index = new Map();
    for (const f of CompatChecks.of(stack).findings) {
      const entry = { rule: f.ruleId, level: f.level, path: f.path, message: f.message, notCheckable: f.notCheckable, acknowledged: f.acknowledged };
      const parts = f.path.split('/');
      for (let i = parts.length; i > 0; i--) {
        const prefix = parts.slice(0, i).join('/');
        const list = index.get(prefix) ?? [];
        if (!index.has(prefix)) index.set(prefix, list);
        list.push(entry);
      }
    }
    indexes.set(stack, index);
    return index;
  };
  return (scope) => [...(indexOf(TerraformStack.of(scope)).get(scope.node.path) ?? [])];
}

function validMaxParallelism(path: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw new OciImageTransferError(path, `maxParallelism is ${value}`, 'use a whole number of at least 1 (the largest -parallelism the manifest may recommend per stack)');
  }
  return value;
}

/**
 * cdktf's default local backend writes an absolute path into every
 * cross-stack reference, so output would differ per machine. A path
 * relative to the stack folder (`cdktf.out/stacks/<name>`) works from
 * sibling stacks too, and keeps synth byte-identical. Stacks with a
 * backend of their own are left alone.
 */
function ensureRelativeBackend(stack: TerraformStack): void {
  if (stack.node.children.some((c) => TerraformBackend.isBackend(c))) return;
  const name = stack.node.id;
  new LocalBackend(stack, { path: `../${name}/terraform.${name}.tfstate` });
}

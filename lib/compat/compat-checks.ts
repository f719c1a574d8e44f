import { join } from 'path';
import { AnnotationMetadataEntryType, DefaultTokenResolver, ISynthesisSession, StringConcat, TerraformOutput, TerraformProvider, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ACKNOWLEDGEMENT_METADATA, addAcknowledgement, findAcknowledgement, MIN_REASON_LENGTH } from './acknowledgements';
import { OciImageTransferError } from '../core/errors';
import { show, text } from '../core/validate';
import { isTransferFactSource, ITransferFactSource, markTransferFactSource } from './fact-source';
import { Finding, FindingLevel } from './finding';
import { isFindingContributor } from './finding-contributor';
import { CompatKnowledge, defaultKnowledge } from './knowledge-set';
import { CompatModel, OutputRecord, ProviderRecord, TransferRecord } from './model';
import { joinConstraints } from './provider-pin';
import { OciProvider } from '../provider/oci-provider';
import { OCI_PROVIDER_VERSION_CONSTRAINT } from '../provider/generator-metadata';
import { ALL_RULES, ruleById } from './registry';
import { transferGraph } from './report/mermaid';
import { CompatReport, ICompatReportWriter } from './report/report-writer';
import { defaultReportWriters, REPORT_JSON, REPORT_MARKDOWN } from './report/writers';
import { failureMessage, QUIET_ENV } from './report/console-report';
import { SupportMatrix } from '../knowledge/support-matrix';
import { ShapeGenerations } from '../knowledge/host-generations';
import { RegionTable } from '../knowledge/regions';

/** @deprecated Use `CompatChecks.REPORT_JSON` and `CompatChecks.REPORT_MARKDOWN` (static members, visible in every jsii language). */
export { REPORT_JSON, REPORT_MARKDOWN };

const CHECKS_ID = 'OciImageCompatChecks';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** A reference to a PAR's secret attributes in a resolved value. */
const PAR_REFERENCE = /oci_objectstorage_preauthrequest\.[\w-]+\.(access_uri|full_path)/;

/**
 * The per-stack compatibility checker. At synth it walks its stack's
 * construct tree, asks each fact source (`ITransferFactSource`: exports,
 * copies, PARs, imports, transit buckets) for what it knows, runs every rule
 * over that model, turns findings into annotations (errors fail
 * `app.synth()`), and hands the report to its writers (Markdown, JSON and a
 * console line unless the program chooses others).
 *
 * It attaches itself to each stack on first use: Aspects added to the App
 * never run in cdktf, so it hooks the stack's own synthesizer instead.
 */
export class CompatChecks extends Construct {
  /** File name of the per-stack JSON report, written next to the stack's `cdk.tf.json`. */
  public static readonly REPORT_JSON: string = REPORT_JSON;
  /** File name of the per-stack Markdown report (with a Mermaid graph of the transfer). */
  public static readonly REPORT_MARKDOWN: string = REPORT_MARKDOWN;
  
  /** The checker of the stack that contains `scope`, created on first use. */
  public static of(scope: IConstruct): CompatChecks {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(CHECKS_ID);
    return existing ? (existing as CompatChecks) : new CompatChecks(stack, CHECKS_ID);
  }

  /**
   * @internal a construct of this library states facts for the checks: it is
   * branded as a fact source and its stack's checker is created, which reads
   * the construct's `_transferRecords()` when it walks the tree at synth.
   */
  public static _addFactSource(source: ITransferFactSource): void {
    markTransferFactSource(source);
    CompatChecks.of(source);
  }

  /**
   * Acknowledge a rule on a construct and its children, with a written reason.
   * The finding stays in the report, marked acknowledged, and no longer fails synth.
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const rule = ruleById(ruleId);
    if (!rule) {
      throw new OciImageTransferError(scope.node.path, `acknowledgement names unknown rule ${show(ruleId)}`,
        `use one of the rule ids in the README rule table (${ALL_RULES.map((r) => r.id).join(', ')})`);
    }
    if (rule.acknowledgeable === false) {
      throw new OciImageTransferError(scope.node.path, `rule ${JSON.stringify(ruleId)} cannot be acknowledged: ${rule.summary}`, 'change the input instead', rule.facts);
    }
    text(scope.node.path, `acknowledgement reason of ${ruleId}`, reason, { required: true, maxChars: 2000, fix: `write a reason of at least ${MIN_REASON_LENGTH} characters, in one line of plain text (it goes into annotations and reports)` });
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new OciImageTransferError(scope.node.path, `acknowledgement of ${ruleId} has reason ${JSON.stringify(reason)}`,
        `write a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding does not apply`);
    }
    addAcknowledgement(scope, ruleId, reason.trim());
  }

  private reportWriters: ICompatReportWriter[] = defaultReportWriters();
  private cached?: { key: string; knowledge: CompatKnowledge; findings: Finding[] };
  private readonly annotated = new Set<string>();
  private knowledge: CompatKnowledge = defaultKnowledge();
  private enabled = true;
  private silent = false;
  private lastFindings: Finding[] = [];

  private constructor(stack: TerraformStack, id: string) {
    super(stack, id);
    const original = stack.synthesizer;
    // Run before the stack's own synthesis so that error annotations fail it.
    stack.synthesizer = {
      synthesize: (session: ISynthesisSession) => {
        this.runAndReport(stack, session);
        original.synthesize(session);
      },
    };
  }

  /** Use another support matrix edition (or a user-extended one) for this stack. */
  public useSupportMatrix(matrix: SupportMatrix): void {
    this.knowledge = { ...this.knowledge, supportMatrix: matrix };
  }

  /** Use another (or user-extended) shape → host generation table for this stack. */
  public useShapeGenerations(table: ShapeGenerations): void {
    this.knowledge = { ...this.knowledge, shapeGenerations: table };
  }

  /** Use another (or user-extended, e.g. a newly launched region) region table for this stack. */
  public useRegions(table: RegionTable): void {
    this.knowledge = { ...this.knowledge, regions: table };
  }

  /** No summary line on the console for this stack (also: environment variable OCI_IMAGE_TRANSFER_QUIET=1). */
  public quiet(): void {
    this.silent = true;
  }

  /** Turn the checks off for this stack (benchmarks, emergencies). No report is written. */
  public disable(): void {
    this.enabled = false;
  }

  /** Add a writer that receives the report at synth, after the ones already set (by default: Markdown, JSON, console line). */
  public addReportWriter(writer: ICompatReportWriter): void {
    this.reportWriters.push(writer);
  }

  /** Replace every report writer of this stack (an empty list writes no report file and no console line). */
  public useReportWriters(writers: ICompatReportWriter[]): void {
    this.reportWriters = [...writers];
  }

  /** @internal the knowledge tables of this stack. */
  public get _knowledge(): CompatKnowledge {
    return this.knowledge;
  }

  /** Findings of the last synth (for tests and tools). */
  public get findings(): Finding[] {
    return this.lastFindings;
  }

  /** Runs every rule and returns the findings, acknowledgements applied, in a stable order. */
  public evaluate(): Finding[] {
    // Cached while nothing that feeds the rules changed (rollout manifests ask once per rollout):
    // the constructs of the stack, the acknowledgements written on them, the knowledge tables.
    const stack = TerraformStack.of(this);
    const all = stack.node.findAll();
    const key = `${all.length}|${all.reduce((n, c) => n + countAcknowledgements(c), 0)}`;
    if (this.cached && this.cached.key === key && this.cached.knowledge === this.knowledge) return this.cached.findings;
    const model = modelOf(stack, all);
    const byPath = new Map<string, IConstruct>(all.map((c) => [c.node.path, c]));
    const findings: Finding[] = [];
    const chains = transferChains(model);
    for (const rule of ALL_RULES) {
      for (const raw of rule.check(model, this.knowledge)) {
        // The construct and its ancestors, then the other steps of the same transfer (export -> copy -> PAR -> import).
        const scopes = [raw.path, ...(chains.get(raw.path) ?? [])].map((p) => byPath.get(p)).filter((c): c is IConstruct => c !== undefined);
        const reason = rule.acknowledgeable === false ? undefined
          : scopes.map((s) => findAcknowledgement(s, rule.id)).find((r) => r !== undefined);
        findings.push({
          ruleId: rule.id,
          level: raw.level ?? rule.level,
          path: raw.path,
          message: raw.message,
          facts: rule.facts,
          notCheckable: raw.notCheckable ?? false,
          acknowledged: reason !== undefined,
          acknowledgedReason: reason,
        });
      }
    }
    // Findings added or decided by contributors (the plan-time checks), in tree order.
    const merged = all.filter(isFindingContributor).reduce((acc, c) => c._contributeFindings(acc, this.knowledge), findings);
    merged.sort((a, b) => (a.path === b.path ? a.ruleId.localeCompare(b.ruleId) : a.path < b.path ? -1 : 1));
    this.cached = { key, knowledge: this.knowledge, findings: merged };
    return merged;
  }

  /**
   * Fails the synth with the findings first. cdktf would also fail on the
   * error annotations, but with its own message and stack trace, and not at
   * all when CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS is set: that setting
   * lets acknowledgeable errors through as annotations, never the others.
   */
  private failOnErrors(stack: TerraformStack, findings: Finding[], reportFile: string, quiet: boolean): void {
    const continueSet = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
    const failing = findings.filter((f) => f.level === FindingLevel.ERROR && !f.acknowledged && (!continueSet || notAcknowledgeable(f)));
    if (failing.length === 0) return;
    const message = failureMessage(stack.node.id, failing, reportFile, continueSet);
    // Printed before Node's own report of the uncaught error, which starts with the line that threw.
    if (!quiet) process.stderr.write(`${message}\n`);
    // The finding is the message (no construct path prefix); the error type trims the trace.
    throw OciImageTransferError.withMessage(message);
  }

  private runAndReport(stack: TerraformStack, session: ISynthesisSession): void {
    mergeProviderPins(stack);
    stack.node.findAll().filter(isFindingContributor).forEach((c) => c._beforeChecks(this.knowledge));
    if (!this.enabled) return;
    const findings = (this.lastFindings = this.evaluate());
    const byPath = new Map<string, IConstruct>(stack.node.findAll().map((c) => [c.node.path, c]));
    for (const f of findings) {
      const target = byPath.get(f.path) ?? stack;
      const text = `${f.ruleId}: ${f.message} [${f.facts.join(', ')}]`;
      // A second synth of the same app must not add the same annotation again.
      const once = `${target.node.path}\0${f.level}\0${f.acknowledged}\0${text}`;
      if (this.annotated.has(once)) continue;
      this.annotated.add(once);
      // Annotations as cdktf writes them, without a stack trace: it would only show the checker's own code (and
      // absolute paths), and capturing one per finding cost a large rollout a fifth of its synth time.
      const annotate = (type: AnnotationMetadataEntryType, message: string) => target.node.addMetadata(type, message, { stackTrace: false });
      if (f.acknowledged) annotate(AnnotationMetadataEntryType.INFO, `${text} (acknowledged: ${f.acknowledgedReason})`);
      else if (f.level === FindingLevel.ERROR) annotate(AnnotationMetadataEntryType.ERROR, text);
      else if (f.level === FindingLevel.WARNING) annotate(AnnotationMetadataEntryType.WARN, text);
      else annotate(AnnotationMetadataEntryType.INFO, text);
    }
    const outdir = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
    const quiet = this.silent || !['', '0', 'false'].includes(process.env[QUIET_ENV] ?? '');
    const files = this.writeReport({
      stackName: stack.node.id, outdir, findings, supportMatrixEdition: this.knowledge.supportMatrix.edition,
      transferGraph: transferGraph(modelOf(stack, stack.node.findAll())), files: [], quiet,
    });
    this.failOnErrors(stack, findings, files[0] ?? outdir, quiet);
  }

  /** Runs the writers in order; each sees the files written before it. Returns every file written. */
  private writeReport(report: CompatReport): string[] {
    const files: string[] = [];
    for (const writer of this.reportWriters) files.push(...(writer.write({ ...report, files: [...files] }) ?? []));
    return files;
  }
}

/** The records of every fact source of the stack, in tree order, then its outputs and providers. */
function modelOf(stack: TerraformStack, all: IConstruct[]): CompatModel {
  const records = all.filter(isTransferFactSource).flatMap((s) => s._transferRecords());
  return groupRecords([...records, ...scanOutputs(stack, all), ...scanProviders(all)]);
}

/** Every output of the stack, and whether it carries a PAR URL (F-55): outputs are made by users, not by us. */
function scanOutputs(stack: TerraformStack, all: IConstruct[]): OutputRecord[] {
  return all.filter((c): c is TerraformOutput => TerraformOutput.isTerraformOutput(c)).map((o) => ({
    kind: 'output' as const,
    path: o.node.path,
    sensitive: o.sensitive === true,
    carriesParUrl: PAR_REFERENCE.test(JSON.stringify(Tokenization.resolve(o.value, { scope: stack, resolver: RESOLVER })) ?? ''),
  }));
}

function countAcknowledgements(c: IConstruct): number {
  return c.node.metadata.reduce((n, m) => (m.type === ACKNOWLEDGEMENT_METADATA ? n + 1 : n), 0);
}

/** Rules whose errors can never be acknowledged: plain misuse that cannot work. */
function notAcknowledgeable(f: Finding): boolean {
  return ruleById(f.ruleId)?.acknowledgeable === false;
}

function groupRecords(records: TransferRecord[]): CompatModel {
  const model: CompatModel = { exports: [], copies: [], pars: [], imports: [], outputs: [], buckets: [], providers: [] };
  for (const r of records) {
    switch (r.kind) {
      case 'export': model.exports.push(r); break;
      case 'copy': model.copies.push(r); break;
      case 'par': model.pars.push(r); break;
      case 'import': model.imports.push(r); break;
      case 'output': model.outputs.push(r); break;
      case 'bucket': model.buckets.push(r); break;
      case 'provider': model.providers.push(r); break;
    }
  }
  return model;
}

/** Every `oci` provider of the stack with the version constraint it writes (OIT008). */
function scanProviders(all: IConstruct[]): ProviderRecord[] {
  return all
    .filter((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'oci')
    .map((p) => ({
      kind: 'provider' as const, path: p.node.path, ours: OciProvider.isOciProvider(p),
      constraint: p.terraformGeneratorMetadata?.providerVersion ?? p.terraformGeneratorMetadata?.providerVersionConstraint,
    }));
}

/**
 * cdktf writes required_providers from each provider in turn, so the last
 * one would win. Write the intersection of every pin instead (the user's
 * first), whatever the construct order; OIT008 reports pins that leave no version.
 */
function mergeProviderPins(stack: TerraformStack): void {
  const providers = scanProviders(stack.node.findAll());
  const theirs = providers.filter((p) => !p.ours && p.constraint).map((p) => p.constraint as string);
  if (theirs.length === 0 || !providers.some((p) => p.ours)) return;
  stack.addOverride('terraform.required_providers.oci.version', joinConstraints([...theirs, OCI_PROVIDER_VERSION_CONSTRAINT]));
}

/**
 * Path -> the other steps of each transfer it is part of. An acknowledgement
 * is written where the user thinks of the finding (often the import, as in
 * the README); the same fact checked on the export or copy of that image is
 * then acknowledged too, instead of failing the rollout on its own.
 */
function transferChains(model: CompatModel): Map<string, string[]> {
  const related = new Map<string, Set<string>>();
  for (const i of model.imports) {
    const chain = [i.path, i.lineage.exportPath, i.lineage.copyPath, i.lineage.parPath].filter((p): p is string => p !== undefined);
    for (const p of chain) {
      const set = related.get(p) ?? new Set<string>();
      chain.filter((q) => q !== p).forEach((q) => set.add(q));
      related.set(p, set);
    }
  }
  return new Map([...related].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Builders for the rule table: every case builds a small program through the
 * public constructs in a fresh App and stack, then reads the findings of the
 * rule under test from `CompatChecks.of(stack).evaluate()`.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  CompatChecks, ImageObjectAttributes, ExportDestination, ExportedImage, ExportedImageProps, Finding, FindingLevel, HostGeneration, ImageObjectCopy,
  ImageObjectCopyProps, ImageReadAccess, ImageReadAccessProps, ImportedImage, ImportedImageProps, ImportSource, IImageObject,
  OciProvider, OciProviderConfig, ParExpiry, PlanTimeChecks, SourceImage, TransitBucket, TransitBucketProps,
} from '../../../lib';
import { newApp } from '../../support/synth';

export const STACK_ID = 'case';
export const TENANCY_A = 'ocid1.tenancy.oc1..aaaaaaaasource';
export const TENANCY_B = 'ocid1.tenancy.oc1..aaaaaaaatarget';
export const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaacompartment';
export const IMAGE_ID = 'ocid1.image.oc1.phx.aaaaaaaaimage';
export const PHOENIX = 'us-phoenix-1';
export const ASHBURN = 'us-ashburn-1';

/** A plain Object Storage URL and PAR URLs in Ashburn (F-50, F-51). */
export const objectUrl = (object: string) => `https://objectstorage.${ASHBURN}.oraclecloud.com/n/ns/b/images/o/${object}`;
export const parUrl = (object?: string) =>
  `https://objectstorage.${ASHBURN}.oraclecloud.com/p/AbCdEfToken123/n/ns/b/images/${object === undefined ? '' : `o/${object}`}`;

/** RFC 3339 time `hours` from now (for PAR expiries that must be in the future). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A fresh App and stack with providers for two regions of tenancy A and one region of tenancy B. */
export class World {
  public readonly app: App;
  public readonly stack: TerraformStack;
  /** Phoenix, tenancy A (the source side). */
  public readonly phx: OciProvider;
  /** Ashburn, tenancy A (the copy/import side of a cross-region move). */
  public readonly ash: OciProvider;
  /** Ashburn, tenancy B (the import side of a cross-tenancy move). */
  public readonly other: OciProvider;
  private sharedExportBucket?: TransitBucket;

  constructor() {
    // Set by the cdktf CLI for its child process; it would turn failing synths into warnings.
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    this.app = newApp();
    this.stack = new TerraformStack(this.app, STACK_ID);
    // The table checks what each rule decides at synth; test/plan-checks covers the plan-time checks.
    PlanTimeChecks.disable(this.stack);
    // Default provider, so resources without an explicit provider still validate at synth.
    new OciProvider(this.stack, 'oci', { region: PHOENIX, tenancyOcid: TENANCY_A });
    this.phx = this.provider('phx', { region: PHOENIX, tenancyOcid: TENANCY_A });
    this.ash = this.provider('ash', { region: ASHBURN, tenancyOcid: TENANCY_A });
    this.other = this.provider('other', { region: ASHBURN, tenancyOcid: TENANCY_B, configFileProfile: 'TARGET' });
  }

  /** An aliased provider. */
  public provider(alias: string, config: OciProviderConfig = {}): OciProvider {
    return new OciProvider(this.stack, alias, { alias, ...config });
  }

  /** A string (or number) known only at apply. */
  public token(name: string): string {
    return new TerraformVariable(this.stack, name, { type: 'string' }).stringValue;
  }

  public numberToken(name: string): number {
    return new TerraformVariable(this.stack, name, { type: 'number' }).numberValue;
  }

  /** A transit bucket, in Phoenix unless another provider is given. */
  public bucket(id = 'ExportBucket', props: Partial<TransitBucketProps> = {}): TransitBucket {
    return new TransitBucket(this.stack, id, { compartmentId: COMPARTMENT, provider: this.phx, ...props });
  }

  /** The Phoenix bucket every default export writes to. */
  public exportBucket(): TransitBucket {
    return (this.sharedExportBucket ??= this.bucket());
  }

  /**
   * Exports an Oracle Linux 8 custom image built on X7 from Phoenix to a
   * Phoenix bucket (the compliant default of every export fact).
   */
  public export(props: Partial<Omit<ExportedImageProps, 'image'>> & { image?: Partial<SourceImage> } = {}, id = 'Export'): ExportedImage {
    const { image, ...rest } = props;
    return new ExportedImage(this.stack, id, {
      image: { imageId: IMAGE_ID, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7, ...image },
      destination: rest.destination ?? ExportDestination.toBucket(this.exportBucket()),
      provider: this.phx,
      ...rest,
    });
  }

  /** An object exported elsewhere, in a Phoenix bucket unless told otherwise. */
  public existing(props: Partial<ImageObjectAttributes> = {}, id = 'Existing'): IImageObject {
    return ExportedImage.fromImageObjectAttributes(this.stack, id, {
      namespaceName: 'ns', bucketName: 'images', objectName: 'images/golden.oci', region: PHOENIX, ...props,
    });
  }

  /** Copies an object to Ashburn into a new bucket. */
  public copy(source: IImageObject, props: Partial<ImageObjectCopyProps> = {}, id = 'Copy'): ImageObjectCopy {
    return new ImageObjectCopy(this.stack, id, { source, provider: this.ash, compartmentId: COMPARTMENT, ...props });
  }

  /** A read-only PAR, expiring two days after the apply. */
  public par(object: IImageObject, props: Partial<ImageReadAccessProps> = {}, id = 'ReadAccess'): ImageReadAccess {
    return new ImageReadAccess(this.stack, id, { imageObject: object, expiry: ParExpiry.afterDays(2), ...props });
  }

  /** Imports in Ashburn, tenancy A. */
  public import(source: ImportSource, props: Partial<ImportedImageProps> = {}, id = 'Import'): ImportedImage {
    return new ImportedImage(this.stack, id, { compartmentId: COMPARTMENT, source, provider: this.ash, ...props });
  }

  /** Findings of every rule, without synth. */
  public evaluate(): Finding[] {
    return CompatChecks.of(this.stack).evaluate();
  }

  /** Full construct path of a stack-relative path. */
  public path(relative: string): string {
    return `${this.stack.node.path}/${relative}`;
  }
}

/** What one finding of the rule under test must look like. */
export interface ExpectedFinding {
  /** Construct path relative to the stack. */
  readonly path: string;
  readonly level: FindingLevel;
  readonly notCheckable: boolean;
  /** Texts the message must contain: the bad value, and "Fix:" for findings that are not "not checkable". */
  readonly contains: string[];
}

/** One row of the rule table. */
export interface RuleCase {
  readonly rule: string;
  readonly title: string;
  readonly build: (w: World) => void;
  /** Exactly the findings of `rule` the program must produce; empty = compliant. */
  readonly expected: ExpectedFinding[];
  /** Also synthesize: compliant → succeeds; an unacknowledged error → `app.synth()` throws naming the rule and path. */
  readonly synth?: boolean;
}

export type CaseKind = 'compliant' | 'fires' | 'not-checkable';

export function kindOf(c: RuleCase): CaseKind {
  if (c.expected.length === 0) return 'compliant';
  return c.expected.every((e) => e.notCheckable) ? 'not-checkable' : 'fires';
}

/** A finding the rule raises with the given level; the message must contain the texts and a "Fix:". */
export function fires(path: string, level: FindingLevel, ...contains: string[]): ExpectedFinding {
  return { path, level, notCheckable: false, contains: [...contains, 'Fix:'] };
}

export const error = (path: string, ...contains: string[]) => fires(path, FindingLevel.ERROR, ...contains);
export const warning = (path: string, ...contains: string[]) => fires(path, FindingLevel.WARNING, ...contains);
export const info = (path: string, ...contains: string[]) => fires(path, FindingLevel.INFO, ...contains);

/** A "not checkable at synth" note: level info, notCheckable true. */
export function notCheckable(path: string, ...contains: string[]): ExpectedFinding {
  return { path, level: FindingLevel.INFO, notCheckable: true, contains: ['not checkable at synth', ...contains] };
}

/** Builds a case table for one rule. */
export function casesFor(rule: string, rows: Array<Omit<RuleCase, 'rule'>>): RuleCase[] {
  return rows.map((r) => ({ rule, ...r }));
}

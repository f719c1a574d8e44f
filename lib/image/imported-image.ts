import { createHash } from 'crypto';
import { Lazy, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { sameStackDependencies } from './dependencies';
import { CompatChecks } from '../compat/compat-checks';
import { ITransferFactSource } from '../compat/fact-source';
import { ImportRecord } from '../compat/model';
import { OciImageTransferError } from '../core/errors';
import { AuthMode } from '../knowledge/auth-modes';
import { ExportFormat, ImageImportType, LaunchMode, LaunchModeDefaults } from '../knowledge/formats';
import { ShapeGenerations } from '../knowledge/host-generations';
import { WindowsEdition } from '../knowledge/operating-system';
import { CoreComputeImageCapabilitySchema, CoreImage, CoreImageImageSourceDetails, CoreShapeManagement } from '../provider';
import { ObjectStorageUrl } from '../storage-url';
import { lineageOf } from './lineage';
import { replaceWhenSourceChanges, sourceVersionMarker } from './source-version';
import { CpuArchitecture } from './source-image';
import { ImportSource, ImportSourceConfig } from './import-source';
import { defaultOciProvider, providerAuthMode, providerRegion } from './provider-facts';
import { compareTenancy } from './tenancy';
import { checkImportedImageProps } from './prop-checks';
import { tryParseStorageUrl } from '../storage-url/try-parse';
import { checkImportAtPlan } from '../plan-checks/plan-checks';
import { isUnresolved } from '../core/tokens';
import { frozenArray } from '../core/collections';

/** Capability schema of an imported image (F-65). */
export interface ImageCapabilitySchema {
  /** `compute_global_image_capability_schema_version_name`. */
  readonly globalSchemaVersionName: string;
  /** Capability name → JSON string (F-65: a map of strings, not a block). */
  readonly schemaData: { [key: string]: string };
}

/** Props of `ImportedImage`. */
export interface ImportedImageProps {
  /** Compartment OCID of the new image. */
  readonly compartmentId: string;
  /** Where to read the image: `ImportSource.fromObject/fromPar/fromUrl`. */
  readonly source: ImportSource;
  /** Provider of the target region and tenancy. @default the stack's default `oci` provider */
  readonly provider?: TerraformProvider;
  /** Target region, for the checks. @default the provider's `region` */
  readonly region?: string;
  /** @default the construct path */
  readonly displayName?: string;
  /** OCI, QCOW2 or VMDK (F-11). @default the export format when the source is an export, else the URL's file extension */
  readonly importType?: ImageImportType;
  /** e.g. `Oracle Linux`, `Windows`. @default the source image's, else unset */
  readonly operatingSystem?: string;
  /** e.g. `8`, `Server 2019`. @default the source image's, else unset */
  readonly operatingSystemVersion?: string;
  /** Windows edition; must match the image (F-33). @default the source image's */
  readonly windowsEdition?: WindowsEdition;
  /** @default F-12: none for OCI; NATIVE for a QCOW2 exported from OCI; PARAVIRTUALIZED otherwise */
  readonly launchMode?: LaunchMode;
  /** You have set RealTimeIsUniversal=1 in the Windows image (F-34). @default false */
  readonly windowsRealTimeIsUniversalSet?: boolean;
  /** Shapes to mark compatible: one `oci_core_shape_management` each (F-64). @default none */
  readonly compatibleShapes?: string[];
  /** @default none */
  readonly capabilitySchema?: ImageCapabilitySchema;
  /** CPU architecture of the image, for the Arm check (F-43). @default the source image's, else unknown */
  readonly architecture?: CpuArchitecture;
  /** Image size in GB, for the F-14 check. @default the source image's */
  readonly sizeInGbs?: number;
  /** The source is in another tenancy. @default compared from the providers' tenancy_ocid when both are literals, else unknown */
  readonly crossTenancy?: boolean;
  /** Auth mode of the import's provider; with `needsPar` modes a bucket tuple source fails (F-53). @default the provider's `auth` */
  readonly authMode?: AuthMode;
  /** The apply runs as a federated user (F-53). @default false */
  readonly federatedUser?: boolean;
  /** Create timeout: the provider waits for AVAILABLE (F-23, F-60). @default 180 */
  readonly createTimeoutMinutes?: number;
  readonly freeformTags?: { [key: string]: string };
  /** Defined tags, keys `Namespace.key` (F-70). */
  readonly definedTags?: { [key: string]: string };
}

/** Default create timeout of an import (the provider's own default is 2 h, F-60). */
/** @deprecated Use `ImportedImage.DEFAULT_TIMEOUT_MINUTES` (a static member, visible in every jsii language). */
export const DEFAULT_IMPORT_TIMEOUT_MINUTES = 180;

/**
 * Imports a custom image from Object Storage (`oci_core_image`). Later
 * changes to `image_source_details` are ignored, so a rotated PAR URL or a
 * cleaned-up transit object never replaces the image (F-61, F-80).
 */
export class ImportedImage extends Construct implements ITransferFactSource {
  /** Default create timeout of the image import, in minutes. */
  public static readonly DEFAULT_TIMEOUT_MINUTES: number = DEFAULT_IMPORT_TIMEOUT_MINUTES;

  public readonly image: CoreImage;
  /** OCID of the imported image. */
  public readonly imageId: string;
  /** One `oci_core_shape_management` per compatible shape; a frozen array. */
  public readonly shapes: CoreShapeManagement[];
  private readonly record?: () => ImportRecord;

  constructor(scope: Construct, id: string, props: ImportedImageProps) {
    super(scope, id);
    const path = this.node.path;
    checkImportedImageProps(path, props, ImportSource.isImportSource);
    const source = props.source.bind(this);
    const lineage = source.origin ? lineageOf(source.origin) : {};
    const image = lineage.image ?? {};
    const retained = source.sourceDetails === undefined;
    // A non-importable export format (VHD, VDI) is kept as is and reported by rule OIT011 (F-11).
    const importTypeValue = retained ? undefined : props.importType?.value ?? inferImportType(path, source, lineage.exportFormat);
    const importType = importTypeValue ? ImageImportType.tryOf(importTypeValue) : undefined;
    const exportedFromOci = lineage.exportedFromOci === true;
    // F-35: Windows imports and AMD/Arm targets run paravirtualized, so they never default to NATIVE.
    // Which shapes are AMD/Arm is the stack's table (CompatChecks.useShapeGenerations, read at synth):
    // the same table decides the default and rule OIT036's check of it.
    const windows = /windows/i.test(props.operatingSystem ?? image.operatingSystem ?? '');
    const knownShapes = (props.compatibleShapes ?? []).filter((s) => !isUnresolved(s));
    const ociDefault = importType ? LaunchModeDefaults.forImport(importType, exportedFromOci) : undefined;
    const modeWith = (table: ShapeGenerations | undefined): LaunchMode | undefined => {
      if (retained) return undefined;
      const needsPv = windows || (table !== undefined && knownShapes.some((s) => table.isAmd(s) || table.isArm(s)));
      return props.launchMode ?? (ociDefault && needsPv ? LaunchMode.PARAVIRTUALIZED : ociDefault);
    };
    const tableDecides = !retained && !props.launchMode && ociDefault !== undefined && ociDefault !== LaunchMode.PARAVIRTUALIZED
      && !windows && knownShapes.length > 0;
    const launchModeAtSynth = () => modeWith(tableDecides ? CompatChecks.of(this)._knowledge.shapeGenerations : undefined)?.value;
    const os = props.operatingSystem ?? image.operatingSystem;
    const osVersion = props.operatingSystemVersion ?? image.operatingSystemVersion;
    const edition = props.windowsEdition?.value ?? image.windowsEdition;
    const timeout = props.createTimeoutMinutes ?? DEFAULT_IMPORT_TIMEOUT_MINUTES;

    const details: CoreImageImageSourceDetails | undefined = source.sourceDetails && {
      ...source.sourceDetails,
      // F-13: an .oci file leaves source_image_type unset.
      sourceImageType: importTypeValue === 'OCI' ? undefined : importTypeValue,
      operatingSystem: os,
      operatingSystemVersion: windowsVersion(os, osVersion, edition),
    };
    this.image = new CoreImage(this, 'Image', {
      provider: props.provider,
      compartmentId: props.compartmentId,
      displayName: props.displayName ?? defaultDisplayName(path),
      launchMode: tableDecides ? Lazy.stringValue({ produce: launchModeAtSynth }) : launchModeAtSynth(),
      imageSourceDetails: details,
      freeformTags: props.freeformTags,
      definedTags: props.definedTags,
      timeouts: { create: `${timeout}m` },
      dependsOn: sameStackDependencies(this, source.dependables),
      // F-61: a rotated PAR or a cleaned-up transit object must never replace the image;
      // a new source image does (source-version.ts).
      lifecycle: { ignoreChanges: ['image_source_details'], ...replaceWhenSourceChanges(retained ? undefined : sourceVersionMarker(this, lineage)) },
    });
    this.imageId = this.image.id;
    // Frozen: a public collection is read, never changed by the caller (jsii has no ReadonlyArray).
    this.shapes = frozenArray((props.compatibleShapes ?? []).map((shape, index) =>
      // A token cannot be part of a construct id.
      new CoreShapeManagement(this, isUnresolved(shape) ? `Shape${index}` : `Shape-${shape}`, {
        provider: props.provider, compartmentId: props.compartmentId, imageId: this.imageId, shapeName: shape,
      })));
    if (props.capabilitySchema) {
      new CoreComputeImageCapabilitySchema(this, 'Capabilities', {
        provider: props.provider,
        compartmentId: props.compartmentId,
        imageId: this.image.id,
        computeGlobalImageCapabilitySchemaVersionName: props.capabilitySchema.globalSchemaVersionName,
        schemaData: props.capabilitySchema.schemaData,
      });
    }

    // Without a provider the import runs with the stack's default one: read the facts from it, and say so (OIT007).
    // Looked up only when needed: a search of the stack per import is quadratic in a large rollout.
    const needsFallback = !props.provider || (!source.sourceProvider && source.origin !== undefined);
    const fallback = needsFallback ? defaultOciProvider(this) : undefined;
    const targetProvider = props.provider ?? fallback;
    const sourceProvider = source.sourceProvider ?? (source.origin ? fallback : undefined);
    const tenancy = source.origin ? compareTenancy(sourceProvider, targetProvider, lineage.sourceTenancy) : {};
    const crossTenancy = props.crossTenancy ?? tenancy.cross;
    if (retained) return;
    checkImportAtPlan(this, this.image, lineage.exportPath, { operatingSystem: os, operatingSystemVersion: osVersion, windowsEdition: edition, sizeInGbs: props.sizeInGbs ?? image.sizeInGbs,
      architecture: props.architecture ?? image.architecture, hostGeneration: image.hostGeneration, described: image.imageId !== undefined,
      get launchMode() { return launchModeAtSynth(); } }, this.shapes);
    const record: ImportRecord = {
      kind: 'import', path, sourceKind: source.sourceKind, sourceUrl: source.url,
      bucketLevelPar: source.url !== undefined && !isUnresolved(source.url)
        && ObjectStorageUrl.isParUrl(source.url) && isBucketLevel(source.url),
      lineage, compartmentId: props.compartmentId, targetRegion: props.region ?? providerRegion(targetProvider), crossTenancy,
      differingProfiles: props.crossTenancy === undefined ? tenancy.differingProfiles : undefined,
      providerGiven: props.provider !== undefined, defaultProviderRegion: props.provider ? undefined : providerRegion(fallback),
      importType: importTypeValue, launchModeSet: props.launchMode?.value, launchMode: launchModeAtSynth(),
      operatingSystem: os, operatingSystemVersion: osVersion, windowsEdition: edition,
      realTimeIsUniversal: props.windowsRealTimeIsUniversalSet, sizeInGbs: props.sizeInGbs ?? image.sizeInGbs,
      architecture: props.architecture ?? image.architecture, shapes: props.compatibleShapes ?? [], definedTags: props.definedTags, createTimeoutMinutes: timeout,
      authMode: (props.authMode ?? providerAuthMode(path, targetProvider))?.value, federatedUser: props.federatedUser,
    };
    this.record = () => ({ ...record, launchMode: launchModeAtSynth() });
    CompatChecks._addFactSource(this);
  }

  /** @internal what the checks read of this import (its default launch mode is decided at synth). */
  public _transferRecords(): ImportRecord[] {
    return this.record ? [this.record()] : [];
  }
}

/** F-11: the import type follows the export format, else the file extension; never a guess. */
function inferImportType(path: string, source: ImportSourceConfig, exportFormat: string | undefined): string | undefined {
  if (exportFormat) return exportFormat;
  const name = source.objectName ?? source.url;
  const known = name && !isUnresolved(name);
  // URL shape first (rule OIT050 reports a malformed URL at synth): nothing is inferred from a malformed URL.
  if (known && source.objectName === undefined && !tryParseStorageUrl(name)) return undefined;
  const format = known ? ExportFormat.tryFromObjectName(name) : undefined;
  if (format) return format.value;
  throw new OciImageTransferError(path, `the import type cannot be told from the source ${known ? JSON.stringify(ObjectStorageUrl.describe(name)) : '(a token)'}`,
    'set importType: ImageImportType.OCI, QCOW2 or VMDK', ['F-11', 'F-13']);
}

/** Windows versions carry the edition, as the console writes them (F-33). */
function windowsVersion(os: string | undefined, version: string | undefined, edition: string | undefined): string | undefined {
  if (!version || !edition || isUnresolved(version) || !/windows/i.test(os ?? '')) return version;
  const withServer = /^server/i.test(version) ? version : `Server ${version}`;
  return new RegExp(edition, 'i').test(withServer) ? withServer : `${withServer} ${edition.charAt(0)}${edition.slice(1).toLowerCase()}`;
}

/** A well-formed PAR URL without /o/<object> (F-52); a malformed one is left to rule OIT050. */
function isBucketLevel(url: string): boolean {
  const parts = tryParseStorageUrl(url);
  return parts !== undefined && parts.objectName === undefined;
}

/** OCI display names hold at most 255 characters: a deeper construct path keeps its end and a digest of the whole. */
function defaultDisplayName(path: string): string {
  if (path.length <= 255) return path;
  const digest = createHash('sha256').update(path).digest('hex').slice(0, 8);
  return `${digest}-${path.slice(path.length - 246)}`;
}

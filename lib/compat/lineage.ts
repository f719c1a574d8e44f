/**
 * What is known of an image object's history, carried by the object itself
 * (`IImageObject.lineage`) so that each next step (copy, PAR, import) and its
 * checks see the whole chain. Any value may be a token.
 */

/** What is known of the image being moved (enum-like values as their strings). */
export interface SourceImageFacts {
  /** OCID of the source image. @default unknown */
  readonly imageId?: string;
  /** Region of the source image. @default unknown */
  readonly region?: string;
  /** e.g. `Oracle Linux`. @default unknown */
  readonly operatingSystem?: string;
  /** e.g. `8`. @default unknown */
  readonly operatingSystemVersion?: string;
  /** ImageOrigin value: CUSTOM, PLATFORM, MARKETPLACE, MARKETPLACE_DERIVED, BYOI. @default unknown */
  readonly origin?: string;
  /** HostGeneration value of the host the image was built on: X5, X6, X7. @default unknown */
  readonly hostGeneration?: string;
  /** Image size in GB. @default unknown */
  readonly sizeInGbs?: number;
  /** x86_64 or aarch64. @default unknown */
  readonly architecture?: string;
  /** WindowsEdition value. @default unknown */
  readonly windowsEdition?: string;
}

/** The chain an image object went through: export, copy, PAR. */
export interface ImageLineage {
  /** What is known of the source image. @default nothing known */
  readonly image?: SourceImageFacts;
  /** Export format, when the object came from an export (F-10). @default not from a known export */
  readonly exportFormat?: string;
  /** Construct path of the export. @default not from a known export */
  readonly exportPath?: string;
  /** Region of the exported image. @default unknown */
  readonly exportRegion?: string;
  /** Construct path of the last copy on the way. @default no copy */
  readonly copyPath?: string;
  /** Construct path of the PAR on the way. @default no PAR */
  readonly parPath?: string;
  /** The object's region as it reaches the next step. @default unknown */
  readonly objectRegion?: string;
  /** True when the object is known to come from an OCI export (so QCOW2 → NATIVE, F-12). @default false */
  readonly exportedFromOci?: boolean;
  /** Tenancy OCID of the source side, when its provider states it. @default unknown */
  readonly sourceTenancy?: string;
  /** Expiry of the PAR on the way as a duration in hours (F-54). @default no duration */
  readonly parExpiryHours?: number;
  /** Expiry of the PAR on the way as an RFC 3339 time (F-54). @default no absolute time */
  readonly parExpiresAt?: string;
}

/**
 * What constructs know about a transfer: each fact source
 * (`ITransferFactSource`, fact-source.ts) returns its records when the
 * checker walks the stack at synth, and the rules read them grouped by kind.
 * Internal: not part of the jsii surface.
 * A value may be a token (known only at apply); rules must check that with
 * `isUnresolved` before reading it.
 */

import { ImageLineage, SourceImageFacts } from './lineage';

export { SourceImageFacts };

/** The chain a source went through before the import (`IImageObject.lineage`). */
export type LineageFacts = ImageLineage;

/** Where a transfer step runs and how its provider authenticates. */
export interface CallerFacts {
  /** Provider `auth` value (F-68); undefined when the provider is not ours or unset. */
  readonly authMode?: string;
  /** The user declared that a federated user runs the apply (F-53). */
  readonly federatedUser?: boolean;
}

export interface ExportRecord extends CallerFacts {
  readonly kind: 'export';
  readonly path: string;
  readonly image: SourceImageFacts;
  readonly format: string;
  /** `bucket` (tuple), `url` (plain object URL) or `par`. */
  readonly destinationKind: string;
  readonly destinationRegion?: string;
  readonly destinationUrl?: string;
  readonly objectName?: string;
  /** Export made elsewhere (`ExportedImage.fromImageObjectAttributes`). */
  readonly existing: boolean;
}

export interface CopyRecord {
  readonly kind: 'copy';
  readonly path: string;
  readonly upstreamPath?: string;
  readonly sourceRegion?: string;
  readonly targetRegion?: string;
  readonly namespace: string;
  readonly bucket: string;
  readonly objectName: string;
  readonly createTimeoutMinutes: number;
}

export interface ParRecord {
  readonly kind: 'par';
  readonly path: string;
  readonly upstreamPath?: string;
  readonly accessType: string;
  /** `absolute` or `duration`. */
  readonly expiryKind: string;
  /** RFC 3339 time for `absolute`. */
  readonly expiresAt?: string;
  /** Hours for `duration`. */
  readonly expiryHours?: number;
  readonly region?: string;
  /** True when the PAR covers a whole bucket, not one object (F-52). */
  readonly bucketLevel: boolean;
  /** The region is a token and no realm domain was given, so the URL uses the commercial realm's domain (F-50). */
  readonly realmDomainAssumed?: boolean;
  readonly objectName?: string;
}

export interface ImportRecord extends CallerFacts {
  readonly kind: 'import';
  readonly path: string;
  /** `tuple`, `url` or `par`. */
  readonly sourceKind: string;
  readonly sourceUrl?: string;
  /** True when the source is a bucket-level PAR with no object name (F-52). */
  readonly bucketLevelPar?: boolean;
  readonly lineage: LineageFacts;
  readonly compartmentId: string;
  readonly targetRegion?: string;
  /** true/false when known; undefined when the tenancies cannot be compared at synth. */
  readonly crossTenancy?: boolean;
  /** Config profiles of the source and target providers, when tenancy is undecided and they differ. */
  readonly differingProfiles?: string[];
  /** False when no provider was passed: the import runs with the stack's default `oci` provider. */
  readonly providerGiven?: boolean;
  /** Region of the stack's default provider, when no provider was passed. */
  readonly defaultProviderRegion?: string;
  /** OCI, QCOW2 or VMDK (F-11); the value the user asked for. */
  readonly importType?: string;
  /** Launch mode the user set explicitly (undefined when defaulted). */
  readonly launchModeSet?: string;
  /** Launch mode that will be synthesized (after F-12 defaults). */
  readonly launchMode?: string;
  readonly operatingSystem?: string;
  readonly operatingSystemVersion?: string;
  readonly windowsEdition?: string;
  readonly realTimeIsUniversal?: boolean;
  readonly sizeInGbs?: number;
  /** x86_64 or aarch64, when stated (on the import or its source image). */
  readonly architecture?: string;
  readonly shapes: string[];
  readonly definedTags?: { [key: string]: string };
  readonly createTimeoutMinutes: number;
}

export interface OutputRecord {
  readonly kind: 'output';
  readonly path: string;
  readonly sensitive: boolean;
  readonly carriesParUrl: boolean;
}

export interface BucketRecord {
  readonly kind: 'bucket';
  readonly path: string;
  readonly region?: string;
  readonly bucketName: string;
  readonly expireAfterDays?: number;
  /** Paths of copies that land in this bucket (lifecycle + re-read copies = unsafe, F-81). */
  readonly copyPaths: string[];
  readonly definedTags?: { [key: string]: string };
}

/** An `oci` provider of the stack and the version constraint it writes to required_providers. */
export interface ProviderRecord {
  readonly kind: 'provider';
  readonly path: string;
  readonly constraint?: string;
  /** The library's own `OciProvider`, as opposed to one the user generated. */
  readonly ours: boolean;
}

export type TransferRecord = ExportRecord | CopyRecord | ParRecord | ImportRecord | OutputRecord | BucketRecord | ProviderRecord;

/** Everything recorded in one stack, grouped by kind for the rules. */
export interface CompatModel {
  readonly exports: ExportRecord[];
  readonly copies: CopyRecord[];
  readonly pars: ParRecord[];
  readonly imports: ImportRecord[];
  readonly outputs: OutputRecord[];
  readonly buckets: BucketRecord[];
  readonly providers: ProviderRecord[];
}

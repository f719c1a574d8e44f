import { PrincipalType } from '../knowledge/principal-types';
import { TerraformProvider } from 'cdktf';
import { ExportFormat } from '../knowledge/formats';
import { HostGeneration } from '../knowledge/host-generations';
import { WindowsEdition } from '../knowledge/operating-system';
import { OciProviderConfig } from '../provider';
import { CpuArchitecture, ImageOrigin } from '../image/source-image';
import { ITransitBucket } from '../image/transit-bucket';
import { ParExpiry } from '../image/par-expiry';
import { StackLayout } from './stack-layout';

/**
 * The image to roll out. It repeats `SourceImage`'s fields instead of
 * extending it because `region` is required here, and jsii forbids
 * re-declaring an inherited member (JSII5015).
 */
export interface ReplicationSource {
  /** Image OCID (may be a token). */
  readonly imageId: string;
  /** Region of the image. */
  readonly region: string;
  /** Compartment of the export bucket. */
  readonly compartmentId: string;
  /** Provider of the source region, in the scope's stack. @default one is created from `providerConfig` */
  readonly provider?: TerraformProvider;
  /** Settings of the provider created when `provider` is not given. @default `{ region }` */
  readonly providerConfig?: OciProviderConfig;
  /** Export bucket. @default a new `TransitBucket` in the source region */
  readonly exportBucket?: ITransitBucket;
  readonly operatingSystem?: string;
  readonly operatingSystemVersion?: string;
  readonly windowsEdition?: WindowsEdition;
  /** @default ImageOrigin.CUSTOM */
  readonly origin?: ImageOrigin;
  readonly hostGeneration?: HostGeneration;
  readonly sizeInGbs?: number;
  /** @default CpuArchitecture.X86_64 */
  readonly architecture?: CpuArchitecture;
}

/** One region (and tenancy) to import the image into. */
export interface ReplicationTarget {
  /** Target name, unique in the rollout; used in paths, waves and outputs. @default the region */
  readonly name?: string;
  readonly region: string;
  /** Compartment of the imported image (and of the target's transit bucket). */
  readonly compartmentId: string;
  /**
   * Provider of this region/tenancy. Only with `StackLayout.SINGLE_STACK`, because a
   * provider belongs to one stack. @default one is created from `providerConfig`
   */
  readonly provider?: TerraformProvider;
  /** Settings of the provider created for this target (credentials/profile of another tenancy). @default `{ region }` */
  readonly providerConfig?: OciProviderConfig;
  /** The target is in another tenancy: the image goes by PAR (F-03). @default false */
  readonly otherTenancy?: boolean;
  /**
   * Import straight from a PAR on the source-region object, without a copy (F-04).
   * Same-tenancy targets only; other tenancies always use a PAR. @default false
   */
  readonly directFromPar?: boolean;
  /** Why the source region is also a target (required in that case: it needs no transfer at all). */
  readonly sourceRegionReason?: string;
  /** Transit bucket in the target region. @default a new `TransitBucket` */
  readonly transitBucket?: ITransitBucket;
  /** KMS key of the created transit bucket. @default Oracle-managed keys */
  readonly kmsKeyId?: string;
  /** Shapes to mark compatible with the imported image. @default none */
  readonly compatibleShapes?: string[];
  readonly freeformTags?: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
}

/** An ordered group of targets; each wave waits for the previous one. */
export interface ReplicationWave {
  readonly name: string;
  /** Target names (or regions, when targets have no name). */
  readonly targets: string[];
}

/** Least-privilege IAM statements for the rollout (optional). */
export interface ReplicationIamOptions {
  /** Compartment (usually the tenancy) that holds the policy. */
  readonly policyCompartmentId: string;
  /** Group (or `dynamic-group`) that runs `terraform apply`, e.g. `image-publishers`. */
  readonly principal: string;
  /** Whether `principal` is a group or a dynamic group. @default PrincipalType.GROUP */
  readonly principalType?: PrincipalType;
}

/** Props of `ImageReplication`. */
export interface ImageReplicationProps {
  /** Rollout name: used in tags, outputs, stack and file names. */
  readonly rolloutName: string;
  readonly source: ReplicationSource;
  readonly targets: ReplicationTarget[];
  /** @default one wave holding every target */
  readonly waves?: ReplicationWave[];
  /** @default StackLayout.SINGLE_STACK */
  readonly stackLayout?: StackLayout;
  /** @default ExportFormat.OCI (F-05) */
  readonly exportFormat?: ExportFormat;
  /** Expiry of the PARs made for other tenancies or direct imports. @default ParExpiry.afterDays(3) */
  readonly parExpiry?: ParExpiry;
  /** @default 480 */
  readonly copyTimeoutMinutes?: number;
  /** @default 180 */
  readonly importTimeoutMinutes?: number;
  /** Tags on every created resource that takes tags. @default none */
  readonly freeformTags?: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
  /** Add provenance tags (source image, source region, rollout). @default true */
  readonly provenanceTags?: boolean;
  /** @default no IAM policy */
  readonly iam?: ReplicationIamOptions;
  /**
   * This image version is retired: keep the imported images, drop every
   * transit artifact (export, copies, PARs, transit buckets). Resource
   * addresses of the images do not change, so nothing is replaced.
   * @default false
   */
  readonly retired?: boolean;
  /**
   * Same-tenancy copy targets use one transit bucket per stack, provider and
   * compartment, shared with every other rollout in the stack that sets this,
   * instead of a bucket per rollout and target. Each bucket costs two reads
   * in every plan (F-85); with many images this is most of a no-op plan.
   * A shared bucket has no provenance tags (it serves many versions).
   * @default false
   */
  readonly shareTransitBuckets?: boolean;
  /**
   * Ceiling of the `-parallelism` the rollout manifest recommends per stack
   * (`pipeline.parallelism`). Without it the manifest gives every export,
   * copy and import that may run at once a slot. OCI documents no fixed
   * number of concurrent imports or copies for commercial regions and
   * answers excess calls with 429, which the provider retries with backoff;
   * Compute Cloud@Customer documents 10 concurrent image imports. Set this
   * when your tenancy's limits are lower than the rollout's width.
   * @default no ceiling
   */
  readonly maxParallelism?: number;
  /** Command that runs the export runner at apply. @default `npx --no-install oci-image-export` */
  readonly exportRunnerCommand?: string;
}

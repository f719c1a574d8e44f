import { Fn, ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { ExportFormat } from '../knowledge/formats';
import { RUNNER_FLAGS } from '../export/runner-contract';
import { TerraformData } from '../provider/terraform-data';
import { ObjectStorageUrl } from '../storage-url';
import { ExportDestination } from './export-destination';
import { ExportRunner } from './export-runner';
import { addExportTeardown } from './export-teardown';
import { IImageObject } from './image-object';
import { setLineage } from './lineage';
import { previousExportStep, recordExportStep } from './export-serialization';
import { runnerTiming } from './export-timing';
import { defaultObjectName } from './names';
import { providerAuth, providerRegion, providerTenancy } from './provider-facts';
import { SourceImage } from './source-image';
import { sourceImageFacts } from './source-image-facts';
import { checkExistingExportProps, checkExportedImageProps } from '../core/prop-checks';
import { tryParseStorageUrl } from '../core/validate';
import { readSourceImageAtPlan } from '../plan-checks/plan-checks';
import { isUnresolved } from '../core/tokens';
import { frozenArray } from '../core/collections';

/** Props of `ExportedImage`. */
export interface ExportedImageProps {
  /** The image to export and what is known of it. */
  readonly image: SourceImage;
  /** Where the image file goes: a bucket in the image's own region (F-02) or a URL/PAR. */
  readonly destination: ExportDestination;
  /** Object name. @default `images/<construct path>-<8 hex of sha256(image OCID)>.<format extension>` */
  readonly objectName?: string;
  /** @default ExportFormat.OCI (keeps OCI metadata, F-05) */
  readonly format?: ExportFormat;
  /** Provider of the image's region, for region, tenancy and auth facts. @default none (facts not checkable) */
  readonly provider?: TerraformProvider;
  /** Auth mode the runner uses (F-68). @default the provider's `auth`, else ApiKey */
  readonly authMode?: string;
  /** Profile of the OCI config file for ApiKey/SecurityToken auth. @default the provider's `configFileProfile`, else DEFAULT */
  readonly configFileProfile?: string;
  /** The apply runs as a federated user (F-53). @default false */
  readonly federatedUser?: boolean;
  /** @default ExportRunner.nodeSdk() */
  readonly runner?: ExportRunner;
  /** Overall timeout of the export at apply, whole minutes from 1 to 10080 (7 days). @default 240 */
  readonly timeoutMinutes?: number;
  /** Seconds between progress polls, whole seconds from 5 to 3600. @default 30 */
  readonly pollSeconds?: number;
  /**
   * Change this to run the export again with the same inputs, e.g. after the
   * transit object expired and a new target needs it. @default no revision
   */
  readonly revision?: string;
}

/** Props of `ExportedImage.fromExistingObject`. */
export interface ExistingExportProps {
  readonly namespace: string;
  readonly bucketName: string;
  readonly objectName: string;
  /** Region of the bucket. */
  readonly region?: string;
  /** Format the object was exported in. @default ExportFormat.OCI */
  readonly format?: ExportFormat;
  /** What is known of the image it was exported from. @default unknown */
  readonly image?: SourceImage;
  /** Provider of the bucket's region. @default none */
  readonly provider?: TerraformProvider;
}

/**
 * Exports a custom image to Object Storage at apply time. Terraform has no
 * export resource (F-24), so a builtin `terraform_data` with a `local-exec`
 * provisioner runs the export runner; it re-runs only when its inputs
 * change (`triggers_replace`), and the runner, not a data source, proves the
 * object exists (F-22), so later plans never re-read the transit object
 * (F-80, F-81).
 */
export class ExportedImage extends Construct implements IImageObject {
  /** An object exported elsewhere (console, CLI, another stack). Nothing is created. */
  public static fromExistingObject(scope: Construct, id: string, props: ExistingExportProps): IImageObject {
    return new ExistingExport(scope, id, props);
  }

  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly objectName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  public readonly format: ExportFormat;
  /** The `terraform_data` step that runs the export. */
  public readonly step: TerraformData;
  public readonly dependables: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ExportedImageProps) {
    super(scope, id);
    const path = this.node.path;
    checkExportedImageProps(path, props, ExportDestination, ExportRunner);
    if (!props.image || (!isUnresolved(props.image.imageId) && !props.image.imageId?.trim())) {
      throw new OciImageTransferError(path, `image.imageId is ${JSON.stringify(props.image?.imageId)}`, 'pass the OCID of the custom image to export', ['F-02']);
    }
    this.format = props.format ?? ExportFormat.OCI;
    this.provider = props.provider;
    const imageRegion = props.image.region ?? providerRegion(props.provider);
    const dest = props.destination;
    this.objectName = props.objectName ?? defaultObjectName(this, this.format.extension.replace(/^\./, ''), props.image.imageId);
    const timing = runnerTiming(this, props.timeoutMinutes, props.pollSeconds);
    const env: Record<string, string> = {
      [envName('imageId')]: props.image.imageId,
      [envName('format')]: this.format.value,
      [envName('timeoutMinutes')]: String(timing.timeoutMinutes),
      [envName('pollSeconds')]: String(timing.pollSeconds),
    };
    // Unknown auth stays unknown for the checks; the runner itself defaults to ApiKey.
    const authMode = props.authMode ?? providerAuth(props.provider);
    env[envName('auth')] = authMode ?? 'ApiKey';
    const profile = props.configFileProfile ?? (props.provider as any)?.config?.configFileProfile;
    // Principal auth reads no config file; both runners refuse a profile with it.
    if (profile && authMode !== 'InstancePrincipal' && authMode !== 'ResourcePrincipal') env[envName('profile')] = profile;
    if (imageRegion) env[envName('region')] = imageRegion;

    const runner = props.runner ?? ExportRunner.nodeSdk();
    if (runner.kind === 'oci-cli' && !imageRegion) {
      throw new OciImageTransferError(path, 'the image region is unknown', 'set image.region or pass the source provider: the oci CLI runner needs --region', ['F-24']);
    }
    Object.assign(env, runner.environment);
    let destinationKey: string;
    let destinationRegion: string | undefined;
    let destinationUrl: string | undefined;
    let destinationKind: string;
    if (dest.kind === 'bucket' && dest.bucket) {
      this.namespace = dest.bucket.namespace;
      this.bucketName = dest.bucket.bucketName;
      this.region = dest.bucket.region;
      destinationRegion = dest.bucket.region;
      destinationKind = 'bucket';
      env[envName('namespace')] = this.namespace;
      env[envName('bucket')] = this.bucketName;
      env[envName('objectName')] = this.objectName;
      destinationKey = `${this.namespace}/${this.bucketName}/${this.objectName}`;
    } else {
      const url = completeUrl(path, dest.url ?? '', props.objectName);
      const parts = isUnresolved(url) ? undefined : tryParseStorageUrl(url); // malformed: rule OIT050 reports it at synth
      destinationKind = parts && 'token' in parts ? 'par' : 'url';
      this.namespace = parts?.namespace ?? '';
      this.bucketName = parts?.bucket ?? '';
      this.objectName = parts?.objectName ?? this.objectName;
      this.region = dest.region;
      destinationRegion = dest.region;
      destinationUrl = url;
      env[runner._destinationEnv] = Fn.sensitive(url);
      // Only a digest of the URL is kept in state: a PAR URL is a secret (F-55).
      destinationKey = Fn.sha256(url);
    }

    const triggersReplace = {
      image_id: props.image.imageId,
      destination: destinationKey,
      format: this.format.value,
      revision: props.revision ?? '',
    };
    // A second export of an EXPORTING image gets 409 (F-22, export-serialization.ts): wait for the previous step of this image.
    const previous = previousExportStep(this, props.image.imageId);
    this.step = new TerraformData(this, 'ExportStep', {
      dependsOn: previous ? [previous] : undefined,
      triggersReplace,
      provisioners: [{
        type: 'local-exec',
        // Constant text for either runner: every value travels in the environment (TerraformData escapes both).
        command: runner.command,
        environment: env,
      }],
    });
    recordExportStep(this, props.image.imageId, this.step);
    this.dependables = frozenArray<ITerraformDependable>([this.step]);
    // Deletes the object and marker when the step is destroyed or replaced (export-teardown.ts);
    // both runners read the same environment, including the cleanup mode.
    addExportTeardown(this, this.step, { command: runner.command, environment: env, triggersReplace, destinationUrl, bucket: dest.bucket });

    const facts = sourceImageFacts(props.image, imageRegion);
    readSourceImageAtPlan(this, this.step, props.image.imageId, props.provider, facts);
    CompatChecks.of(this)._record({
      kind: 'export', path, image: facts, format: this.format.value, destinationKind,
      destinationRegion, destinationUrl, objectName: this.objectName, existing: false,
      authMode, federatedUser: props.federatedUser,
    });
    setLineage(this, {
      image: facts, exportFormat: this.format.value, exportPath: path, exportRegion: imageRegion,
      objectRegion: this.region ?? destinationRegion, exportedFromOci: true, sourceTenancy: providerTenancy(props.provider),
    });
  }
}

/** A bucket-level PAR needs `/o/<object>` appended (F-52). */
function completeUrl(path: string, url: string, objectName?: string): string {
  if (!url) throw new OciImageTransferError(path, 'destination URL is empty', 'pass an object URL or PAR URL', ['F-50']);
  if (isUnresolved(url) || !ObjectStorageUrl.isParUrl(url) || !tryParseStorageUrl(url)) return url;
  const par = ObjectStorageUrl.parseParUrl(url);
  if (par.objectName !== undefined) return url;
  if (!objectName) {
    throw new OciImageTransferError(path, `destination ${ObjectStorageUrl.describe(url)} is a bucket-level PAR with no object name`,
      'pass objectName so that /o/<object> is appended to the PAR URL', ['F-52']);
  }
  return ObjectStorageUrl.withObjectName(url, objectName);
}

function envName(flag: keyof typeof RUNNER_FLAGS): string {
  return `OCI_IMAGE_EXPORT_${RUNNER_FLAGS[flag].slice(2).replace(/-/g, '_').toUpperCase()}`;
}

class ExistingExport extends Construct implements IImageObject {
  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly objectName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  public readonly dependables: ITerraformDependable[] = frozenArray<ITerraformDependable>([]);

  constructor(scope: Construct, id: string, props: ExistingExportProps) {
    super(scope, id);
    checkExistingExportProps(this.node.path, props);
    this.namespace = props.namespace;
    this.bucketName = props.bucketName;
    this.objectName = props.objectName;
    this.provider = props.provider;
    this.region = props.region ?? providerRegion(props.provider);
    const format = (props.format ?? ExportFormat.OCI).value;
    const image = props.image ? sourceImageFacts(props.image, props.image.region) : {};
    CompatChecks.of(this)._record({
      kind: 'export', path: this.node.path, image, format, destinationKind: 'bucket', destinationRegion: this.region,
      objectName: this.objectName, existing: true,
    });
    setLineage(this, {
      image, exportFormat: format, exportPath: this.node.path, exportRegion: image.region, objectRegion: this.region,
      exportedFromOci: true, sourceTenancy: providerTenancy(props.provider),
    });
  }
}

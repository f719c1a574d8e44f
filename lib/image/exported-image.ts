import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { ExportFormat } from '../knowledge/formats';
import { ExportRunner } from '../export/export-runner';
import { AuthMode } from '../knowledge/auth-modes';
import { TerraformData } from '../provider/terraform-data';
import { ExportDestination } from './export-destination';
import { addExportTeardown } from './export-teardown';
import { IImageObject } from './image-object';
import { setLineage } from './lineage';
import { previousExportStep, recordExportStep } from './export-serialization';
import { runnerTiming } from './export-timing';
import { defaultObjectName } from './names';
import { providerAuthMode, providerRegion, providerTenancy } from './provider-facts';
import { SourceImage } from './source-image';
import { sourceImageFacts } from './source-image-facts';
import { checkExistingExportProps, checkExportedImageProps } from './prop-checks';
import { readSourceImageAtPlan } from '../plan-checks/plan-checks';
import { isUnresolved } from '../core/tokens';

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
  /** Auth mode the runner uses (F-68); the runner must support it (`AuthMode.nodeSdkRunner`/`ociCliRunner`). @default the provider's `auth`, else AuthMode.API_KEY */
  readonly authMode?: AuthMode;
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
    checkExportedImageProps(path, props, ExportDestination.isExportDestination, ExportRunner.isExportRunner);
    if (!props.image || (!isUnresolved(props.image.imageId) && !props.image.imageId?.trim())) {
      throw new OciImageTransferError(path, `image.imageId is ${JSON.stringify(props.image?.imageId)}`, 'pass the OCID of the custom image to export', ['F-02']);
    }
    this.format = props.format ?? ExportFormat.OCI;
    this.provider = props.provider;
    const imageRegion = props.image.region ?? providerRegion(props.provider);
    const dest = props.destination.bind(this, {
      objectName: props.objectName,
      defaultObjectName: defaultObjectName(this, this.format.extension.replace(/^\./, ''), props.image.imageId),
    });
    this.namespace = dest.namespace;
    this.bucketName = dest.bucketName;
    this.objectName = dest.objectName;
    this.region = dest.region;
    const destinationRegion = dest.region;
    const destinationUrl = dest.url;
    const destinationKind = dest.destinationKind;
    const timing = runnerTiming(this, props.timeoutMinutes, props.pollSeconds);
    // An auth mode known only at apply reaches the runner as it is; the checks call it not checkable.
    const mode = props.authMode ?? providerAuthMode(path, props.provider);
    const authMode = mode?.value;
    const runner = (props.runner ?? ExportRunner.nodeSdk()).bind(this, {
      imageId: props.image.imageId, format: this.format, region: imageRegion, authMode: mode,
      configFileProfile: props.configFileProfile ?? (props.provider as any)?.config?.configFileProfile,
      timeoutMinutes: timing.timeoutMinutes, pollSeconds: timing.pollSeconds,
      namespace: this.namespace, bucketName: this.bucketName, objectName: this.objectName, destinationUrl: dest.url,
    });
    const env = runner.environment;
    const destinationKey = dest.replaceKey;

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
    this.dependables = [this.step];
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

class ExistingExport extends Construct implements IImageObject {
  public readonly namespace: string;
  public readonly bucketName: string;
  public readonly objectName: string;
  public readonly region?: string;
  public readonly provider?: TerraformProvider;
  public readonly dependables: ITerraformDependable[] = [];

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

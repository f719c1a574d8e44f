/**
 * What the plan-time checks know of a stack: the source images read at
 * plan and the imports whose checks depend on them. The state itself is
 * kept by each stack's `PlanCheckRegistry` (plan-checks.ts).
 */
import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { CoreShapeManagement } from '../provider/core-shape-management';
import { DataOciCoreImage } from '../provider/data-oci-core-image';

/** A source image read at plan by `data "oci_core_image"`, and the export step it guards. */
export interface SourceImageRead {
  readonly exportPath: string;
  readonly exportScope: IConstruct;
  readonly step: TerraformResource;
  readonly read: DataOciCoreImage;
  readonly stated: StatedFacts;
}

/** Facts a program states (each may be a token or undefined). */
export interface StatedFacts {
  readonly operatingSystem?: string;
  readonly operatingSystemVersion?: string;
  readonly windowsEdition?: string;
  readonly sizeInGbs?: number;
  /** x86_64 or aarch64, when stated (imports only). */
  readonly architecture?: string;
  /** Host generation the source image was built on (imports only). */
  readonly hostGeneration?: string;
  /** Launch mode the import synthesizes (imports only). */
  readonly launchMode?: string;
  /** The import's source describes an image (so its architecture defaults to x86_64, as rule OIT043 assumes). */
  readonly described?: boolean;
}

/** An import whose image comes from an export of this library. */
export interface ImportSubject {
  readonly path: string;
  readonly scope: IConstruct;
  readonly resource: TerraformResource;
  /** The export it imports from, when that is an export of this library. */
  readonly exportPath?: string;
  readonly stated: StatedFacts;
  /** Shape compatibility entries of the import. */
  readonly shapes: CoreShapeManagement[];
}

/**
 * What each stack reads at plan and which resources carry which checks.
 * Constructs register here when they are built; the checks themselves are
 * decided at synth (`planChecksOf`), when every acknowledgement is known.
 */
import { TerraformResource, TerraformStack } from 'cdktf';
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

interface AppRegistry {
  readonly reads: Map<string, SourceImageRead>;
  readonly imports: ImportSubject[];
  readonly disabled: WeakSet<TerraformStack>;
}

const registries = new WeakMap<IConstruct, AppRegistry>();

export function registryOf(scope: IConstruct): AppRegistry {
  const root = scope.node.root;
  let r = registries.get(root);
  if (!r) registries.set(root, (r = { reads: new Map(), imports: [], disabled: new WeakSet() }));
  return r;
}

import { writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { ISynthesisSession, TerraformStack } from 'cdktf';
import { FindingLevel } from '../compat/finding';
import { RolloutPipeline } from './pipeline';
import { StackLayout, TransferPath } from './stack-layout';

/**
 * The rollout manifest: written at synth next to the source stack's
 * `cdk.tf.json` as `oci-image-rollout-<rollout>.json` (see
 * `ImageReplication.toManifest`). A pipeline reads it to apply the stacks
 * in order, with the right `-parallelism`.
 */
export interface RolloutManifest {
  /** The rollout's name (`rolloutName`). */
  readonly rollout: string;
  readonly layout: StackLayout;
  /** True for a retired version: images kept, nothing transferred. */
  readonly retired: boolean;
  readonly source: RolloutManifestSource;
  /** Waves in apply order. */
  readonly waves: RolloutManifestWave[];
  /** Stacks in phases and `terraform apply -parallelism` per stack. */
  readonly pipeline: RolloutPipeline;
  /** Ids of every rule the checks ran (the README rule table). */
  readonly checksApplied: string[];
}

/** The image a rollout starts from. */
export interface RolloutManifestSource {
  /** Source image OCID, resolved (a variable is written as its Terraform expression). */
  readonly imageId: string;
  readonly region: string;
  /** Stack that exports the image. */
  readonly stack: string;
  /** Export format, e.g. `OCI`. */
  readonly format: string;
}

/** One wave of a rollout. */
export interface RolloutManifestWave {
  readonly name: string;
  /** 1-based apply order. */
  readonly order: number;
  readonly targets: RolloutManifestTarget[];
}

/** One target of a rollout: where the image goes, how, and what was checked. */
export interface RolloutManifestTarget {
  readonly name: string;
  readonly region: string;
  /** `same` or `other`. */
  readonly tenancy: string;
  readonly path: TransferPath;
  /** Stack that holds the target's resources. */
  readonly stack: string;
  /** Terraform address of the imported image. */
  readonly importedImage: string;
  /** Findings of the stack's checks on this target's constructs (empty before the first synth). */
  readonly findings: RolloutManifestFinding[];
  /** Terraform addresses of the target's resources. */
  readonly resources: string[];
}

/** A finding of the compatibility checks, as the manifest lists it. */
export interface RolloutManifestFinding {
  /** Rule id, e.g. `OIT003`. */
  readonly rule: string;
  readonly level: FindingLevel;
  /** Construct path of the finding. */
  readonly path: string;
  readonly message: string;
  readonly notCheckable: boolean;
  readonly acknowledged: boolean;
}

/** File name of a rollout's manifest, written next to the source stack's cdk.tf.json. */
export function manifestFileName(rollout: string): string {
  return `oci-image-rollout-${rollout}.json`;
}

export function writeManifest(session: ISynthesisSession, stack: TerraformStack, manifest: RolloutManifest): void {
  const dir = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, manifestFileName(manifest.rollout)), `${JSON.stringify(manifest, null, 2)}\n`);
}

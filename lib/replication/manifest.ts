import { writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { ISynthesisSession, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** One target's line in the rollout manifest (scopes are resolved to resources and checks when written). */
export interface ManifestTarget {
  readonly name: string;
  readonly region: string;
  /** `same` or `other`. */
  readonly tenancy: string;
  /** A TransferPath value. */
  readonly path: string;
  readonly stack: string;
  readonly importedImage: string;
  readonly scopes: IConstruct[];
}

export interface RolloutManifest {
  readonly rollout: string;
  readonly layout: string;
  readonly retired: boolean;
  readonly source: { readonly imageId: string; readonly region: string; readonly stack: string; readonly format: string };
  readonly waves: Array<{ readonly name: string; readonly order: number; readonly targets: ManifestTarget[] }>;
}

/** File name of a rollout's manifest, written next to the source stack's cdk.tf.json. */
export function manifestFileName(rollout: string): string {
  return `oci-image-rollout-${rollout}.json`;
}

export function writeManifest(session: ISynthesisSession, stack: TerraformStack, rollout: string, manifest: unknown): void {
  const dir = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, manifestFileName(rollout)), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The benchmarked rollout: `images` golden images from us-phoenix-1 to the
 * first `regions` target regions, each an `ImageReplication` with two waves
 * (canary = the first region, rest = the others) and one compatible shape
 * per target, as in the synth benchmark.
 */
import { App, TerraformStack } from 'cdktf';
import { ImageReplication, StackLayout } from '../../lib';
import { SOURCE_REGION, TARGET_REGIONS } from '../regions';

export const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaabench';
export const ROOT_STACK = 'rollout';

export interface RolloutShape {
  readonly images: number;
  readonly regions: number;
  readonly layout: StackLayout;
  /** `shareTransitBuckets` of every rollout. @default false */
  readonly share?: boolean;
}

export function rolloutName(image: number): string {
  return `golden-v${image}`;
}

export function waveRegions(regions: number): string[][] {
  const r = TARGET_REGIONS.slice(0, regions);
  return r.length > 1 ? [r.slice(0, 1), r.slice(1)] : [r];
}

export function buildRollout(app: App, shape: RolloutShape, imageIds: string[]): TerraformStack {
  const stack = new TerraformStack(app, ROOT_STACK);
  const [canary, rest] = waveRegions(shape.regions);
  for (let i = 0; i < shape.images; i++) {
    new ImageReplication(stack, `Image${i}`, {
      rolloutName: rolloutName(i),
      stackLayout: shape.layout,
      shareTransitBuckets: shape.share,
      source: { imageId: imageIds[i], region: SOURCE_REGION, compartmentId: COMPARTMENT, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
      targets: TARGET_REGIONS.slice(0, shape.regions).map((region) => ({ region, compartmentId: COMPARTMENT, compatibleShapes: ['VM.Standard.E4.Flex'] })),
      waves: [{ name: 'canary', targets: canary }, ...(rest ? [{ name: 'rest', targets: rest }] : [])],
    });
  }
  return stack;
}

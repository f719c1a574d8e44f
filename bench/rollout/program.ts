/**
 * The benchmarked rollout: `images` golden images from us-phoenix-1 to the
 * first `regions` target regions, each an `ImageReplication` with two waves
 * (canary = the first region, rest = the others) and one compatible shape
 * per target, as in the synth benchmark.
 */
import { App, HttpBackend, TerraformStack } from 'cdktf';
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
  /**
   * Remote state: the http backend address of a stack. Stacks the layout
   * makes are created here first (same names the library would give them),
   * so that the library finds them with their backend. @default local state
   */
  readonly stateAddress?: (stack: string) => string;
}

/** Stack names the layout makes besides the root stack. */
function layoutStacks(shape: RolloutShape): string[] {
  const names: string[] = [];
  for (let i = 0; i < shape.images; i++) {
    if (shape.layout === StackLayout.STACK_PER_WAVE) names.push(...waveRegions(shape.regions).map((_r, w) => `${rolloutName(i)}-${w === 0 ? 'canary' : 'rest'}`));
    if (shape.layout === StackLayout.STACK_PER_REGION) names.push(...TARGET_REGIONS.slice(0, shape.regions).map((r) => `${rolloutName(i)}-${r}`));
  }
  return names;
}

function withState(stack: TerraformStack, address: (stack: string) => string): TerraformStack {
  const a = address(stack.node.id);
  new HttpBackend(stack, { address: a, lockAddress: a, unlockAddress: a });
  return stack;
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
  if (shape.stateAddress) {
    withState(stack, shape.stateAddress);
    for (const name of layoutStacks(shape)) withState(new TerraformStack(app, name), shape.stateAddress);
  }
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

import { TerraformStack } from 'cdktf';
import { ImageReplication, ImageReplicationProps, StackLayout } from '../../lib';
import { newApp } from '../support/synth';

const REGIONS = ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1', 'ap-tokyo-1', 'ap-sydney-1', 'sa-saopaulo-1', 'ca-toronto-1', 'eu-paris-1'];

function rollouts(images: number, layout: StackLayout, extra: Partial<ImageReplicationProps> = {}): ImageReplication[] {
  const app = newApp();
  const stack = new TerraformStack(app, 'rollout');
  return Array.from({ length: images }, (_, i) => new ImageReplication(stack, `Image${i}`, {
    rolloutName: `golden-v${i}`, stackLayout: layout,
    source: { imageId: `ocid1.image.oc1.phx.v${i}`, region: 'us-phoenix-1', compartmentId: 'ocid1.compartment.oc1..c' },
    targets: REGIONS.map((region) => ({ region, compartmentId: 'ocid1.compartment.oc1..c' })),
    waves: [{ name: 'canary', targets: REGIONS.slice(0, 1) }, { name: 'rest', targets: REGIONS.slice(1) }],
    ...extra,
  }));
}

describe('rollout manifest: pipeline', () => {
  test('single stack: one phase, -parallelism = every target of the widest wave of every rollout in the stack (5 x 7)', () => {
    const r = rollouts(5, StackLayout.SINGLE_STACK);
    expect(r[0].pipeline()).toEqual({ phases: [{ order: 1, wave: 'export', stacks: ['rollout'] }], parallelism: { rollout: 35 } });
    expect(r[4].toManifest().pipeline).toEqual(r[0].pipeline());
  });

  test('never below Terraform\'s default of 10', () => {
    expect(rollouts(1, StackLayout.SINGLE_STACK)[0].pipeline().parallelism).toEqual({ rollout: 10 });
  });

  test('maxParallelism caps the recommendation; a bad value names the fix', () => {
    expect(rollouts(5, StackLayout.SINGLE_STACK, { maxParallelism: 20 })[0].pipeline().parallelism).toEqual({ rollout: 20 });
    expect(() => rollouts(1, StackLayout.SINGLE_STACK, { maxParallelism: 0 })).toThrow(/Image0.*maxParallelism is 0.*whole number of at least 1/s);
  });

  test('stack per region: the source stack, then each wave\'s stacks in parallel, in wave order', () => {
    const [r] = rollouts(1, StackLayout.STACK_PER_REGION);
    const p = r.pipeline();
    expect(p.phases.map((ph) => [ph.order, ph.wave, ph.stacks.length])).toEqual([[1, 'export', 1], [2, 'canary', 1], [3, 'rest', 7]]);
    expect(p.phases[2].stacks).toEqual([...p.phases[2].stacks].sort());
    expect(Object.values(p.parallelism)).toEqual(Array(9).fill(10));
  });

  test('stack per wave: one stack per wave and rollout; its -parallelism counts its targets', () => {
    const [r] = rollouts(1, StackLayout.STACK_PER_WAVE);
    expect(r.pipeline().phases.map((ph) => ph.stacks)).toEqual([['rollout'], ['golden-v0-canary'], ['golden-v0-rest']]);
  });
});

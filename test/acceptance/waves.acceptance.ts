/**
 * Waves with the real provider: a canary import whose work request fails
 * stops the apply before the next wave starts; once the fault is cleared a
 * re-apply finishes without redoing completed work. Single stack (waves
 * ordered by depends_on) and STACK_PER_WAVE (stacks applied in the
 * manifest's order, stopping at the first failure, as a pipeline does).
 */
import { StackLayout } from '../../lib';
import { copyDestinations, importRegions, ok } from './support/calls';
import { COMPARTMENT, Deployed, ExampleCase, synthExample } from './support/examples';
import { FigureRecorder } from './support/figures';
import { RolloutVariant, buildRollout } from './support/rollout-variant';
import { World } from './support/world';

let world: World;
const figures = new FigureRecorder('waves');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

const REGIONS = ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1'];
const WAVES = [['us-ashburn-1'], ['eu-frankfurt-1', 'uk-london-1']];

function variantCase(v: RolloutVariant, vars: Record<string, string>): ExampleCase {
  return {
    name: v.stackName, file: 'examples/multi-region-rollout.ts', rootStack: v.stackName, build: (a) => { buildRollout(a, v); },
    manifestOf: v.layout === StackLayout.SINGLE_STACK || v.layout === undefined ? undefined : v.rolloutName,
    prepare: () => vars, expect: { exports: 1, copies: v.regions.length, imports: v.regions.length },
  };
}

/** Applies stacks in order and stops at the first failure, as a pipeline does. */
async function applyInOrder(d: Deployed): Promise<{ failedAt?: string; stderr: string }> {
  for (const s of d.order) {
    const r = await world.apply(d.app.stacks[s], d.varsFor(s));
    if (r.code !== 0) return { failedAt: s, stderr: r.stderr };
  }
  return { stderr: '' };
}

describe.each([
  ['SINGLE_STACK', StackLayout.SINGLE_STACK],
  ['STACK_PER_WAVE', StackLayout.STACK_PER_WAVE],
] as const)('%s', (layoutName, layout) => {
  test('a failed canary import stops the rollout before the next wave; after the fault is cleared a re-apply finishes without redoing completed work', async () => {
    const image = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
    const vars = { compartment_ocid: COMPARTMENT, golden_image_ocid: image.id };
    const name = `waves-${layoutName.toLowerCase().replace(/_/g, '-')}`;
    const v: RolloutVariant = { stackName: name, rolloutName: name, regions: REGIONS, waves: WAVES, layout };
    const d = await synthExample(world, variantCase(v, vars), vars);

    world.cloud.failingImports.set('us-ashburn-1', 1);
    let mark = world.cloud.mark();
    const first = await applyInOrder(d);
    expect(first.failedAt).toBeDefined();
    expect(first.stderr).toMatch(/work request did not succeed/);
    let calls = world.cloud.since(mark);
    expect(ok(calls, 'ExportImage')).toHaveLength(1);
    expect(copyDestinations(calls)).toEqual(['us-ashburn-1']);
    expect(importRegions(calls)).toEqual(['us-ashburn-1']);
    expect(calls.filter((c) => c.region === 'eu-frankfurt-1' || c.region === 'uk-london-1').filter((c) => c.operation === 'CreateImage' || c.operation === 'CopyObject')).toEqual([]);

    world.cloud.clearFaults();
    mark = world.cloud.mark();
    const second = await applyInOrder(d);
    expect(second).toEqual({ stderr: '' });
    calls = world.cloud.since(mark);
    expect(ok(calls, 'ExportImage')).toEqual([]);
    expect(copyDestinations(calls)).toEqual(['eu-frankfurt-1', 'uk-london-1']);
    expect(importRegions(calls)).toEqual(['eu-frankfurt-1', 'uk-london-1', 'us-ashburn-1']);
    for (const s of d.order) {
      const p = await world.plan(d.app.stacks[s], d.varsFor(s));
      expect({ stack: s, code: p.code, out: p.code === 0 ? '' : p.stdout }).toEqual({ stack: s, code: 0, out: '' });
    }
    figures.pass(`rollout ${layoutName} (3 targets, 2 waves)`, 'failed canary import stops the next wave; re-apply completes without redoing work; plan exit 0 per stack');
  });
});

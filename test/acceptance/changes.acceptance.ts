/**
 * Changes to a rollout after its first apply, with the real provider: a
 * target added creates only that target's resources; a new source image
 * OCID re-exports and imports anew; `retired: true` destroys the transit
 * artifacts and keeps the images. The IAM policy variant exercises identity.
 */
import { ExampleCase, COMPARTMENT, resynth, synthExample } from './support/examples';
import { applySummary, copyDestinations, importRegions, ok } from './support/calls';
import { FigureRecorder } from './support/figures';
import { RolloutVariant, buildRollout } from './support/rollout-variant';
import { World } from './support/world';

let world: World;
const figures = new FigureRecorder('changes');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

const EXAMPLE = 'multi-region rollout (variants)';

function variantCase(v: RolloutVariant): ExampleCase {
  return {
    name: v.stackName, file: 'examples/multi-region-rollout.ts', rootStack: v.stackName, build: (a) => { buildRollout(a, v); },
    prepare: () => ({}), expect: { exports: 1, copies: v.regions.length, imports: v.regions.length + (v.partner ? 1 : 0) },
  };
}

async function applyVariant(v: RolloutVariant, vars: Record<string, string>) {
  const d = await synthExample(world, variantCase(v), vars);
  return { d, dir: d.app.stacks[v.stackName] };
}

test('a target added to a rollout creates only that target\'s resources', async () => {
  const image = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
  const vars = { compartment_ocid: COMPARTMENT, golden_image_ocid: image.id };
  const base: RolloutVariant = { stackName: 'grow', rolloutName: 'grow', regions: ['us-ashburn-1', 'eu-frankfurt-1'], iam: true };
  const first = await applyVariant(base, vars);
  await world.applyOk(first.dir, vars);
  expect(ok(world.cloud.calls, 'CreatePolicy')).toHaveLength(1);

  const grown = { ...base, regions: [...base.regions, 'uk-london-1'] };
  const second = await resynth(world, variantCase(grown), first.d, (a) => { buildRollout(a, grown); });
  const secondDir = second.app.stacks[base.stackName];
  const mark = world.cloud.mark();
  const r = await world.applyOk(secondDir, vars);
  const calls = world.cloud.since(mark);
  expect(ok(calls, 'ExportImage')).toHaveLength(0);
  expect(copyDestinations(calls)).toEqual(['uk-london-1']);
  expect(importRegions(calls)).toEqual(['uk-london-1']);
  expect(ok(calls, 'DeleteImage')).toHaveLength(0);
  // The policy grows by the new region's statements: an update in place.
  expect(applySummary(r.stdout)).toMatchObject({ destroyed: 0 });
  expect((await world.plan(secondDir, vars)).code).toBe(0);
  figures.pass(EXAMPLE, 'a target added creates only that target\'s bucket, copy and image');
});

test('a new source image OCID re-exports and imports anew in every target', async () => {
  const v1 = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
  const v2 = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
  const variant: RolloutVariant = { stackName: 'bump', rolloutName: 'bump', regions: ['us-ashburn-1', 'eu-frankfurt-1'] };
  const { dir } = await applyVariant(variant, {});
  expect((await world.apply(dir, { compartment_ocid: COMPARTMENT, golden_image_ocid: v1.id })).code).toBe(0);
  const mark = world.cloud.mark();
  const r = await world.apply(dir, { compartment_ocid: COMPARTMENT, golden_image_ocid: v2.id });
  expect(r.code).toBe(0);
  const calls = world.cloud.since(mark);
  expect(ok(calls, 'ExportImage').map((c) => c.path)).toEqual([`/20160918/images/${v2.id}/actions/export`]);
  expect(copyDestinations(calls)).toEqual(['eu-frankfurt-1', 'us-ashburn-1']);
  expect(importRegions(calls)).toEqual(['eu-frankfurt-1', 'us-ashburn-1']);
  expect((await world.plan(dir, { compartment_ocid: COMPARTMENT, golden_image_ocid: v2.id })).code).toBe(0);
  figures.pass(EXAMPLE, 'a new source image OCID re-exports, re-copies and imports anew');
});

// The export step leaves its object and marker in the export bucket, so the
// bucket's DeleteBucket answers 409 BucketNotEmpty until the step cleans up
// at destroy: needs h15 teardown (then flip to test()).
figures.expectedFailure(EXAMPLE, 'retired: true right after apply: transit destroyed, images kept, plan exit 0', 'needs h15 teardown: 409 BucketNotEmpty on the export bucket');
test.failing('retired: true right after apply destroys the transit artifacts and keeps the images (needs h15 teardown)', async () => {
  const image = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
  const vars = { compartment_ocid: COMPARTMENT, golden_image_ocid: image.id };
  const v: RolloutVariant = { stackName: 'retire', rolloutName: 'retire', regions: ['us-ashburn-1'], partner: true };
  const first = await applyVariant(v, vars);
  await world.applyOk(first.dir, vars);
  const retired = await resynth(world, variantCase(v), first.d, (a) => { buildRollout(a, { ...v, retired: true }); });
  const dir = retired.app.stacks.retire;
  const mark = world.cloud.mark();
  const r = await world.apply(dir, vars);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const calls = world.cloud.since(mark);
  expect([...ok(calls, 'CreateImage'), ...ok(calls, 'DeleteImage')]).toEqual([]);
  expect(world.cloud.inventory().buckets.filter((b) => b.includes('retire'))).toEqual([]);
  expect(world.cloud.inventory().pars.filter((p) => p.includes('retire'))).toEqual([]);
  expect((await world.plan(dir, vars)).code).toBe(0);
  figures.pass(EXAMPLE, 'retired: true right after apply: transit destroyed, images kept, plan exit 0');
});

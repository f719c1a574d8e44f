/**
 * Changes to a rollout after its first apply, with the real provider: a
 * target added creates only that target's resources; a new source image
 * OCID re-exports and imports anew; `retired: true` destroys the transit
 * artifacts and keeps the images. The IAM policy variant exercises identity.
 */
import { ExampleCase, COMPARTMENT, synthExample } from './support/examples';
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

/** Synthesizes the variant into a fresh dir but keeps one state file, as a user editing the program would. */
async function applyVariant(v: RolloutVariant, vars: Record<string, string>, stateDir?: string) {
  const d = await synthExample(world, variantCase(v), vars);
  const dir = d.app.stacks[v.stackName];
  const state = ['-state', `${stateDir ?? dir}/terraform.tfstate`];
  void state;
  return { d, dir };
}

test('a target added to a rollout creates only that target\'s resources', async () => {
  const image = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
  const vars = { compartment_ocid: COMPARTMENT, golden_image_ocid: image.id };
  const base: RolloutVariant = { stackName: 'grow', rolloutName: 'grow', regions: ['us-ashburn-1', 'eu-frankfurt-1'], iam: true };
  const first = await applyVariant(base, vars);
  await world.applyOk(first.dir, vars);
  expect(ok(world.cloud.calls, 'CreatePolicy')).toHaveLength(1);

  const second = await applyVariant({ ...base, regions: [...base.regions, 'uk-london-1'] }, vars);
  await moveState(first.dir, second.dir);
  const mark = world.cloud.mark();
  const r = await world.applyOk(second.dir, vars);
  const calls = world.cloud.since(mark);
  expect(ok(calls, 'ExportImage')).toHaveLength(0);
  expect(copyDestinations(calls)).toEqual(['uk-london-1']);
  expect(importRegions(calls)).toEqual(['uk-london-1']);
  expect(ok(calls, 'DeleteImage')).toHaveLength(0);
  // The policy grows by the new region's statements: an update in place.
  expect(applySummary(r.stdout)).toMatchObject({ destroyed: 0 });
  expect((await world.plan(second.dir, vars)).code).toBe(0);
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

async function moveState(from: string, to: string): Promise<void> {
  const { copyFileSync, readdirSync } = await import('fs');
  for (const f of readdirSync(from).filter((n) => n.endsWith('.tfstate'))) copyFileSync(`${from}/${f}`, `${to}/${f}`);
}

/**
 * OCI misbehaving the way it does in real life, with the real provider:
 * throttling (429 + Retry-After), a server error and slow answers during an
 * apply; the apply still makes exactly one image.
 */
import { ok } from './support/calls';
import { EXAMPLES, synthExample } from './support/examples';
import { FigureRecorder } from './support/figures';
import { World } from './support/world';

let world: World;
const figures = new FigureRecorder('faults');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

test('429 on CreateImage, 500 on GetWorkRequest and a slow GetImage: the apply succeeds with exactly one image', async () => {
  const ex = EXAMPLES.find((e) => e.name === 'byoi-qcow2-import')!;
  const d = await synthExample(world, ex, ex.prepare(world.cloud));
  world.cloud.inject({ operation: 'CreateImage', status: 429 });
  world.cloud.inject({ operation: 'GetWorkRequest', status: 500 });
  world.cloud.inject({ operation: 'GetImage', status: 0, delayMs: 1500 });
  const mark = world.cloud.mark();
  await world.applyOk(d.app.stacks[ex.rootStack], d.vars);
  const calls = world.cloud.since(mark);
  expect(calls.filter((c) => c.status === 429).map((c) => c.operation)).toEqual(['CreateImage']);
  expect(calls.filter((c) => c.status === 500).map((c) => c.operation)).toEqual(['GetWorkRequest']);
  expect(ok(calls, 'CreateImage')).toHaveLength(1);
  expect([...world.cloud.region('sa-saopaulo-1').images.values()].map((i) => i.lifecycleState)).toEqual(['AVAILABLE']);
  expect((await world.plan(d.app.stacks[ex.rootStack], d.vars)).code).toBe(0);
  figures.pass(ex.name, 'throttled, failing and slow calls during apply: provider retries, one image, plan exit 0');
});

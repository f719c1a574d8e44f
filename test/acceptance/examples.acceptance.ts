/**
 * Every example, applied by the real oracle/oci provider against the HTTPS
 * fake: one export per source image and format, one copy per copy target,
 * one import per target; then `plan -detailed-exitcode` is 0 for every
 * stack; then destroy leaves nothing behind.
 */
import { EXAMPLES, Deployed, synthExample } from './support/examples';
import { FigureRecorder } from './support/figures';
import { World } from './support/world';

let world: World;
const figures = new FigureRecorder('examples');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

describe.each(EXAMPLES.map((e) => [e.name, e] as const))('%s', (name, ex) => {
  let deployed: Deployed;
  let before: ReturnType<World['cloud']['inventory']>;

  test('apply succeeds with one export per image and format, one copy per copy, one import per target', async () => {
    const vars = ex.prepare(world.cloud);
    before = world.cloud.inventory();
    deployed = await synthExample(world, ex, vars);
    const mark = world.cloud.mark();
    for (const s of deployed.order) {
      const r = await world.apply(deployed.app.stacks[s], deployed.varsFor(s));
      expect({ stack: s, code: r.code, stderr: r.stderr }).toEqual({ stack: s, code: 0, stderr: '' });
    }
    const calls = world.cloud.since(mark);
    const ok = (op: string) => calls.filter((c) => c.operation === op && c.status >= 200 && c.status < 300).length;
    expect({ exports: ok('ExportImage'), copies: ok('CopyObject'), imports: ok('CreateImage') }).toEqual(ex.expect);
    expect(calls.filter((c) => c.operation === 'Unrouted')).toEqual([]);
    let resources = 0;
    for (const s of deployed.order) resources += (await world.stateList(deployed.app.stacks[s])).filter((a) => !a.startsWith('data.')).length;
    figures.example(name, { stacks: deployed.order.length, resources, applyCalls: calls.length, ...ex.expect });
    figures.pass(name, 'apply: one export, copy and import each as designed');
  });

  test('plan -detailed-exitcode right after apply is 0 for every stack', async () => {
    expect(deployed).toBeDefined();
    const mark = world.cloud.mark();
    for (const s of deployed.order) {
      const r = await world.plan(deployed.app.stacks[s], deployed.varsFor(s));
      expect({ stack: s, code: r.code, out: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({ stack: s, code: 0, out: '' });
    }
    const calls = world.cloud.since(mark);
    expect(calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD')).toEqual([]);
    figures.example(name, { planCalls: calls.length });
    figures.pass(name, 'plan right after apply: exit 0 for every stack');
  });

  // The export step leaves its object and marker in the export bucket, so
  // DeleteBucket answers 409 BucketNotEmpty until the export step cleans up
  // at destroy (needs h15 teardown). Examples without an export pass today.
  const destroyTest = ex.expect.exports > 0 ? test.failing : test;
  if (ex.expect.exports > 0) figures.expectedFailure(name, 'destroy: nothing left', 'needs h15 teardown: 409 BucketNotEmpty on the export bucket (the export step\'s object and marker)');
  destroyTest('destroy in reverse apply order leaves nothing the apply created', async () => {
    expect(deployed).toBeDefined();
    for (const s of [...deployed.order].reverse()) {
      const r = await world.destroy(deployed.app.stacks[s], deployed.varsFor(s));
      expect({ stack: s, code: r.code, stderr: r.stderr }).toEqual({ stack: s, code: 0, stderr: '' });
      expect(await world.stateList(deployed.app.stacks[s])).toEqual([]);
    }
    expect(world.cloud.inventory()).toEqual(before);
    figures.pass(name, 'destroy: nothing left');
  });
});

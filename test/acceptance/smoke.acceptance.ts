import { crossRegionCopyStack } from '../../examples/cross-region-copy';
import { synthApp } from './support/stacks';
import { HOME_TENANCY, World } from './support/world';

let world: World;
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { await world?.stop(); });

test('cross-region-copy applies', async () => {
  const img = world.cloud.addImage('us-phoenix-1', { compartmentId: 'ocid1.compartment.oc1..aaaaaaaaapps' });
  const app = await synthApp(world, 'crc', (a) => { crossRegionCopyStack(a); });
  const dir = app.stacks['cross-region-copy'];
  await world.init(dir);
  const vars = { compartment_ocid: 'ocid1.compartment.oc1..aaaaaaaaapps', source_image_ocid: img.id };
  const r = await world.apply(dir, vars);
  console.log(r.stdout.slice(-3000), r.stderr.slice(-3000));
  console.log(world.cloud.calls.map((c) => `${c.region} ${c.operation} ${c.method} ${c.path} ${c.status}`).join('\n'));
  console.log(world.fake.unrouted);
  expect(r.code).toBe(0);
  const p = await world.plan(dir, vars);
  console.log(p.stdout.slice(-3000), p.stderr.slice(-2000));
  expect(p.code).toBe(0);
  void HOME_TENANCY;
});

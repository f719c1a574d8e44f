/**
 * What a no-op plan costs against OCI's rate limits, with the real provider:
 * after applying a rollout of 3 images to 4 regions in one stack with
 * shared transit buckets, `plan -detailed-exitcode` is 0, reads the tenancy
 * namespace once, reads each bucket once (GetBucket + ListRetentionRules,
 * F-85) and makes at most 1.1 calls per managed resource.
 */
import { App, TerraformStack } from 'cdktf';
import { ImageReplication } from '../../lib';
import { COMPARTMENT } from './support/examples';
import { FigureRecorder } from './support/figures';
import { synthApp } from './support/stacks';
import { World } from './support/world';

let world: World;
const figures = new FigureRecorder('plan-cost');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

const REGIONS = ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1', 'ap-tokyo-1'];
const NAME = 'plan cost (3 images x 4 regions, shared transit buckets)';

test('a no-op plan reads the namespace once, each bucket once, and makes at most 1.1 calls per managed resource', async () => {
  const images = [0, 1, 2].map(() => world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT }).id);
  const app = await synthApp(world, 'plan-cost', (a: App) => {
    const stack = new TerraformStack(a, 'plan-cost');
    images.forEach((imageId, i) => new ImageReplication(stack, `Image${i}`, {
      rolloutName: `golden-v${i}`, shareTransitBuckets: true,
      source: { imageId, region: 'us-phoenix-1', compartmentId: COMPARTMENT, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
      targets: REGIONS.map((region) => ({ region, compartmentId: COMPARTMENT, compatibleShapes: ['VM.Standard.E4.Flex'] })),
      waves: [{ name: 'canary', targets: REGIONS.slice(0, 1) }, { name: 'rest', targets: REGIONS.slice(1) }],
    }));
  });
  const dir = app.stacks['plan-cost'];
  await world.init(dir);
  await world.applyOk(dir);
  const managed = (await world.stateList(dir)).filter((a) => !a.startsWith('data.')).length;
  const mark = world.cloud.mark();
  const plan = await world.plan(dir);
  expect({ code: plan.code, out: plan.code === 0 ? '' : plan.stdout }).toEqual({ code: 0, out: '' });
  const calls = world.cloud.since(mark);
  const count = (op: string) => calls.filter((c) => c.operation === op).length;
  // 3 export buckets + 4 shared transit buckets.
  expect({ namespace: count('GetNamespace'), buckets: count('GetBucket'), retention: count('ListRetentionRules') }).toEqual({ namespace: 1, buckets: 7, retention: 7 });
  expect(calls.length / managed).toBeLessThanOrEqual(1.1);
  figures.example(NAME, { stacks: 1, resources: managed, planCalls: calls.length });
  figures.pass(NAME, `no-op plan: ${calls.length} calls for ${managed} managed resources`);
});

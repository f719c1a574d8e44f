/**
 * The README's steady-state table, demonstrated with the real provider:
 * what a plan does once transit artifacts are gone, and the documented
 * remedies. The fake's clock is moved forward (lifecycle rules, PAR expiry).
 */
import { crossTenancyShareStack } from '../../examples/cross-tenancy-share';
import { ok, planSummary, writes } from './support/calls';
import { COMPARTMENT, Deployed, EXAMPLES, resynth, synthExample } from './support/examples';
import { FigureRecorder } from './support/figures';
import { buildRollout, RolloutVariant } from './support/rollout-variant';
import { crossTenancyShareRetained } from './support/share-variant';
import { World } from './support/world';

const DAY = 24 * 3600_000;
let world: World;
const figures = new FigureRecorder('steady-state');
afterAll(() => figures.flush());

/** Each block moves the fake's clock on its own: a fresh world (fake, clock, state) per block. */
function ownWorld(): void {
  beforeAll(async () => { world = await World.start(); });
  afterAll(async () => { await world?.stop(); });
}

const example = (name: string) => EXAMPLES.find((e) => e.name === name)!;

describe('cross-region-copy', () => {
  ownWorld();
  const ex = example('cross-region-copy');
  let d: Deployed;
  let dir: string;

  test('export objects expired by the bucket lifecycle rule: plan exit 0, nothing re-exported', async () => {
    d = await synthExample(world, ex, ex.prepare(world.cloud));
    dir = d.app.stacks[ex.rootStack];
    await world.applyOk(dir, d.vars);
    const exportBucket = [...world.cloud.region('us-phoenix-1').buckets.values()].find((b) => b.name === 'cross-region-copy-exportbucket')!;
    expect(exportBucket.objects.size).toBe(2); // the image and the runner's marker
    world.cloud.advance(8 * DAY);
    expect(exportBucket.objects.size).toBe(0);
    const mark = world.cloud.mark();
    const plan = await world.plan(dir, d.vars);
    expect({ code: plan.code, out: plan.code === 0 ? '' : plan.stdout }).toEqual({ code: 0, out: '' });
    expect(writes(world.cloud.since(mark))).toEqual([]);
    figures.pass(ex.name, 'export objects expired by the lifecycle rule: plan exit 0');
  });

  test('the destination copy deleted: the next plan re-creates only the copy; with the export object expired too, that apply fails and the image stays', async () => {
    const copyBucket = [...world.cloud.region('us-ashburn-1').buckets.values()].find((b) => b.name === 'cross-region-copy-copytoashburn-bucket')!;
    copyBucket.objects.clear();
    const plan = await world.plan(dir, d.vars);
    expect(plan.code).toBe(2);
    expect(planSummary(plan.stdout)).toEqual({ add: 1, change: 0, destroy: 0 });
    expect(plan.stdout).toMatch(/# oci_objectstorage_object\.CopyToAshburn_Object_[A-Z0-9]+ will be created/);
    const mark = world.cloud.mark();
    const apply = await world.apply(dir, d.vars);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/ObjectNotFound|404/);
    expect(ok(world.cloud.since(mark), 'DeleteImage')).toEqual([]);
    const images = [...world.cloud.region('us-ashburn-1').images.values()].filter((i) => i.displayName === 'golden-ol8');
    expect(images.map((i) => i.lifecycleState)).toEqual(['AVAILABLE']);
    figures.pass(ex.name, 'copy deleted: plan re-creates the copy only; with the source expired the apply fails; the image is untouched');
  });
});

describe('cross-tenancy-share', () => {
  ownWorld();
  const ex = example('cross-tenancy-share');
  let d: Deployed;
  let dir: string;

  test('the PAR deleted and re-created (a rotated import source): no image replacement, then plan exit 0', async () => {
    d = await synthExample(world, ex, ex.prepare(world.cloud));
    dir = d.app.stacks[ex.rootStack];
    await world.applyOk(dir, d.vars);
    const bucket = [...world.cloud.region('eu-frankfurt-1').buckets.values()].find((b) => b.name === 'cross-tenancy-share-sharebucket')!;
    expect(bucket.pars.size).toBe(1);
    bucket.pars.clear();
    const plan = await world.plan(dir, d.vars);
    expect(plan.code).toBe(2);
    expect(planSummary(plan.stdout)).toEqual({ add: 1, change: 0, destroy: 0 });
    expect(plan.stdout).toMatch(/# oci_objectstorage_preauthrequest\.ReadAccess_Par_[A-Z0-9]+ will be created/);
    const mark = world.cloud.mark();
    await world.applyOk(dir, d.vars);
    const calls = world.cloud.since(mark);
    expect(ok(calls, 'CreatePreauthenticatedRequest')).toHaveLength(1);
    expect([...ok(calls, 'CreateImage'), ...ok(calls, 'DeleteImage'), ...ok(calls, 'UpdateImage')]).toEqual([]);
    expect((await world.plan(dir, d.vars)).code).toBe(0);
    figures.pass(ex.name, 'rotated import source (PAR re-created): no image replacement, then plan exit 0');
  });

  test('the PAR expired, still returned by OCI: plan exit 0 (nothing re-read fails)', async () => {
    world.cloud.advance(3 * DAY);
    world.cloud.expiredPars = 'kept';
    const plan = await world.plan(dir, d.vars);
    expect({ code: plan.code, out: plan.code === 0 ? '' : plan.stdout }).toEqual({ code: 0, out: '' });
    figures.pass(ex.name, 'PAR expired and still returned by OCI: plan exit 0');
  });

  test('the PAR expired and no longer returned: planned for creation with its captured, past expiry, so the apply fails; removing the access (import retained) gives plan exit 0', async () => {
    world.cloud.expiredPars = 'removed';
    const plan = await world.plan(dir, d.vars);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/# oci_objectstorage_preauthrequest\.ReadAccess_Par_[A-Z0-9]+ will be created/);
    expect(planSummary(plan.stdout)).toEqual({ add: 1, change: 0, destroy: 0 });
    const failed = await world.apply(dir, d.vars);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/timeExpires/);

    const edited = await resynth(world, ex, d, (app) => { crossTenancyShareRetained(app); });
    const editedDir = edited.app.stacks[ex.rootStack];
    const mark = world.cloud.mark();
    const remedy = await world.applyOk(editedDir, d.vars);
    expect(remedy.stdout).toMatch(/0 added, 0 changed, [1-9]\d* destroyed/);
    expect([...ok(world.cloud.since(mark), 'CreateImage'), ...ok(world.cloud.since(mark), 'DeleteImage')]).toEqual([]);
    const plan2 = await world.plan(editedDir, d.vars);
    expect({ code: plan2.code, out: plan2.code === 0 ? '' : plan2.stdout }).toEqual({ code: 0, out: '' });
    const images = [...world.cloud.region('eu-frankfurt-1').images.values()].filter((i) => i.displayName === 'shared-ubuntu-2204');
    expect(images.map((i) => i.lifecycleState)).toEqual(['AVAILABLE']);
    figures.pass(ex.name, 'PAR expired and no longer returned: re-creation planned and failing; remedy (access removed, import retained): plan exit 0, image kept');
  });

  void crossTenancyShareStack;
});

describe('ImageReplication after its PAR and export objects expired', () => {
  ownWorld();
  test('plan wants the partner PAR back; `retired: true` destroys the transit artifacts, keeps every image, then plan exit 0', async () => {
    const image = world.cloud.addImage('us-phoenix-1', { compartmentId: COMPARTMENT });
    const vars = { compartment_ocid: COMPARTMENT, golden_image_ocid: image.id };
    const v: RolloutVariant = { stackName: 'aging', rolloutName: 'aging', regions: ['us-ashburn-1', 'eu-frankfurt-1'], partner: true };
    const ex = { name: 'aging', file: 'examples/multi-region-rollout.ts', rootStack: 'aging', build: (a: any) => { buildRollout(a, v); }, prepare: () => vars, expect: { exports: 1, copies: 2, imports: 3 } };
    const d = await synthExample(world, ex, vars);
    await world.applyOk(d.app.stacks.aging, vars);
    const images = () => [...['us-ashburn-1', 'eu-frankfurt-1'].flatMap((r) => [...world.cloud.region(r).images.values()])].filter((i) => i.displayName.includes('aging'));
    expect(images().map((i) => i.lifecycleState)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    world.cloud.advance(8 * DAY);
    world.cloud.expiredPars = 'removed';
    const plan = await world.plan(d.app.stacks.aging, vars);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/oci_objectstorage_preauthrequest\.\S+ will be created/);

    const retired = await resynth(world, ex, d, (a) => { buildRollout(a, { ...v, retired: true }); });
    const mark = world.cloud.mark();
    await world.applyOk(retired.app.stacks.aging, vars);
    const calls = world.cloud.since(mark);
    expect([...ok(calls, 'CreateImage'), ...ok(calls, 'DeleteImage')]).toEqual([]);
    expect(ok(calls, 'DeleteBucket').length).toBe(3);
    const plan2 = await world.plan(retired.app.stacks.aging, vars);
    expect({ code: plan2.code, out: plan2.code === 0 ? '' : plan2.stdout }).toEqual({ code: 0, out: '' });
    expect(images().map((i) => i.lifecycleState)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    expect(world.cloud.inventory().buckets.filter((b) => b.includes('aging'))).toEqual([]);
    figures.pass('multi-region rollout (variants)', 'PAR and export objects expired: retired: true destroys the transit, keeps the images, plan exit 0');
  });
});

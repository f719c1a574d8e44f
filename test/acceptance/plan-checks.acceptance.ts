/**
 * Issue 16 with the real oracle/oci provider against the HTTPS fake: the
 * image OCID is a variable; for an image that breaks a rule `terraform plan`
 * fails with the rule's message and nothing is created; for a good image
 * the plan succeeds and reads the source image exactly once (GetImage).
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage, ExportFormat, ImportedImage, ImportSource, OciProvider, SourceImage, TransitBucket } from '../../lib';
import { FakeImage } from '../support/fake-oci/cloud';
import { FigureRecorder } from './support/figures';
import { synthApp } from './support/stacks';
import { World } from './support/world';

const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaplatform';
const REGION = 'us-phoenix-1';

function build(name: string, stated: Omit<SourceImage, 'imageId'>, withShape = false) {
  return (app: App) => {
    const stack = new TerraformStack(app, name);
    const phx = new OciProvider(stack, 'phx', { alias: 'phx', region: REGION });
    const imageId = new TerraformVariable(stack, 'image_ocid', { type: 'string' });
    const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns1', bucketName: 'transit', region: REGION });
    const exported = new ExportedImage(stack, 'Export', {
      image: { imageId: imageId.stringValue, ...stated }, destination: ExportDestination.toBucket(bucket), provider: phx,
      format: name.endsWith('qcow2') ? ExportFormat.QCOW2 : undefined,
    });
    const shapes = withShape ? [new TerraformVariable(stack, 'shape', { type: 'string' }).stringValue] : undefined;
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(exported), provider: phx, compatibleShapes: shapes });
  };
}

let world: World;
const figures = new FigureRecorder('plan-checks');
const EXAMPLE = 'plan-time checks (image OCID as a variable)';
const dirs: Record<string, string> = {};
beforeAll(async () => {
  world = await World.start();
  const programs = [['unstated', {}, false], ['stated', { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', sizeInGbs: 50 }, false], ['shapes', {}, true], ['unstated-qcow2', {}, false]] as const;
  for (const [name, stated, withShape] of programs) {
    const app = await synthApp(world, name, build(name, stated, withShape));
    dirs[name] = app.stacks[name];
    await world.init(dirs[name]);
  }
});
afterAll(async () => { figures.flush(); await world?.stop(); });

async function planWith(program: string, image: Partial<FakeImage>, vars: Record<string, string> = {}) {
  const id = world.cloud.addImage(REGION, { compartmentId: COMPARTMENT, ...image } as FakeImage & { compartmentId: string }).id;
  const mark = world.cloud.mark();
  const r = await world.plan(dirs[program], { image_ocid: id, ...vars });
  const calls = world.cloud.since(mark);
  return { ...r, out: `${r.stdout}${r.stderr}`.replace(/\n│ /g, ' ').replace(/\s+/g, ' '), calls };
}

const CASES: Array<[string, string, Partial<FakeImage>, string]> = [
  ['platform image (no compartment)', 'unstated', { compartmentId: null }, 'OIT020: [unstated/Export] exports image'],
  ['OS outside the support matrix', 'unstated', { operatingSystem: 'Rocky Linux', operatingSystemVersion: '9.3' }, 'OIT030: [unstated/Export] moves image'],
  ['Windows edition outside the lists', 'unstated', { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Essentials' }, 'OIT031: [unstated/Export]'],
  ['Windows without a stated version and edition', 'unstated', { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2022 Datacenter' }, 'OIT033: [unstated/Import]'],
  ['image over 400 GB', 'unstated', { sizeInMBs: 500 * 1024 }, 'OIT016: [unstated/Import]'],
  ['stated Oracle Linux 8, real Windows', 'stated', { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' }, 'OIT039: [stated/Export] states OS "Oracle Linux 8"'],
  ['stated 50 GB, real 100 GB', 'stated', { sizeInMBs: 100 * 1024 }, 'OIT039: [stated/Export] states 50 GB'],
];

test.each(CASES)('%s: plan fails with the rule message and nothing is created', async (_title, program, image, message) => {
  const r = await planWith(program, image);
  expect(r.code).toBe(1);
  expect(r.out).toContain(message);
  expect(r.out).toContain('Resource precondition failed');
  expect(r.calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD')).toEqual([]);
  expect(await world.stateList(dirs[program])).toEqual([]);
  figures.pass(EXAMPLE, `${_title}: plan fails with the rule message, nothing created`);
});

test.each(['unstated', 'stated'])('%s: a good image plans with changes and one GetImage', async (program) => {
  const r = await planWith(program, { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8.10', sizeInMBs: 47694 });
  expect({ code: r.code, out: r.code === 2 ? '' : r.out }).toEqual({ code: 2, out: '' });
  expect(r.calls.filter((c) => c.operation === 'GetImage')).toHaveLength(1);
  expect(r.calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD')).toEqual([]);
  figures.pass(EXAMPLE, `good image, facts ${program}: plan succeeds with one GetImage`);
});

test('a target shape given as a variable: an Arm shape fails the plan for an x86_64 image, an X7 shape passes', async () => {
  const arm = await planWith('shapes', {}, { shape: 'VM.Standard.A1.Flex' });
  expect(arm.code).toBe(1);
  expect(arm.out).toContain('OIT043: [shapes/Import] marks Arm shape "VM.Standard.A1.Flex" compatible with an x86_64 image');
  const x7 = await planWith('shapes', {}, { shape: 'VM.Standard2.4' });
  expect({ code: x7.code, out: x7.code === 2 ? '' : x7.out }).toEqual({ code: 2, out: '' });
  figures.pass(EXAMPLE, 'target shape as a variable: Arm shape fails the plan (OIT043), X7 shape passes');
});

test('a Windows image where the import would run NATIVE: the plan fails (OIT033) and warns about the launch mode (OIT036)', async () => {
  const r = await planWith('unstated-qcow2', { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019 Standard' });
  expect(r.code).toBe(1);
  expect(r.out).toContain('OIT033: [unstated-qcow2/Import]');
  expect(r.out).toMatch(/Warning: Check block assertion failed .*OIT036: \[unstated-qcow2\/Import\] imports image .* with launch mode NATIVE/);
  figures.pass(EXAMPLE, 'Windows image imported NATIVE: plan fails (OIT033) and warns (OIT036)');
});

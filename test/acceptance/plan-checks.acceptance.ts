/**
 * Issue 16 with the real oracle/oci provider against the HTTPS fake: the
 * image OCID is a variable; for an image that breaks a rule `terraform plan`
 * fails with the rule's message and nothing is created; for a good image
 * the plan succeeds and reads the source image exactly once (GetImage).
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage, ImportedImage, ImportSource, OciProvider, SourceImage, TransitBucket } from '../../lib';
import { FakeImage } from '../support/fake-oci/cloud';
import { synthApp } from './support/stacks';
import { World } from './support/world';

const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaplatform';
const REGION = 'us-phoenix-1';

function build(name: string, stated: Omit<SourceImage, 'imageId'>) {
  return (app: App) => {
    const stack = new TerraformStack(app, name);
    const phx = new OciProvider(stack, 'phx', { alias: 'phx', region: REGION });
    const imageId = new TerraformVariable(stack, 'image_ocid', { type: 'string' });
    const bucket = TransitBucket.fromBucketName(stack, 'Bucket', { namespace: 'ns1', bucketName: 'transit', region: REGION });
    const exported = new ExportedImage(stack, 'Export', {
      image: { imageId: imageId.stringValue, ...stated }, destination: ExportDestination.toBucket(bucket), provider: phx,
    });
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(exported), provider: phx });
  };
}

let world: World;
const dirs: Record<string, string> = {};
beforeAll(async () => {
  world = await World.start();
  for (const [name, stated] of [['unstated', {}], ['stated', { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', sizeInGbs: 50 }]] as const) {
    const app = await synthApp(world, name, build(name, stated));
    dirs[name] = app.stacks[name];
    await world.init(dirs[name]);
  }
});
afterAll(async () => { await world?.stop(); });

async function planWith(program: string, image: Partial<FakeImage>) {
  const id = world.cloud.addImage(REGION, { compartmentId: COMPARTMENT, ...image } as FakeImage & { compartmentId: string }).id;
  const mark = world.cloud.mark();
  const r = await world.plan(dirs[program], { image_ocid: id });
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
});

test.each(['unstated', 'stated'])('%s: a good image plans with changes and one GetImage', async (program) => {
  const r = await planWith(program, { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8.10', sizeInMBs: 47694 });
  expect({ code: r.code, out: r.code === 2 ? '' : r.out }).toEqual({ code: 2, out: '' });
  expect(r.calls.filter((c) => c.operation === 'GetImage')).toHaveLength(1);
  expect(r.calls.filter((c) => c.method !== 'GET' && c.method !== 'HEAD')).toEqual([]);
});

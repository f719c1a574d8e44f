/**
 * An import with an image capability schema (F-65) and compatible shapes,
 * with the real provider: schema data survives the provider's JSON round
 * trip (plan exit 0), and destroy removes the schema, the shape entries and
 * the image.
 */
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ImageImportType, ImportedImage, ImportSource, OciProvider } from '../../lib';
import { ok } from './support/calls';
import { COMPARTMENT, ExampleCase, synthExample } from './support/examples';
import { FigureRecorder } from './support/figures';
import { HOME_TENANCY, World } from './support/world';

let world: World;
const figures = new FigureRecorder('capabilities');
beforeAll(async () => { world = await World.start(); });
afterAll(async () => { figures.flush(); await world?.stop(); });

const firmware = JSON.stringify({ descriptorType: 'enumstring', source: 'IMAGE', values: ['UEFI_64'], defaultValue: 'UEFI_64' });
const secureBoot = JSON.stringify({ source: 'IMAGE', descriptorType: 'boolean', defaultValue: true });

const CASE: ExampleCase = {
  name: 'byoi with capability schema', file: 'examples/byoi-qcow2-import.ts', rootStack: 'byoi-capabilities',
  build: (app) => {
    const stack = new TerraformStack(app, 'byoi-capabilities');
    const url = new TerraformVariable(stack, 'image_url', { type: 'string', sensitive: true });
    const provider = new OciProvider(stack, 'saopaulo', { alias: 'saopaulo', region: 'sa-saopaulo-1' });
    new ImportedImage(stack, 'Import', {
      compartmentId: COMPARTMENT, source: ImportSource.fromUrl(url.stringValue), importType: ImageImportType.QCOW2,
      operatingSystem: 'Oracle Linux', operatingSystemVersion: '9', provider, displayName: 'byoi-uefi',
      compatibleShapes: ['VM.Standard.E4.Flex'],
      capabilitySchema: { globalSchemaVersionName: '2025-06-02', schemaData: { 'Compute.Firmware': firmware, 'Compute.SecureBoot': secureBoot } },
    });
  },
  prepare: (cloud) => {
    const bucket = cloud.createBucket('sa-saopaulo-1', HOME_TENANCY, 'uploads', COMPARTMENT);
    cloud.putObject('sa-saopaulo-1', bucket.namespace, bucket.name, 'uefi.qcow2', 2 * 2 ** 30);
    return { image_url: `https://objectstorage.sa-saopaulo-1.oraclecloud.com/n/${bucket.namespace}/b/uploads/o/uefi.qcow2` };
  },
  expect: { exports: 0, copies: 0, imports: 1 },
};

test('apply, plan exit 0, destroy: the capability schema and shape entries come and go with the image', async () => {
  const before = () => world.cloud.inventory();
  const vars = CASE.prepare(world.cloud);
  const start = before();
  const d = await synthExample(world, CASE, vars);
  const dir = d.app.stacks[CASE.rootStack];
  const mark = world.cloud.mark();
  await world.applyOk(dir, vars);
  const calls = world.cloud.since(mark);
  expect(ok(calls, 'CreateComputeImageCapabilitySchema')).toHaveLength(1);
  expect(ok(calls, 'AddImageShapeCompatibilityEntry')).toHaveLength(1);
  expect(calls.filter((c) => c.operation === 'Unrouted')).toEqual([]);
  const plan = await world.plan(dir, vars);
  expect({ code: plan.code, out: plan.code === 0 ? '' : plan.stdout }).toEqual({ code: 0, out: '' });
  const destroy = await world.destroy(dir, vars);
  expect({ code: destroy.code, stderr: destroy.stderr }).toEqual({ code: 0, stderr: '' });
  expect(ok(world.cloud.since(mark), 'DeleteComputeImageCapabilitySchema')).toHaveLength(1);
  expect(world.cloud.inventory()).toEqual(start);
  figures.pass(CASE.name, 'capability schema + shape entry: apply, plan exit 0, destroy leaves nothing');
});

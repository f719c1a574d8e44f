/** Synth-time bounds of the export step's timing, and serialized exports of one image. */
import { App, TerraformElement, TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage } from '../../lib';
import { TEARDOWN_ID } from '../../lib/image/export-teardown';
import { TEST_TIMING_CONTEXT } from '../../lib/image/export-timing';
import { IMAGE, buildError, linuxExport, twoRegions } from '../image/fixtures';
import { synthJson } from '../support/synth';

/** The export step among the stack's terraform_data (the teardown `Cleanup` and import markers are terraform_data too). */
const exportStep = (json: any) => {
  const steps = Object.values<any>(json.resource.terraform_data).filter((r) => r['//']?.metadata?.path?.endsWith('/ExportStep'));
  expect(steps).toHaveLength(1);
  return steps[0];
};

test.each([
  ['timeoutMinutes', 0], ['timeoutMinutes', 0.5], ['timeoutMinutes', 90.5], ['timeoutMinutes', 10081], ['timeoutMinutes', NaN],
  ['pollSeconds', 4], ['pollSeconds', 2.5], ['pollSeconds', 0], ['pollSeconds', 3601], ['pollSeconds', -30],
])('%s %p is refused at synth with the construct path, the value and the range', (name, value) => {
  const { stack, phoenix, bucket } = twoRegions();
  const message = buildError(() => linuxExport(stack, bucket, phoenix, { [name]: value }));
  expect(message).toMatch(new RegExp(`^\\[test/Export\\] ${name} is ${value}: must be a whole number of \\w+ from \\d+ to \\d+ \\(F-24\\)\\. Fix: use a whole number from \\d+ to \\d+`));
});

test.each([
  [{ timeoutMinutes: 1 }], [{ timeoutMinutes: 10080 }], [{ pollSeconds: 5 }], [{ pollSeconds: 3600 }], [{}],
])('%p is accepted and reaches the runner environment', (timing) => {
  const { app, stack, phoenix, bucket } = twoRegions();
  linuxExport(stack, bucket, phoenix, timing);
  const env = exportStep(synthJson(app, stack)).provisioner[0]['local-exec'].environment;
  expect(env.OCI_IMAGE_EXPORT_TIMEOUT_MINUTES).toBe(String((timing as any).timeoutMinutes ?? 240));
  expect(env.OCI_IMAGE_EXPORT_POLL_SECONDS).toBe(String((timing as any).pollSeconds ?? 30));
});

test('the internal test context allows fast polls (tests against a fake only)', () => {
  const { stack, phoenix, bucket } = twoRegions(new App({ context: { [TEST_TIMING_CONTEXT]: true } })) // never synthesized: no outdir needed;
  expect(buildError(() => linuxExport(stack, bucket, phoenix, { pollSeconds: 0.01, timeoutMinutes: 0.1 }))).toBe('');
  const second = twoRegions(new App({ context: { [TEST_TIMING_CONTEXT]: true } }));
  expect(buildError(() => linuxExport(second.stack, second.bucket, second.phoenix, { pollSeconds: 0 }))).toMatch(/pollSeconds is 0/);
});

test('exports of one image are serialized (depends_on the previous step); other images run in parallel', () => {
  const { app, stack, phoenix, bucket } = twoRegions();
  const v = new TerraformVariable(stack, 'img', { type: 'string' }).stringValue;
  const make = (id: string, imageId: string) => new ExportedImage(stack, id, {
    image: { imageId }, destination: ExportDestination.toBucket(bucket), provider: phoenix, objectName: `${id}.oci`,
  });
  const a = make('A', IMAGE);
  const b = make('B', IMAGE);
  const c = make('C', IMAGE);
  const other = make('Other', 'ocid1.image.oc1.phx.other');
  const t1 = make('T1', v);
  const t2 = make('T2', v);
  const steps = synthJson(app, stack).resource.terraform_data;
  const address = (r: TerraformElement) => `terraform_data.${stack.getLogicalId(r)}`;
  const dependsOn = (e: ExportedImage) => steps[stack.getLogicalId(e.step)].depends_on;
  // Every step also depends on its own teardown (export-teardown.ts), and only on that besides the previous step of its image.
  const teardown = (e: ExportedImage) => address(e.node.findChild(TEARDOWN_ID) as TerraformElement);
  expect(dependsOn(a)).toEqual([teardown(a)]);
  expect(dependsOn(b)).toEqual([address(a.step), teardown(b)]);
  expect(dependsOn(c)).toEqual([address(b.step), teardown(c)]);
  expect(dependsOn(other)).toEqual([teardown(other)]);
  expect(dependsOn(t1)).toEqual([teardown(t1)]);
  expect(dependsOn(t2)).toEqual([address(t1.step), teardown(t2)]);
});

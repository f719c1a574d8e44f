import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { TerraformStack } from 'cdktf';
import { CompatChecks, ImageReplication } from '../../lib';
import { newApp, tempDir } from '../support/synth';

const README = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const C = 'ocid1.compartment.oc1..aaaa';

/** The README's acknowledgement example must run as written (against this checkout's lib/). */
test('the README acknowledgement example synthesizes, with the finding kept as acknowledged', () => {
  delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  const block = /Acknowledge a finding[\s\S]*?```ts\n([\s\S]*?)```/.exec(README);
  expect(block).not.toBeNull();
  const outdir = tempDir('readme-ack-');
  const code = (block as RegExpExecArray)[1]
    .replace("from 'cdktf-oci-image-transfer'", `from ${JSON.stringify(resolve(__dirname, '..', '..', 'lib'))}`)
    .replace('new App()', `new App({ outdir: ${JSON.stringify(outdir)} })`);
  expect(code).toContain('CompatChecks.acknowledge(');
  const file = join(tempDir('readme-ack-src-'), 'example.ts');
  writeFileSync(file, code);
  require(file);
  const report = JSON.parse(readFileSync(join(outdir, 'stacks', 'rocky-rollout', 'oci-image-compat.json'), 'utf8'));
  const oit030 = report.findings.filter((f: any) => f.rule === 'OIT030');
  expect(oit030.length).toBeGreaterThanOrEqual(2);
  expect(oit030.every((f: any) => f.acknowledged)).toBe(true);
});

function rockyRollout() {
  const app = newApp();
  const stack = new TerraformStack(app, 'rocky');
  const rollout = new ImageReplication(stack, 'Rocky9', {
    rolloutName: 'rocky9',
    source: { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: C, operatingSystem: 'Rocky Linux', operatingSystemVersion: '9' },
    targets: [{ region: 'us-ashburn-1', compartmentId: C }],
  });
  return { app, stack, rollout };
}

describe('acknowledging a rollout finding where a user puts it', () => {
  beforeEach(() => { delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS; });
  const reason = 'Rocky Linux 9 tested by the platform team, ticket OPS-1234';

  test('without an acknowledgement the export and the import both fail on OIT030', () => {
    const { app } = rockyRollout();
    expect(() => app.synth()).toThrow(/OIT030/);
  });

  test('on the imported image (as a user reads the finding): the export of that image is covered too', () => {
    const { app, stack, rollout } = rockyRollout();
    CompatChecks.acknowledge(rollout.images['us-ashburn-1'], 'OIT030', reason);
    expect(() => app.synth()).not.toThrow();
    const f = CompatChecks.of(stack).findings.filter((x) => x.ruleId === 'OIT030');
    expect(f.map((x) => x.path).sort()).toEqual(['rocky/Rocky9/Export', 'rocky/Rocky9/Target-us-ashburn-1/Import']);
    expect(f.every((x) => x.acknowledged && x.acknowledgedReason === reason)).toBe(true);
  });

  test('on the export (the rollout\'s source step): every import made from it is covered', () => {
    const { app, rollout } = rockyRollout();
    CompatChecks.acknowledge(rollout.exported!, 'OIT030', reason);
    expect(() => app.synth()).not.toThrow();
  });
});

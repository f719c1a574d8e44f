/**
 * The rollout manifest is written once the last of the rollout's stacks is
 * synthesized, from the findings the checks of each stack already reported
 * (no second run of the checks), and `toManifest()` returns the same typed value.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack } from 'cdktf';
import { CompatChecks, FindingLevel, ImageReplication, StackLayout, TransferPath } from '../../lib';
import { newApp } from '../support/synth';

const C = 'ocid1.compartment.oc1..aaaa';
// No operating system given: every import gets a "not checkable" OIT030 finding in its own stack.
const source = { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: C };

function splitRollout() {
  const app = newApp();
  const stack = new TerraformStack(app, 'src');
  const rollout = new ImageReplication(stack, 'Golden', {
    rolloutName: 'golden', source, stackLayout: StackLayout.STACK_PER_REGION,
    targets: [{ region: 'us-ashburn-1', compartmentId: C }, { region: 'eu-frankfurt-1', compartmentId: C }],
    waves: [{ name: 'canary', targets: ['us-ashburn-1'] }, { name: 'rest', targets: ['eu-frankfurt-1'] }],
  });
  return { app, stack, rollout };
}

const manifestFile = (app: { outdir: string }, stack: string) => JSON.parse(readFileSync(join(app.outdir, 'stacks', stack, 'oci-image-rollout-golden.json'), 'utf8'));

test('before the first synth the manifest has no findings; after it, toManifest() is the file', () => {
  const { app, rollout } = splitRollout();
  const before = rollout.toManifest();
  expect(before.waves.flatMap((w) => w.targets).map((t) => t.findings)).toEqual([[], []]);
  expect(before.waves[0].targets[0].path).toBe(TransferPath.COPY_THEN_IMPORT);
  app.synth();
  expect(JSON.parse(JSON.stringify(rollout.toManifest()))).toEqual(manifestFile(app, 'src'));
});

test("each target's findings are those its own stack reported", () => {
  const { app, rollout } = splitRollout();
  app.synth();
  const manifest = manifestFile(app, 'src');
  for (const target of manifest.waves.flatMap((w: any) => w.targets)) {
    const stack = rollout.stacks.find((s) => s.node.id === target.stack) as TerraformStack;
    const own = CompatChecks.of(stack).findings.filter((f) => f.path.startsWith(`${stack.node.id}/`));
    expect(target.findings.map((f: any) => f.rule)).toEqual(own.map((f) => f.ruleId));
    expect(target.findings.map((f: any) => f.rule)).toContain('OIT030');
    expect(target.findings[0].level).toBe(FindingLevel.INFO);
  }
});

test('the checks run once per stack and synth, the manifest reads them', () => {
  const { app, rollout } = splitRollout();
  const spies = rollout.stacks.map((s) => jest.spyOn(CompatChecks.of(s), 'evaluate'));
  app.synth();
  expect(spies.map((s) => s.mock.calls.length)).toEqual(rollout.stacks.map(() => 1));
});

test('a stack whose checks are disabled lists no findings in the manifest', () => {
  const { app, rollout } = splitRollout();
  const frankfurt = rollout.stacks.find((s) => s.node.id.endsWith('eu-frankfurt-1')) as TerraformStack;
  CompatChecks.of(frankfurt).disable();
  app.synth();
  const targets = manifestFile(app, 'src').waves.flatMap((w: any) => w.targets);
  expect(targets.map((t: any) => [t.name, t.findings.length > 0])).toEqual([['us-ashburn-1', true], ['eu-frankfurt-1', false]]);
});

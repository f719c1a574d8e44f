/** Errors fail synth; acknowledgements (with a reason) let it through and stay visible in both reports. */
import { Construct } from 'constructs';
import { CompatChecks, ExportDestination, ExportedImage, FindingLevel, RuleCatalog } from '../../../lib';
import { IMAGE_ID } from '../rules/harness';
import { jsonReport, markdownReport, thrownMessage, World } from './support';

const REASON = 'bucket replicated to Phoenix by the storage team (CHG-1234)';

/** OIT001 (error, acknowledgeable): the export bucket is in another region than the image. */
function wrongBucketRegion(w: World, scope: Construct = w.stack, id = 'Export'): ExportedImage {
  return new ExportedImage(scope, id, {
    image: { imageId: IMAGE_ID, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    destination: ExportDestination.toBucket(w.bucket('AshBucket', { provider: w.ash })),
    provider: w.phx,
  });
}

describe('an error finding', () => {
  test('makes app.synth() throw with the rule id and the construct path', () => {
    const w = new World();
    wrongBucketRegion(w);
    const message = thrownMessage(() => w.app.synth());
    expect(message).toContain('OIT001');
    expect(message).toContain('case/Export');
    expect(message).toContain('Fix:');
  });

  test('is still written to the report of the failed synth', () => {
    const w = new World();
    wrongBucketRegion(w);
    expect(() => w.app.synth()).toThrow();
    const report = jsonReport(w.app, w.stack);
    expect(report.summary.errors).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'OIT001', level: 'error', path: 'case/Export', acknowledged: false }));
  });
});

describe('CompatChecks.acknowledge', () => {
  test('lets the same program synthesize; both reports list the finding as acknowledged with the reason', () => {
    const w = new World();
    const exported = wrongBucketRegion(w);
    CompatChecks.acknowledge(exported, 'OIT001', REASON);
    expect(() => w.app.synth()).not.toThrow();

    const json = jsonReport(w.app, w.stack);
    const finding = json.findings.find((f: any) => f.rule === 'OIT001');
    expect(finding).toEqual(expect.objectContaining({
      rule: 'OIT001', level: 'error', path: 'case/Export', acknowledged: true, acknowledgedReason: REASON,
    }));
    expect(json.summary).toEqual(expect.objectContaining({ errors: 0, acknowledged: 1 }));

    const row = markdownReport(w.app, w.stack).split('\n').find((l) => l.startsWith('| OIT001 '));
    expect(row).toBeDefined();
    expect(row).toContain('case/Export');
    expect(row).toContain(`acknowledged: ${REASON}`);

    const finding2 = CompatChecks.of(w.stack).findings.find((f) => f.ruleId === 'OIT001');
    expect(finding2).toEqual(expect.objectContaining({ level: FindingLevel.ERROR, acknowledged: true, acknowledgedReason: REASON }));
  });

  test('on a parent applies to its children', () => {
    const w = new World();
    const group = new Construct(w.stack, 'Group');
    wrongBucketRegion(w, group);
    CompatChecks.acknowledge(group, 'OIT001', REASON);
    const finding = w.evaluate().find((f) => f.ruleId === 'OIT001');
    expect(finding).toEqual(expect.objectContaining({ path: 'case/Group/Export', acknowledged: true, acknowledgedReason: REASON }));
  });

  test('on the stack applies to every construct of the stack', () => {
    const w = new World();
    wrongBucketRegion(w);
    CompatChecks.acknowledge(w.stack, 'OIT001', REASON);
    expect(w.evaluate().filter((f) => f.ruleId === 'OIT001').map((f) => f.acknowledged)).toEqual([true]);
  });

  test('on a sibling, or for another rule, does not apply', () => {
    const w = new World();
    const sibling = new Construct(w.stack, 'Sibling');
    wrongBucketRegion(w);
    CompatChecks.acknowledge(sibling, 'OIT001', REASON);
    CompatChecks.acknowledge(w.stack, 'OIT060', REASON);
    expect(w.evaluate().filter((f) => f.ruleId === 'OIT001').map((f) => f.acknowledged)).toEqual([false]);
  });

  test('the nearest acknowledgement gives the reason', () => {
    const w = new World();
    const group = new Construct(w.stack, 'Group');
    const exported = wrongBucketRegion(w, group);
    CompatChecks.acknowledge(w.stack, 'OIT001', 'stack-wide reason, good enough');
    CompatChecks.acknowledge(exported, 'OIT001', REASON);
    expect(w.evaluate().find((f) => f.ruleId === 'OIT001')?.acknowledgedReason).toBe(REASON);
  });

  test.each([
    ['9 characters', 'too short'],
    ['blank', ''],
    ['short once trimmed', '    ok       '],
  ])('rejects a reason that is %s, saying how long it must be', (_name, reason) => {
    const w = new World();
    const exported = wrongBucketRegion(w);
    const message = thrownMessage(() => CompatChecks.acknowledge(exported, 'OIT001', reason));
    expect(message).toContain('OIT001');
    expect(message).toContain('case/Export');
    expect(message).toMatch(/at least 10 characters/);
  });

  test('accepts a reason of exactly 10 characters', () => {
    const w = new World();
    const exported = wrongBucketRegion(w);
    expect(() => CompatChecks.acknowledge(exported, 'OIT001', '0123456789')).not.toThrow();
  });

  test('rejects an unknown rule id and lists the known ones', () => {
    const w = new World();
    const exported = wrongBucketRegion(w);
    const message = thrownMessage(() => CompatChecks.acknowledge(exported, 'OIT999', REASON));
    expect(message).toContain('unknown rule "OIT999"');
    expect(message).toContain('OIT001');
    expect(message).toContain('OIT070');
  });

  const notAcknowledgeable = RuleCatalog.all().filter((r) => !r.acknowledgeable).map((r) => r.id);
  const acknowledgeable = RuleCatalog.all().filter((r) => r.acknowledgeable).map((r) => r.id);

  test('some rules are acknowledgeable and some are not', () => {
    expect(notAcknowledgeable.length).toBeGreaterThan(0);
    expect(acknowledgeable.length).toBeGreaterThan(0);
  });

  test.each(notAcknowledgeable)('refuses to acknowledge %s, which can never work', (id) => {
    const w = new World();
    const message = thrownMessage(() => CompatChecks.acknowledge(w.stack, id, REASON));
    expect(message).toContain(`rule "${id}" cannot be acknowledged`);
    expect(message).toContain('Fix:');
  });

  test.each(acknowledgeable)('accepts an acknowledgement of %s', (id) => {
    const w = new World();
    expect(() => CompatChecks.acknowledge(w.stack, id, REASON)).not.toThrow();
  });
});

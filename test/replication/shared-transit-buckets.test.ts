import { TerraformStack } from 'cdktf';
import { ImageReplication, StackLayout } from '../../lib';
import { newApp, resourcesOf, synthJson } from '../support/synth';

const REGIONS = ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1'];

function program(share: boolean, layout = StackLayout.SINGLE_STACK) {
  const app = newApp();
  const stack = new TerraformStack(app, 'rollout');
  for (let i = 0; i < 3; i++) {
    new ImageReplication(stack, `Image${i}`, {
      rolloutName: `golden-v${i}`, stackLayout: layout, shareTransitBuckets: share, freeformTags: { team: 'platform' },
      source: { imageId: `ocid1.image.oc1.phx.v${i}`, region: 'us-phoenix-1', compartmentId: 'ocid1.compartment.oc1..c' },
      targets: REGIONS.map((region) => ({ region, compartmentId: 'ocid1.compartment.oc1..c' })),
    });
  }
  return { app, stack };
}

describe('shareTransitBuckets', () => {
  test('off: a transit bucket per rollout and target (plus the export buckets)', () => {
    const { app, stack } = program(false);
    expect(Object.keys(resourcesOf(synthJson(app, stack), 'oci_objectstorage_bucket'))).toHaveLength(3 * 3 + 3);
  });

  test('on: one per region for all rollouts, without provenance tags or expiry; each copy keeps its own object name', () => {
    const { app, stack } = program(true);
    const json = synthJson(app, stack);
    const buckets = Object.entries<any>(resourcesOf(json, 'oci_objectstorage_bucket')).filter(([k]) => k.startsWith('SharedTransitBucket'));
    expect(buckets).toHaveLength(3);
    for (const [, b] of buckets) expect(b.freeform_tags).toEqual({ team: 'platform' });
    const copies = Object.values<any>(resourcesOf(json, 'oci_objectstorage_object'));
    expect(copies).toHaveLength(9);
    expect(new Set(copies.map((c) => `${c.bucket}|${c.object}`)).size).toBe(9);
    const lifecycles = Object.values<any>(resourcesOf(json, 'oci_objectstorage_object_lifecycle_policy'));
    expect(lifecycles.map((l) => l.bucket).join()).not.toMatch(/SharedTransitBucket/);
  });

  test('on, stack per region: one per target stack', () => {
    const { app } = program(true, StackLayout.STACK_PER_REGION);
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    const shared = stacks.map((s) => s.node.children.filter((c) => c.node.id.startsWith('SharedTransitBucket')).length);
    expect(shared.reduce((a, b) => a + b, 0)).toBe(9);
  });
});

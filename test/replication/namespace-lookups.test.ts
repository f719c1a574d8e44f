import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ImageReplication, StackLayout } from '../../lib';
import { newApp } from '../support/synth';

function rollout(layout: StackLayout) {
  const app = newApp();
  const stack = new TerraformStack(app, 'src');
  const compartment = new TerraformVariable(stack, 'compartment', { type: 'string' });
  new ImageReplication(stack, 'R', {
    rolloutName: 'r', stackLayout: layout,
    source: { imageId: 'ocid1.image.oc1.phx.x', region: 'us-phoenix-1', compartmentId: compartment.stringValue },
    targets: ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1'].map((region) => ({ region, compartmentId: compartment.stringValue })),
  });
  return app;
}

function lookups(app: App): number[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)
    .map((s) => s.node.findAll().filter((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'oci_objectstorage_namespace').length);
}

describe('namespace lookups (F-85: each costs a GetNamespace in every plan)', () => {
  test('a single-stack rollout reads its tenancy namespace once, for the export bucket and every target bucket', () => {
    expect(lookups(rollout(StackLayout.SINGLE_STACK))).toEqual([1]);
  });

  test('a multi-stack rollout reads it once per stack', () => {
    expect(lookups(rollout(StackLayout.STACK_PER_REGION))).toEqual([1, 1, 1, 1]);
    expect(lookups(rollout(StackLayout.STACK_PER_WAVE))).toEqual([1, 1]);
  });
});

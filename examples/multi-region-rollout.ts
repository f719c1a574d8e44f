import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { HostGeneration, ImageReplication, StackLayout } from '../lib';

/**
 * The main job: one golden image from Phoenix to three regions of this
 * tenancy and to a partner tenancy, in two waves (Ashburn is the canary).
 */
export function multiRegionRolloutStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'golden-image-rollout');
  const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string', description: 'Compartment for transit buckets and images' });
  const partnerCompartment = new TerraformVariable(stack, 'partner_compartment_ocid', { type: 'string', description: "Partner tenancy's compartment" });
  const imageId = new TerraformVariable(stack, 'golden_image_ocid', { type: 'string', description: 'Custom image to roll out' });

  new ImageReplication(stack, 'GoldenOl8', {
    rolloutName: 'golden-ol8',
    source: {
      imageId: imageId.stringValue, region: 'us-phoenix-1', compartmentId: compartment.stringValue,
      operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7,
    },
    targets: [
      { region: 'us-ashburn-1', compartmentId: compartment.stringValue, compatibleShapes: ['VM.Standard2.1'] },
      { region: 'eu-frankfurt-1', compartmentId: compartment.stringValue },
      { region: 'uk-london-1', compartmentId: compartment.stringValue },
      {
        name: 'partner', region: 'us-ashburn-1', compartmentId: partnerCompartment.stringValue, otherTenancy: true,
        providerConfig: { region: 'us-ashburn-1', configFileProfile: 'PARTNER' },
      },
    ],
    waves: [
      { name: 'canary', targets: ['us-ashburn-1'] },
      { name: 'main', targets: ['eu-frankfurt-1', 'uk-london-1', 'partner'] },
    ],
    freeformTags: { team: 'platform' },
  });
  return stack;
}

/** The same rollout, one stack per region, for pipelines that apply regions one by one or in parallel. */
export function multiRegionStacksExample(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'golden-image-source');
  const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string' });
  const imageId = new TerraformVariable(stack, 'golden_image_ocid', { type: 'string' });
  new ImageReplication(stack, 'GoldenOl8', {
    rolloutName: 'golden-ol8-split',
    stackLayout: StackLayout.STACK_PER_REGION,
    source: { imageId: imageId.stringValue, region: 'us-phoenix-1', compartmentId: compartment.stringValue, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    targets: [
      { region: 'us-ashburn-1', compartmentId: compartment.stringValue },
      { region: 'eu-frankfurt-1', compartmentId: compartment.stringValue },
      { region: 'ap-tokyo-1', compartmentId: compartment.stringValue },
    ],
    waves: [
      { name: 'canary', targets: ['us-ashburn-1'] },
      { name: 'rest', targets: ['eu-frankfurt-1', 'ap-tokyo-1'] },
    ],
  });
  return stack;
}

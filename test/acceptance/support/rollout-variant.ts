/**
 * The multi-region rollout example (examples/multi-region-rollout.ts) as a
 * function of what a scenario changes between applies: targets, waves,
 * layout, `retired`, an IAM policy. Same source, names and tags otherwise.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { HostGeneration, ImageReplication, StackLayout } from '../../../lib';
import { COMPARTMENT } from './examples';

export interface RolloutVariant {
  readonly stackName: string;
  readonly rolloutName: string;
  /** Same-tenancy target regions. */
  readonly regions: string[];
  /** Add the partner tenancy target (PAR path). @default false */
  readonly partner?: boolean;
  /** Waves as lists of target names. @default one wave */
  readonly waves?: string[][];
  readonly layout?: StackLayout;
  readonly retired?: boolean;
  /** Add the rollout's least-privilege IAM policy. @default false */
  readonly iam?: boolean;
}

export function buildRollout(app: App, v: RolloutVariant): TerraformStack {
  const stack = new TerraformStack(app, v.stackName);
  const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string' });
  const imageId = new TerraformVariable(stack, 'golden_image_ocid', { type: 'string' });
  new ImageReplication(stack, 'Golden', {
    rolloutName: v.rolloutName,
    stackLayout: v.layout,
    retired: v.retired,
    source: {
      imageId: imageId.stringValue, region: 'us-phoenix-1', compartmentId: compartment.stringValue,
      operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7,
    },
    targets: [
      ...v.regions.map((region) => ({ region, compartmentId: compartment.stringValue })),
      ...(v.partner ? [{ name: 'partner', region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..aaaaaaaapartner', otherTenancy: true, providerConfig: { region: 'us-ashburn-1', configFileProfile: 'PARTNER' } }] : []),
    ],
    waves: v.waves?.map((targets, i) => ({ name: `wave${i + 1}`, targets })),
    iam: v.iam ? { policyCompartmentId: COMPARTMENT, principal: 'image-pipeline' } : undefined,
    freeformTags: { team: 'platform' },
  });
  return stack;
}

import { TerraformStack } from 'cdktf';
import { ImageReplication, OCI_PROVIDER_VERSION_CONSTRAINT } from '../../../lib';
import { constraintsOverlap, joinConstraints } from '../../../lib/compat/provider-pin';
import { newApp, synthJson } from '../../support/synth';
import { UserOciProvider } from '../rules/cases/regions-and-providers.cases';

const C = 'ocid1.compartment.oc1..aaaa';

function rolloutWithUserPin(userFirst: boolean, pin: string) {
  delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  const app = newApp();
  const stack = new TerraformStack(app, 'pinned');
  const user = () => new UserOciProvider(stack, 'mine', pin);
  if (userFirst) user();
  new ImageReplication(stack, 'Golden', {
    rolloutName: 'golden',
    source: { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: C, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    targets: [{ region: 'us-ashburn-1', compartmentId: C }],
  });
  if (!userFirst) user();
  return { app, stack };
}

describe('required_providers: the user\'s oracle/oci pin is merged, never overridden', () => {
  test.each([[true], [false]])('user provider first: %s -> the same intersection', (userFirst) => {
    const { app, stack } = rolloutWithUserPin(userFirst, '~> 7.30');
    const json = synthJson(app, stack);
    expect(json.terraform.required_providers.oci).toEqual({ source: 'oracle/oci', version: `~> 7.30, ${OCI_PROVIDER_VERSION_CONSTRAINT}` });
  });

  test('a pin that excludes every supported version fails synth (OIT008)', () => {
    const { app } = rolloutWithUserPin(false, '= 6.9.0');
    expect(() => app.synth()).toThrow(/OIT008[\s\S]*"= 6.9.0"/);
  });

  test('constraint arithmetic', () => {
    expect(constraintsOverlap(['~> 7.30', OCI_PROVIDER_VERSION_CONSTRAINT])).toBe(true);
    expect(constraintsOverlap(['~> 8.1.0', OCI_PROVIDER_VERSION_CONSTRAINT])).toBe(true);
    expect(constraintsOverlap(['7.26.0', OCI_PROVIDER_VERSION_CONSTRAINT])).toBe(false);
    expect(constraintsOverlap(['>= 9.0', OCI_PROVIDER_VERSION_CONSTRAINT])).toBe(false);
    expect(constraintsOverlap(['~> 7.26.3', OCI_PROVIDER_VERSION_CONSTRAINT])).toBe(false);
    expect(constraintsOverlap(['not a version'])).toBeUndefined();
    expect(joinConstraints(['>= 7.30.0', '>= 7.30.0, < 9.0.0'])).toBe('>= 7.30.0, < 9.0.0');
  });
});

import { TerraformProviderGeneratorMetadata } from 'cdktf';

/**
 * Provider source and version constraint written to `required_providers`.
 * Attribute names and blocks follow the oracle/oci 7.27.0 schema; 8.x keeps
 * them, so any 7.27+ release below 9 is accepted.
 */
/** @deprecated Use `OciProvider.PROVIDER_SOURCE` (a static member, visible in every jsii language). */
export const OCI_PROVIDER_SOURCE = 'oracle/oci';
/** @deprecated Use `OciProvider.VERSION_CONSTRAINT` (a static member, visible in every jsii language). */
export const OCI_PROVIDER_VERSION_CONSTRAINT = '>= 7.27.0, < 9.0.0';

export const OCI_GENERATOR_METADATA: TerraformProviderGeneratorMetadata = {
  providerName: 'oci',
  providerVersionConstraint: OCI_PROVIDER_VERSION_CONSTRAINT,
};

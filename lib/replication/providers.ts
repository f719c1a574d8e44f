import { TerraformStack } from 'cdktf';
import { OciImageTransferError } from '../core/errors';
import { OciProvider, OciProviderConfig } from '../provider';

/**
 * One aliased provider per stack and alias, shared by every rollout in the
 * stack: 20 images to 40 regions need 40 providers, not 800.
 */
export function sharedProvider(stack: TerraformStack, alias: string, config: OciProviderConfig): OciProvider {
  const id = `oci-${alias}`;
  const existing = stack.node.tryFindChild(id);
  const wanted = { ...config, alias };
  if (existing) {
    const provider = existing as OciProvider;
    if (JSON.stringify(provider.config) !== JSON.stringify(wanted)) {
      throw new OciImageTransferError(stack.node.path, `provider alias ${JSON.stringify(alias)} is configured twice with different settings`,
        'give the targets the same providerConfig, or distinct target names (the alias comes from the name)', ['F-68']);
    }
    return provider;
  }
  return new OciProvider(stack, id, wanted);
}

/** A provider alias from a name: letters, digits, `_` and `-` only. */
export function aliasFor(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

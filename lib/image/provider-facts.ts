import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { OciImageTransferError } from '../core/errors';
import { isUnresolved } from '../core/tokens';
import { show } from '../core/validate';
import { AuthMode } from '../knowledge/auth-modes';

/**
 * Reads what the checks need (region, auth mode, tenancy) from a provider.
 * Works for our OciProvider and for a user's own generated `OciProvider`
 * (both expose the config values as plain properties); anything else is
 * unknown, and the checks say so instead of guessing.
 */
export function providerRegion(provider: TerraformProvider | undefined): string | undefined {
  return stringSetting(provider, 'region');
}

export function providerTenancy(provider: TerraformProvider | undefined): string | undefined {
  return stringSetting(provider, 'tenancyOcid');
}

/** The provider's `auth`; the provider defaults to ApiKey when it is unset (F-68). */
export function providerAuth(provider: TerraformProvider | undefined): string | undefined {
  if (!provider || provider.terraformResourceType !== 'oci') return undefined;
  return stringSetting(provider, 'auth') ?? 'ApiKey';
}

/**
 * The provider's `auth` read through `AuthMode` (the provider's default,
 * ApiKey, when unset; F-68). A value known only at apply gives a mode the
 * checks cannot judge; a literal the provider would refuse at plan is an
 * error naming the construct `path`. Undefined when the provider is not an
 * oci provider.
 */
export function providerAuthMode(path: string, provider: TerraformProvider | undefined): AuthMode | undefined {
  const auth = providerAuth(provider);
  if (auth === undefined) return undefined;
  if (isUnresolved(auth)) return AuthMode._unresolved(auth);
  const mode = AuthMode.tryOf(auth);
  if (!mode) {
    throw new OciImageTransferError(path, `the provider ${provider!.node.path} has auth ${show(auth)}, which is not one of ${AuthMode.ALL.map((m) => m.value).join(', ')}`,
      'set the provider\'s auth to one of those values (oracle/oci refuses any other at plan)', ['F-68']);
  }
  return mode;
}

function stringSetting(provider: TerraformProvider | undefined, key: string): string | undefined {
  if (!provider || provider.terraformResourceType !== 'oci') return undefined;
  const fromConfig = (provider as any).config?.[key];
  if (typeof fromConfig === 'string') return fromConfig;
  try {
    const direct = (provider as any)[key];
    return typeof direct === 'string' ? direct : undefined;
  } catch {
    return undefined;
  }
}

/** The provider's `configFileProfile` (ApiKey/SecurityToken auth read it from ~/.oci/config). */
export function providerProfile(provider: TerraformProvider | undefined): string | undefined {
  return stringSetting(provider, 'configFileProfile');
}

/** The stack's default (unaliased) `oci` provider, which resources without a provider use. */
export function defaultOciProvider(scope: IConstruct): TerraformProvider | undefined {
  const isDefaultOci = (c: IConstruct): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'oci' && !c.alias;
  // Terraform allows one default provider per type in a stack, so the first match is the match. Providers are
  // nearly always children of the stack: look there before walking the whole tree.
  const stack = TerraformStack.of(scope);
  return stack.node.children.find(isDefaultOci) ?? stack.node.findAll().find(isDefaultOci);
}

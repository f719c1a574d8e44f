/**
 * Builds the OCI SDK authentication provider for `--auth` (modes mirror the
 * provider's `auth` argument, F-68). The SDK module is passed in so this
 * file never loads it by itself.
 */
import type * as OciCommon from 'oci-common';
import { RUNNER_EXIT } from '../runner-contract';
import { RunnerError } from './errors';
import { RunnerOptions } from './options';

export async function createAuthProvider(
  common: typeof OciCommon,
  o: Pick<RunnerOptions, 'auth' | 'configFile' | 'profile'>,
): Promise<OciCommon.AuthenticationDetailsProvider> {
  try {
    switch (o.auth) {
      case 'ApiKey':
        return new common.ConfigFileAuthenticationDetailsProvider(o.configFile, o.profile);
      case 'SecurityToken':
        return new common.SessionAuthDetailProvider(o.configFile, o.profile);
      case 'InstancePrincipal':
        return await new common.InstancePrincipalsAuthenticationDetailsProviderBuilder().build();
      case 'ResourcePrincipal':
        return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
    }
  } catch (err) {
    const where = o.auth === 'ApiKey' || o.auth === 'SecurityToken'
      ? ` from ${o.configFile ?? 'the default config file (~/.oci/config)'}, profile ${o.profile ?? 'DEFAULT'}`
      : '';
    throw new RunnerError(RUNNER_EXIT.AUTH, `could not load ${o.auth} credentials${where}: ${(err as Error)?.message ?? String(err)}`);
  }
}

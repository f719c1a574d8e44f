/**
 * Builds the OCI SDK authentication provider for `--auth` (modes mirror the
 * provider's `auth` argument, F-68). The SDK module is passed in so this
 * file never loads it by itself.
 */
import { createPrivateKey } from 'crypto';
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
        return checkKey(new common.ConfigFileAuthenticationDetailsProvider(o.configFile, o.profile));
      case 'SecurityToken':
        return checkKey(new common.SessionAuthDetailProvider(o.configFile, o.profile));
      case 'InstancePrincipal':
        return await new common.InstancePrincipalsAuthenticationDetailsProviderBuilder().build();
      case 'ResourcePrincipal':
        return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
    }
  } catch (err) {
    const where = o.auth === 'ApiKey' || o.auth === 'SecurityToken'
      ? ` from ${o.configFile ?? 'the default config file (~/.oci/config)'}, profile ${o.profile ?? 'DEFAULT'}`
      : '';
    throw new RunnerError(RUNNER_EXIT.AUTH, `could not load ${o.auth} credentials${where}: ${oneLine(err)}`);
  }
  // Unreachable: options.ts accepts only RUNNER_AUTH_MODES (from AuthMode), each handled above.
  throw new RunnerError(RUNNER_EXIT.USAGE, `--auth ${o.auth} is not supported by this runner`);
}

/**
 * The SDK reads the API key only when it signs the first request, so an
 * encrypted key without its passphrase, a wrong passphrase or a file that is
 * no key would surface as an unexpected crash mid-run. Parse it now instead.
 */
function checkKey<T extends { getPrivateKey(): string; getPassphrase(): string | null }>(provider: T): T {
  const pem = provider.getPrivateKey();
  const passphrase = provider.getPassphrase() ?? undefined;
  // An encrypted PEM says so in its header (PKCS#8 "ENCRYPTED PRIVATE KEY" or PKCS#1 "Proc-Type: 4,ENCRYPTED").
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) throw new Error('the API key is encrypted and no pass_phrase is configured');
  try {
    createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
  } catch {
    throw new Error(encrypted ? 'the pass_phrase does not decrypt the API key' : 'the key_file is not a PEM private key');
  }
  return provider;
}

/** First line of an error message: the SDK's config errors can span lines. */
function oneLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';
}

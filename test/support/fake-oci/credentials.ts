/**
 * Throwaway API-key credentials for tests: an RSA key generated per run and
 * an OCI config file in a temp dir, so the runner goes through the SDK's
 * real ConfigFileAuthenticationDetailsProvider and signs every call.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export interface TestCredentials {
  readonly dir: string;
  readonly configFile: string;
  readonly keyFile: string;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
  readonly tenancy: string;
  readonly user: string;
  /** What the SDK puts in the signature's keyId. */
  readonly keyId: string;
}

export interface ApiKey {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  /** As OCI shows it: the MD5 of the DER public key, colon-separated hex. */
  readonly fingerprint: string;
}

/** A fresh 2048-bit RSA API signing key. */
export function generateApiKey(): ApiKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const der = createPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, fingerprint: createHash('md5').update(der).digest('hex').match(/../g)!.join(':') };
}

export function createTestCredentials(): TestCredentials {
  const { privateKeyPem: privateKey, publicKeyPem: publicKey, fingerprint } = generateApiKey();
  const tenancy = 'ocid1.tenancy.oc1..aaaaaaaafaketenancy';
  const user = 'ocid1.user.oc1..aaaaaaaafakeuser';
  const dir = mkdtempSync(join(tmpdir(), 'oci-export-creds-'));
  const keyFile = join(dir, 'api_key.pem');
  const configFile = join(dir, 'config');
  writeFileSync(keyFile, privateKey, { mode: 0o600 });
  writeFileSync(
    configFile,
    ['[DEFAULT]', `user=${user}`, `fingerprint=${fingerprint}`, `tenancy=${tenancy}`, 'region=eu-frankfurt-1', `key_file=${keyFile}`, ''].join('\n'),
    { mode: 0o600 },
  );
  return { dir, configFile, keyFile, privateKeyPem: privateKey, publicKeyPem: publicKey, fingerprint, tenancy, user, keyId: `${tenancy}/${user}/${fingerprint}` };
}

/** Strings that must never appear in runner output. */
export function secretNeedles(creds: TestCredentials, extra: readonly string[] = []): string[] {
  const pemBody = creds.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
  return [creds.fingerprint, creds.privateKeyPem.trim(), ...pemBody, 'PRIVATE KEY-----', ...extra];
}

export function findSecrets(output: string, needles: readonly string[]): string[] {
  return needles.filter((n) => n.length > 0 && output.includes(n));
}

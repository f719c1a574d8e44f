/**
 * Verifies OCI request signatures (draft-cavage HTTP signatures, RSA-SHA256)
 * the way the service does, so the fake only answers really signed calls.
 */
import { createHash, createVerify } from 'crypto';

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: string };

/** What a signature covers: the method, the request-target as sent, the headers and the body. */
export interface SignedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** `keys`: keyId -> PEM public key of every key the service knows. */
export function verifySignature(req: SignedRequest, keys: ReadonlyMap<string, string>): SignatureCheck {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return { ok: false, reason: 'no Authorization header' };
  const params = Object.fromEntries(
    Array.from(auth.replace(/^Signature\s+/, '').matchAll(/(\w+)="([^"]*)"/g), (m) => [m[1], m[2]]),
  );
  const publicKeyPem = keys.get(params.keyId);
  if (publicKeyPem === undefined) return { ok: false, reason: `unknown keyId` };
  if (params.algorithm !== 'rsa-sha256') return { ok: false, reason: 'unsupported algorithm' };
  const names = (params.headers ?? '').split(' ').map((h) => h.toLowerCase());
  for (const required of ['(request-target)', 'host']) {
    if (!names.includes(required)) return { ok: false, reason: `${required} not signed` };
  }
  if (!names.includes('date') && !names.includes('x-date')) return { ok: false, reason: 'date not signed' };
  const lines: string[] = [];
  for (const name of names) {
    if (name === '(request-target)') lines.push(`(request-target): ${req.method.toLowerCase()} ${req.target}`);
    else {
      const value = req.headers[name];
      if (value === undefined) return { ok: false, reason: `signed header ${name} missing` };
      lines.push(`${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
    }
  }
  if (names.includes('x-content-sha256')) {
    const digest = createHash('sha256').update(req.body).digest('base64');
    if (req.headers['x-content-sha256'] !== digest) return { ok: false, reason: 'body digest mismatch' };
  }
  const ok = createVerify('RSA-SHA256').update(lines.join('\n')).verify(publicKeyPem, params.signature ?? '', 'base64');
  return ok ? { ok: true, keyId: params.keyId } : { ok: false, reason: 'bad signature' };
}

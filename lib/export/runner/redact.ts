/**
 * Masks secrets in every line the runner prints. A PAR URL is a bearer
 * secret (F-55) and Terraform keeps provisioner output in CI logs, so the
 * runner filters everything it writes (messages, errors, stack traces)
 * through one redactor instead of trusting each call site.
 */

export type Redactor = (text: string) => string;

export const MASK = '***';

/** Patterns for secrets the runner may meet without knowing them in advance. */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // PEM blocks (private keys, also partial blocks cut by line splitting).
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, `[private key ${MASK}]`],
  [/-----END [A-Z0-9 ]*PRIVATE KEY-----/g, `[private key ${MASK}]`],
  // PAR token path segment (F-51), raw or percent-encoded slashes.
  [/\/p\/[^/\s"'?#]+\//g, `/p/${MASK}/`],
  [/%2Fp%2F[^%\s"'?#]+%2F/gi, `%2Fp%2F${MASK}%2F`],
  [/\\\/p\\\/[^\\/\s"'?#]+\\\//g, `\\/p\\/${MASK}\\/`],
  // HTTP signature / bearer headers and their parts.
  [/(\bauthorization\s*:\s*)(?=[^\s"'])[^\r\n]+/gi, `$1${MASK}`],
  [/(["']authorization["']\s*:\s*["'])[^"']*/gi, `$1${MASK}`],
  [/(signature=")[^"]*(")/gi, `$1${MASK}$2`],
  [/(keyId=")[^"]*(")/gi, `$1${MASK}$2`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, `Bearer ${MASK}`],
  // API key fingerprints (16 hex pairs).
  [/\b(?:[0-9a-f]{2}:){15}[0-9a-f]{2}\b/gi, `[fingerprint ${MASK}]`],
  // Session tokens: JWTs and the ST$ key ids of security-token auth.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, `[token ${MASK}]`],
  [/ST\$[A-Za-z0-9._~+/=-]+/g, `ST$${MASK}`],
];

/**
 * The forms a secret takes in the text a service or library may print:
 * raw, percent-encoded (upper- and lower-case hex, once and twice),
 * `encodeURI`d, and JSON-escaped (quotes, backslashes and `\/`).
 */
export function secretEncodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const pct = encodeURIComponent(secret);
  return Array.from(new Set([
    secret,
    pct,
    pct.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    encodeURIComponent(pct),
    encodeURI(secret),
    json,
    json.replace(/\//g, '\\/'),
  ]));
}

/** The PAR token of a URL's `/p/<token>/` segment, if any (F-51). */
export function parTokenOf(url: string | undefined): string | undefined {
  return url ? /\/p\/([^/?#\s]+)\//.exec(url)?.[1] : undefined;
}

function safeDecode(text: string | undefined): string | undefined {
  try {
    return text === undefined ? undefined : decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * @param secrets exact values to mask wherever they appear (e.g. the
 *   destination URL and its PAR token), in every form of `secretEncodings`.
 *   The PAR token inside a URL is added on its own.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined> = []): Redactor {
  const all = secrets.flatMap((s) => (s ? [s, parTokenOf(s), safeDecode(parTokenOf(s))] : []));
  const literals = Array.from(
    new Set(all.flatMap((s) => (s && s.length >= 6 ? secretEncodings(s) : []))),
  ).sort((a, b) => b.length - a.length); // longest first: the URL before its token
  return (text: string): string => {
    let out = String(text);
    for (const lit of literals) out = out.split(lit).join(`[redacted ${MASK}]`);
    for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
    return out;
  };
}

/**
 * The runner's HTTP transport where the provider's network rules apply
 * (F-84). The provider reaches OCI through Go's http.ProxyFromEnvironment
 * and trusts extra CAs from `custom_cert_location`; the SDK's default
 * transport (Node's fetch) does neither, so when either is configured the
 * SDK clients get this transport instead (an `HttpClient` that signs like
 * the SDK's own and sends with node:http / node:https):
 *
 * - `HTTPS_PROXY`/`https_proxy` for https URLs (a CONNECT tunnel, TLS to the
 *   service inside it), `HTTP_PROXY`/`http_proxy` for http URLs (absolute-form
 *   requests); upper case first, as Go reads them. Proxy credentials in the
 *   URL become `Proxy-Authorization: Basic`.
 * - `NO_PROXY`/`no_proxy` with Go's rules: `*`; host names matching the host
 *   and its subdomains (`.example.com` only subdomains, `*.example.com` too);
 *   IP addresses and CIDR ranges; an optional `:port`. `localhost` and
 *   loopback addresses are never proxied.
 * - Trusted CAs: Node's bundled roots, plus the PEM files named by
 *   `NODE_EXTRA_CA_CERTS` and `custom_cert_location`.
 */
import { readFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { BlockList, isIP } from 'net';
import * as tls from 'tls';
import type * as OciCommon from 'oci-common';
import { RUNNER_EXIT } from '../runner-contract';
import { RunnerError } from './errors';

type Env = Readonly<Record<string, string | undefined>>;

export interface ProxySettings {
  readonly httpsProxy?: URL;
  readonly httpProxy?: URL;
  /** Raw NO_PROXY value. */
  readonly noProxy: string;
}

/** Proxy variables as Go reads them: upper case first, a URL without a scheme taken as http://. */
export function proxySettings(env: Env): ProxySettings {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '')?.trim();
  return {
    httpsProxy: proxyUrl(pick('HTTPS_PROXY', 'https_proxy'), 'HTTPS_PROXY'),
    httpProxy: proxyUrl(pick('HTTP_PROXY', 'http_proxy'), 'HTTP_PROXY'),
    noProxy: pick('NO_PROXY', 'no_proxy') ?? '',
  };
}

function proxyUrl(value: string | undefined, name: string): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new RunnerError(RUNNER_EXIT.USAGE, `${name} is not a proxy URL such as http://proxy.example.com:3128`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RunnerError(RUNNER_EXIT.USAGE, `${name}: only http:// and https:// proxies are supported, not ${url.protocol}//`);
  }
  return url;
}

/** The proxy for a request URL, or undefined to connect directly (Go's httpproxy rules). */
export function proxyFor(target: URL, s: ProxySettings): URL | undefined {
  const proxy = target.protocol === 'https:' ? s.httpsProxy : target.protocol === 'http:' ? s.httpProxy : undefined;
  if (!proxy) return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  if (host === 'localhost' || isLoopback(host)) return undefined;
  return bypassed(host, port, s.noProxy) ? undefined : proxy;
}

function isLoopback(host: string): boolean {
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

function bypassed(host: string, port: string, noProxy: string): boolean {
  return noProxy.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean).some((entry) => {
    if (entry === '*') return true;
    if (entry.includes('/')) return inSubnet(host, entry);
    const [name, entryPort] = splitPort(entry);
    if (entryPort && entryPort !== port) return false;
    if (isIP(name)) return name === host;
    const suffix = name.startsWith('*.') ? name.slice(1) : name;
    // "example.com" matches itself and its subdomains; ".example.com" and "*.example.com" only subdomains.
    return suffix.startsWith('.') ? host.endsWith(suffix) : host === suffix || host.endsWith(`.${suffix}`);
  });
}

/** `host`, `host:port`, `1.2.3.4:80`, `[::1]:80` or a bare IPv6 address. */
function splitPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1], bracketed[2]];
  if (isIP(entry)) return [entry, undefined];
  const m = /^([^:]+):(\d+)$/.exec(entry);
  return m ? [m[1], m[2]] : [entry, undefined];
}

function inSubnet(host: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const family = isIP(net);
  if (!family || isIP(host) !== family || !/^\d+$/.test(bits)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(net, Number(bits), type);
  return list.check(host, type);
}

/** Node's bundled roots plus the PEM files of NODE_EXTRA_CA_CERTS and custom_cert_location; undefined when neither is set. */
export function trustedCas(env: Env, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string[] | undefined {
  const files = [['custom_cert_location', env.custom_cert_location], ['NODE_EXTRA_CA_CERTS', env.NODE_EXTRA_CA_CERTS]]
    .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].trim() !== '');
  if (!files.some(([name]) => name === 'custom_cert_location')) return undefined; // Node applies NODE_EXTRA_CA_CERTS by itself
  const extra = files.map(([name, path]) => {
    try {
      return read(path.trim());
    } catch (err) {
      throw new RunnerError(RUNNER_EXIT.USAGE, `${name}: cannot read the CA file ${path.trim()} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  });
  return [...tls.rootCertificates, ...extra];
}

/** What the SDK clients call: the part of oci-common's HttpClient the runner needs. */
export interface RunnerHttpClient {
  send(req: { method: string; uri: string; headers: Headers; body?: unknown }, forceExcludeBody?: boolean): Promise<Response>;
}

/**
 * An `HttpClient` for the SDK clients when a proxy or `custom_cert_location`
 * is configured; undefined otherwise (the SDK's own transport is used).
 */
export function createTransport(env: Env): ((signer: OciCommon.RequestSigner | null) => RunnerHttpClient) | undefined {
  const proxies = proxySettings(env);
  const ca = trustedCas(env);
  if (!proxies.httpsProxy && !proxies.httpProxy && !ca) return undefined;
  return (signer) => ({
    async send(req, forceExcludeBody = false) {
      const body = req.body === undefined || req.body === null || req.body === '' ? undefined : req.body;
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        throw new Error('the proxy transport sends string or byte bodies only');
      }
      if (signer) await signer.signHttpRequest({ method: req.method, uri: req.uri, headers: req.headers, body: forceExcludeBody ? undefined : body } as never, forceExcludeBody);
      return send(new URL(req.uri), req.method, req.headers, body as string | Uint8Array | undefined, proxyFor(new URL(req.uri), proxies), ca);
    },
  });
}

async function send(url: URL, method: string, headers: Headers, body: string | Uint8Array | undefined, proxy: URL | undefined, ca?: string[]): Promise<Response> {
  const outgoing: http.OutgoingHttpHeaders = {};
  headers.forEach((value, key) => (outgoing[key] = value));
  if (body !== undefined && outgoing['content-length'] === undefined) outgoing['content-length'] = Buffer.byteLength(body);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let options: https.RequestOptions;
  if (url.protocol === 'https:') {
    const socket = proxy ? await tunnel(proxy, url.hostname, port, ca) : undefined;
    // With createConnection and no agent, Node sends the request on the tunnelled socket.
    options = socket
      ? { host: url.hostname, port, createConnection: () => socket }
      : { host: url.hostname, port, servername: isIP(url.hostname) ? undefined : url.hostname, ca, agent: false };
  } else if (proxy) {
    // Plain http through a proxy: absolute-form request line, as Go sends it.
    options = { host: proxy.hostname, port: Number(proxy.port || 80), agent: false };
    const auth = proxyAuthorization(proxy);
    if (auth) outgoing['proxy-authorization'] = auth;
  } else {
    options = { host: url.hostname, port, agent: false };
  }
  const path = url.protocol === 'http:' && proxy ? url.toString() : `${url.pathname}${url.search}`;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const req = lib.request({ ...options, method, path, headers: { host: url.host, ...outgoing } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        const status = res.statusCode ?? 0;
        const content = Buffer.concat(chunks);
        const empty = method === 'HEAD' || status === 204 || status === 304 || content.length === 0;
        resolve(new Response(empty ? null : content, { status, statusText: res.statusMessage, headers: responseHeaders }));
      });
    });
    req.on('error', (err) => reject(networkError(err, url, proxy)));
    req.end(body);
  });
}

/** CONNECT host:port through the proxy, then TLS to the service inside the tunnel. */
function tunnel(proxy: URL, host: string, port: number, ca?: string[]): Promise<tls.TLSSocket> {
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const headers: http.OutgoingHttpHeaders = { host: target };
  const auth = proxyAuthorization(proxy);
  if (auth) headers['proxy-authorization'] = auth;
  const lib = proxy.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request({
      host: proxy.hostname, port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)), method: 'CONNECT', path: target, headers, agent: false, ca,
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        return reject(Object.assign(new Error(`the proxy answered CONNECT ${target} with ${res.statusCode} ${res.statusMessage ?? ''}`.trim()), { requestEndpoint: target }));
      }
      // `host` is what the certificate is checked against (also for an IP address, where SNI is not sent).
      const secure = tls.connect({ socket, host, servername: isIP(host) ? undefined : host, ca });
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', (err) => reject(networkError(err, new URL(`https://${target}`), proxy)));
    });
    req.on('error', (err) => reject(networkError(err, new URL(`https://${target}`), proxy)));
    req.end();
  });
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

/**
 * Shaped like the SDK's network errors (a `requestEndpoint`, no status), so
 * the runner retries it like any lost connection. The proxy is named by
 * host only: its URL may carry credentials.
 */
function networkError(err: Error & { code?: string }, url: URL, proxy?: URL): Error {
  const via = proxy ? ` through the proxy ${proxy.host}` : '';
  if (err.code && UNTRUSTED_CERTIFICATE.has(err.code)) {
    // backoff.ts does not retry these: the same certificate would be refused until the timeout.
    return Object.assign(new Error(`the TLS certificate presented for ${url.host}${via} is not trusted (${err.message}). ` +
      'If a proxy or gateway re-signs TLS, add its CA certificate with custom_cert_location or NODE_EXTRA_CA_CERTS (PEM files)'), { code: err.code });
  }
  return Object.assign(new Error(`${err.message}${via}`), { code: err.code, requestEndpoint: url.host });
}

/** Node's codes for a certificate that does not verify or does not name the host. */
export const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Constructor parameters of the SDK clients: signed ones, and unsigned ones for PAR requests (a PAR is a bearer URL). */
export function sdkClientParams(common: typeof OciCommon, auth: OciCommon.AuthenticationDetailsProvider, env: Env): { signed: any; unsigned: any } {
  const transport = createTransport(env);
  if (!transport) return { signed: { authenticationDetailsProvider: auth }, unsigned: { httpClient: new common.FetchHttpClient(null) } };
  return {
    signed: { authenticationDetailsProvider: auth, httpClient: transport(new common.DefaultRequestSigner(auth)) },
    unsigned: { httpClient: transport(null) },
  };
}

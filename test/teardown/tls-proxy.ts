/**
 * Test network pieces for the runner's transport: a server certificate from
 * the fake's test CA, an HTTP proxy that answers CONNECT by terminating TLS
 * with it (as a corporate intercepting proxy does) and forwards the
 * decrypted requests to the fake OCI's plain listener, and a direct TLS
 * front for that listener.
 */
import * as http from 'http';
import * as https from 'https';
import { AddressInfo, Socket } from 'net';
import * as tls from 'tls';
import { TestCa } from '../support/fake-oci/ca';

export interface TestPki {
  readonly ca: TestCa;
  readonly caFile: string;
  readonly key: string;
  readonly cert: string;
}

/** A CA and a server certificate for `*.eu-frankfurt-1.oraclecloud.com` and the given IPs. */
export function makeTestPki(ips: string[]): TestPki {
  const ca = TestCa.create();
  const { key, cert } = ca.certificateFor('*.eu-frankfurt-1.oraclecloud.com', ...ips);
  return { ca, caFile: ca.caCertFile, key, cert };
}

/** Forwards a request, Host header and body unchanged (the fake checks the signature over them), to the fake. */
function forwardTo(fakeUrl: string, seen: string[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push(`${req.method} ${req.headers.host}${req.url}`);
    const upstream = http.request(new URL(req.url!, fakeUrl), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
}

/** An HTTP proxy on 127.0.0.1 that intercepts CONNECT tunnels with the test certificate. */
export class InterceptingProxy {
  static async start(fakeUrl: string, pki: TestPki): Promise<InterceptingProxy> {
    const p = new InterceptingProxy(fakeUrl, pki);
    await new Promise<void>((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    return p;
  }

  /** `host:port` of every CONNECT. */
  readonly connects: string[] = [];
  /** `METHOD host/path` of every request seen inside a tunnel. */
  readonly requests: string[] = [];
  /** Proxy-Authorization headers of the CONNECTs. */
  readonly authorizations: (string | undefined)[] = [];
  private readonly server: http.Server;
  private readonly inner: http.Server;
  private readonly sockets = new Set<Socket>();

  private constructor(fakeUrl: string, pki: TestPki) {
    this.inner = http.createServer(forwardTo(fakeUrl, this.requests));
    this.server = http.createServer((_req, res) => res.writeHead(405).end());
    this.server.on('connection', (s: Socket) => this.track(s));
    this.server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
      this.connects.push(req.url!);
      this.authorizations.push(req.headers['proxy-authorization']);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) client.unshift(head);
      const secure = new tls.TLSSocket(client, { isServer: true, key: pki.key, cert: pki.cert });
      secure.on('error', () => client.destroy());
      this.track(secure);
      this.inner.emit('connection', secure);
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }
}

/** The fake behind TLS on `host` (a direct connection, for NO_PROXY). */
export async function startTlsFront(fakeUrl: string, pki: TestPki, host: string): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const requests: string[] = [];
  const server = https.createServer({ key: pki.key, cert: pki.cert }, forwardTo(fakeUrl, requests));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `https://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

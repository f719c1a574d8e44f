/**
 * The transport of the fake OCI: an HTTP proxy on 127.0.0.1 that accepts
 * `CONNECT <service>.<region>.oraclecloud.com:443`, terminates TLS with a
 * certificate from the test CA for that host, and answers the requests from
 * FakeCloud (dispatch.ts). Point the provider at it with HTTPS_PROXY +
 * custom_cert_location (../shared/oci-provider/README.md).
 * `regionEndpoint(region)` adds a plain HTTP listener for one region, for
 * clients that take endpoint overrides instead of a proxy (the export
 * runner's tests). The CA is made on first use, so plain use needs no openssl.
 */
import { randomUUID } from 'crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo, Socket } from 'net';
import { TLSSocket, createSecureContext } from 'tls';
import { TestCa } from './ca';
import { FakeCloud, FakeReply, FakeRequest, Service, errorReply } from './cloud';
import { Answer, dispatch } from './dispatch';

const HOST = /^(objectstorage|iaas|identity)\.([a-z0-9-]+)\.(?:oci\.)?oraclecloud\.com$/;

export class FakeOciProxy {
  static async start(cloud = new FakeCloud()): Promise<FakeOciProxy> {
    const fake = new FakeOciProxy(cloud);
    await listen(fake.proxy);
    return fake;
  }

  /** Requests whose host or path no route knows (tests assert this stays empty). */
  readonly unrouted: string[] = [];
  private readonly proxy: Server;
  /** Serves requests decrypted from CONNECT tunnels. */
  private readonly tunnelled: Server;
  private readonly plain = new Map<string, Server>();
  private readonly sockets = new Set<Socket>();
  private testCa?: TestCa;

  private constructor(readonly cloud: FakeCloud) {
    this.tunnelled = createServer((req, res) => this.receive(req, res, (req.socket as TunnelSocket).connectHost ?? req.headers.host ?? ''));
    this.proxy = createServer((req, res) => {
      res.writeHead(405, { 'content-type': 'text/plain' });
      res.end('fake-oci proxy: only CONNECT to *.oraclecloud.com:443 is served\n');
    });
    this.proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => this.tunnel(req, socket, head));
    this.proxy.on('connection', (s: Socket) => this.track(s));
  }

  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY. */
  get proxyUrl(): string {
    return `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  /** The test CA that signs the tunnels' certificates (made on first use). */
  get ca(): TestCa {
    this.testCa ??= TestCa.create();
    return this.testCa;
  }

  /** The CA certificate file, for custom_cert_location / NODE_EXTRA_CA_CERTS. */
  get caFile(): string {
    return this.ca.caCertFile;
  }

  /** A plain-HTTP base URL that serves Compute, Work Requests and Object Storage of `region`. */
  async regionEndpoint(region: string): Promise<string> {
    let server = this.plain.get(region);
    if (!server) {
      server = createServer((req, res) => this.receive(req, res, serviceHostForPath(req.url ?? '/', region)));
      server.on('connection', (s: Socket) => this.track(s));
      this.plain.set(region, server);
      await listen(server);
    }
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.cloud.releaseHung();
    await Promise.all([this.proxy, ...this.plain.values()].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    this.testCa?.dispose();
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }

  private tunnel(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const [host, port] = (req.url ?? '').split(':');
    if (!HOST.test(host) || port !== '443') {
      this.unrouted.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const { key, cert } = this.ca.certificateFor(host);
    const tls = new TLSSocket(socket, { isServer: true, secureContext: createSecureContext({ key, cert }), ALPNProtocols: ['http/1.1'] }) as TunnelSocket;
    tls.connectHost = host;
    tls.on('error', () => socket.destroy());
    this.tunnelled.emit('connection', tls);
  }

  private receive(req: IncomingMessage, res: ServerResponse, host: string): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void this.answer(req, Buffer.concat(chunks), host).then((answer) => {
        if ('reset' in answer) req.socket.destroy(); // connection reset: no HTTP answer at all
        else send(res, req.method ?? 'GET', answer.reply);
      });
    });
  }

  private async answer(req: IncomingMessage, body: Buffer, host: string): Promise<Answer> {
    const h = HOST.exec(host.replace(/:443$/, ''));
    const url = new URL(req.url ?? '/', 'https://fake');
    if (!h) {
      this.unrouted.push(`${req.method} ${host}${url.pathname}`);
      return { reply: errorReply(404, 'NotFound', `fake-oci: unknown host ${host}`) };
    }
    const request: FakeRequest = {
      service: h[1] as Service, region: h[2], method: req.method ?? 'GET', path: url.pathname, query: url.searchParams,
      headers: req.headers, body, tenancy: tenancyOf(req.headers.authorization), target: req.url ?? '/',
    };
    const answer = await dispatch(this.cloud, request);
    if ('reply' in answer && answer.unrouted) this.unrouted.push(`${request.method} ${host}${request.path}`);
    return answer;
  }
}

interface TunnelSocket extends TLSSocket {
  connectHost?: string;
}

function send(res: ServerResponse, method: string, reply: FakeReply): void {
  const headers: Record<string, string> = { 'opc-request-id': randomUUID().replace(/-/g, '').toUpperCase(), ...reply.headers };
  let payload: Buffer | undefined;
  if (reply.body !== undefined) {
    payload = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(JSON.stringify(reply.body));
    if (!Buffer.isBuffer(reply.body)) headers['content-type'] = 'application/json';
  }
  if (method === 'HEAD' || reply.status === 204) payload = undefined;
  else headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** The tenancy OCID from an OCI request signature (`keyId="<tenancy>/<user>/<fingerprint>"`). */
function tenancyOf(authorization: string | undefined): string | undefined {
  const m = /keyId="([^"/]+)\//.exec(authorization ?? '');
  return m?.[1];
}

/** Plain per-region listeners serve both APIs: Compute paths start with /20160918/. */
function serviceHostForPath(path: string, region: string): string {
  return `${path.startsWith('/20160918/') ? 'iaas' : 'objectstorage'}.${region}.oraclecloud.com`;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

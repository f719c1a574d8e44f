/**
 * A fake OCI endpoint on 127.0.0.1 for the export runner's tests. It speaks
 * the REST calls the SDK clients make (Compute, Work Requests and Object
 * Storage share one port; the runner is pointed at it with the endpoint
 * overrides), checks every non-PAR request is signed with the test key, and
 * lets tests inject faults.
 */
import { createHash, randomUUID } from 'crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { verifySignature } from './signature';

export type Operation = 'GetImage' | 'ExportImage' | 'GetWorkRequest' | 'ListWorkRequestErrors' | 'HeadObject' | 'PutObject' | 'DeleteObject' | 'DeleteBucket';

export interface FakeImage {
  id: string;
  /** null for platform / Marketplace images. */
  compartmentId: string | null;
  lifecycleState: string;
  listingType?: string;
  baseImageId?: string;
  /** Work request polls until the export ends (default 2). */
  exportPolls?: number;
  /**
   * How an accepted export ends (default 'object'): 'empty' writes a 0-byte
   * object, 'stale' succeeds without touching the object, 'canceled' ends
   * CANCELED, 'deleted' deletes the image mid-export.
   */
  exportOutcome?: 'object' | 'no-object' | 'failed' | 'never' | 'empty' | 'stale' | 'canceled' | 'deleted';
  /** Answer ExportImage with this error instead of accepting it. */
  exportRefusal?: { status: number; code: string; message: string };
  /** GetImage answers with this state this many times first (e.g. IMPORTING). */
  settlingPolls?: number;
}

export interface FakePar {
  token: string;
  namespace: string;
  bucket: string;
  /** Set for an object-level PAR; unset for a bucket-level PAR. */
  objectName?: string;
  read: boolean;
  write: boolean;
}

export interface FakeObject {
  etag: string;
  size: number;
  meta: Record<string, string>;
  lastModified: Date;
  body?: string;
  /** Who wrote it: an export (image and work request), a PutObject, or the test itself. */
  origin?: { imageId: string; workRequestId: string } | 'put' | 'seeded';
}

/** An injected answer: an HTTP status (429, 5xx, 4xx), 0 = never answer, -1 = reset the connection, or a delay. */
export interface Fault {
  status: number;
  times: number;
  code?: string;
  message?: string;
  /** Answer normally, but only after this many ms (status is ignored). */
  delayMs?: number;
}

export interface LoggedRequest {
  operation: Operation | 'unknown';
  method: string;
  path: string;
  status: number;
  signed: boolean;
  viaPar: boolean;
  headers: IncomingMessage['headers'];
  body: string;
}

interface WorkRequest {
  id: string;
  imageId: string;
  status: string;
  percentComplete: number;
  pollsLeft: number;
  timeAccepted: string;
  timeFinished?: string;
  destination: { namespace: string; bucket: string; objectName: string };
}

const IMAGE_SIZE = 3 * 2 ** 30;

export class FakeOci {
  static async start(auth: { publicKeyPem: string; keyId: string }): Promise<FakeOci> {
    const fake = new FakeOci(auth);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  readonly images = new Map<string, FakeImage>();
  readonly objects = new Map<string, FakeObject>();
  readonly pars = new Map<string, FakePar>();
  readonly requests: LoggedRequest[] = [];
  private readonly workRequests = new Map<string, WorkRequest>();
  private readonly retryTokens = new Map<string, string>();
  private readonly faults: (Fault & { operation: Operation })[] = [];
  /** Offset of the Object Storage clock (last-modified) from the Compute clock (work request times). */
  objectClockSkewMs = 0;
  private readonly hung: (() => void)[] = [];
  private readonly server: Server;

  private constructor(private readonly auth: { publicKeyPem: string; keyId: string }) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks), res));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addImage(image: FakeImage): FakeImage {
    this.images.set(image.id, image);
    return image;
  }

  addPar(par: FakePar): string {
    this.pars.set(par.token, par);
    const object = par.objectName ?? '';
    return `${this.url}/p/${par.token}/n/${par.namespace}/b/${par.bucket}/o/${encodeURIComponent(object)}`;
  }

  object(namespace: string, bucket: string, objectName: string): FakeObject | undefined {
    return this.objects.get(`${namespace}/${bucket}/${objectName}`);
  }

  /** The next `times` calls of `operation` answer `status` (429 throttling, 5xx...; 0 = never answer; -1 = reset). */
  inject(operation: Operation, status: number, times = 1, details: { code?: string; message?: string; delayMs?: number } = {}): void {
    this.faults.push({ operation, status, times, ...details });
  }

  /** Puts an object as if someone else had written it (origin 'seeded'). */
  seedObject(namespace: string, bucket: string, name: string, object: Partial<FakeObject> = {}): FakeObject {
    const o: FakeObject = { etag: etagOf(`${name}${Math.random()}`), size: 1024, meta: {}, lastModified: new Date(Date.now() - 3_600_000), origin: 'seeded', ...object };
    this.objects.set(`${namespace}/${bucket}/${name}`, o);
    return o;
  }

  /** Answers requests held by a status-0 fault, so no socket outlives the test. */
  releaseHung(): void {
    this.hung.splice(0).forEach((answer) => answer());
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  calls(operation: Operation): LoggedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const url = new URL(req.url!, 'http://fake');
    const route = this.route(req.method!, url.pathname);
    const log: LoggedRequest = {
      operation: route?.operation ?? 'unknown',
      method: req.method!,
      path: url.pathname,
      status: 0,
      signed: false,
      viaPar: route?.par !== undefined,
      headers: req.headers,
      body: body.toString('utf8'),
    };
    this.requests.push(log);
    const send = (status: number, json?: unknown, headers: Record<string, string | number> = {}) => {
      log.status = status;
      const text = json === undefined || req.method === 'HEAD' ? undefined : JSON.stringify(json);
      res.writeHead(status, {
        'opc-request-id': `fake-${randomUUID()}`,
        ...(text !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
        ...headers,
      });
      res.end(text);
    };
    const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      send(status, { code, message }, headers);

    if (!route) return fail(404, 'NotFound', `no route for ${req.method} ${url.pathname}`);
    if (route.par === undefined) {
      const check = verifySignature(req, body, this.auth.publicKeyPem, this.auth.keyId);
      if (!check.ok) return fail(401, 'NotAuthenticated', `The required information to complete authentication was not provided or was incorrect (${check.reason}).`);
      log.signed = true;
    }
    const fault = this.faults.find((f) => f.operation === route.operation && f.times > 0);
    if (fault) {
      fault.times--;
      if (fault.delayMs !== undefined) {
        const timer = setTimeout(() => route.run(send, fail, body, req), fault.delayMs);
        this.hung.push(() => clearTimeout(timer));
        return;
      }
      if (fault.status === 0) {
        // Never answer (a hung request) until releaseHung().
        this.hung.push(() => fail(503, 'ServiceUnavailable', 'released'));
        return;
      }
      if (fault.status === -1) {
        log.status = -1;
        req.socket.destroy(); // connection reset: no HTTP answer at all
        return;
      }
      if (fault.status === 429) return fail(429, fault.code ?? 'TooManyRequests', fault.message ?? 'Too many requests for the tenant', { 'retry-after': '1' });
      return fail(fault.status, fault.code ?? INJECTED_CODES[fault.status] ?? (fault.status >= 500 ? 'InternalServerError' : 'InjectedError'), fault.message ?? 'Injected error');
    }
    route.run(send, fail, body, req);
  }

  private route(method: string, path: string): { operation: Operation; par?: FakePar; run: Handler } | undefined {
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/20160918\/images\/([^/]+)$/.exec(path))) {
      return { operation: 'GetImage', run: (send, fail) => this.getImage(decodeURIComponent(m![1]), send, fail) };
    }
    if (method === 'POST' && (m = /^\/20160918\/images\/([^/]+)\/actions\/export$/.exec(path))) {
      return { operation: 'ExportImage', run: (send, fail, body, req) => this.exportImage(decodeURIComponent(m![1]), body, req, send, fail) };
    }
    if (method === 'GET' && (m = /^\/20160918\/workRequests\/([^/]+)$/.exec(path))) {
      return { operation: 'GetWorkRequest', run: (send, fail) => this.getWorkRequest(decodeURIComponent(m![1]), send, fail) };
    }
    if (method === 'GET' && (m = /^\/20160918\/workRequests\/([^/]+)\/errors$/.exec(path))) {
      return {
        operation: 'ListWorkRequestErrors',
        run: (send) => send(200, [{ code: 'InternalError', message: 'The export could not write to the destination.', timestamp: new Date().toISOString() }]),
      };
    }
    if (method === 'DELETE' && (m = /^\/n\/([^/]+)\/b\/([^/]+)\/?$/.exec(path))) {
      const prefix = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}/`;
      return { operation: 'DeleteBucket', run: (send, fail) => this.deleteBucket(prefix, send, fail) };
    }
    if (method === 'DELETE' && (m = /^\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(path))) {
      const key = [m[1], m[2], m[3]].map(decodeURIComponent).join('/');
      return { operation: 'DeleteObject', run: (send, fail) => this.deleteObject(key, send, fail) };
    }
    if ((method === 'HEAD' || method === 'PUT') && (m = /^(?:\/p\/([^/]+))?\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(path))) {
      const [ns, bucket, name] = [m[2], m[3], m[4]].map(decodeURIComponent);
      const par = m[1] === undefined ? undefined : this.pars.get(decodeURIComponent(m[1]));
      if (m[1] !== undefined && !par) return { operation: 'HeadObject', par: PAR_UNKNOWN, run: (_s, fail) => fail(404, 'NotAuthorizedOrNotFound', 'PAR not found') };
      const operation = method === 'HEAD' ? 'HeadObject' : 'PutObject';
      return { operation, par, run: (send, fail, body, req) => this.objectCall(operation, ns, bucket, name, par, body, req, send, fail) };
    }
    return undefined;
  }

  /** DeleteObject (signed only: a PAR cannot delete): 204, or 404 ObjectNotFound as OCI answers. */
  private deleteObject(key: string, send: Send, fail: Fail): void {
    if (!this.objects.delete(key)) return fail(404, 'ObjectNotFound', `The object '${key.split('/').slice(2).join('/')}' does not exist`);
    send(204);
  }

  /** DeleteBucket: 409 BucketNotEmpty while any object remains, as OCI answers (buckets are implicit here). */
  private deleteBucket(prefix: string, send: Send, fail: Fail): void {
    const left = [...this.objects.keys()].filter((k) => k.startsWith(prefix));
    if (left.length) return fail(409, 'BucketNotEmpty', `Bucket named '${prefix.split('/')[1]}' is not empty. Delete all object versions first.`);
    send(204);
  }

  private imageJson(i: FakeImage) {
    return {
      id: i.id,
      compartmentId: i.compartmentId,
      displayName: `image ${i.id.slice(-6)}`,
      lifecycleState: i.lifecycleState,
      operatingSystem: 'Oracle Linux',
      operatingSystemVersion: '8',
      createImageAllowed: true,
      launchMode: 'NATIVE',
      listingType: i.listingType ?? 'NONE',
      baseImageId: i.baseImageId,
      sizeInMBs: 47694,
      billableSizeInGBs: 3,
      timeCreated: '2024-05-01T10:00:00.000Z',
    };
  }

  private getImage(id: string, send: Send, fail: Fail): void {
    const image = this.images.get(id);
    if (!image) return fail(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
    if (image.settlingPolls && image.settlingPolls > 0 && --image.settlingPolls === 0) image.lifecycleState = 'AVAILABLE';
    send(200, this.imageJson(image), { etag: etagOf(image.lifecycleState + image.id) });
  }

  private exportImage(id: string, body: Buffer, req: IncomingMessage, send: Send, fail: Fail): void {
    const image = this.images.get(id);
    if (!image) return fail(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
    const token = req.headers['opc-retry-token'];
    const replay = typeof token === 'string' ? this.retryTokens.get(token) : undefined;
    if (replay) {
      // A retry token seen before: answer with the original export (F-24).
      return send(200, this.imageJson(image), { 'opc-work-request-id': replay, etag: etagOf(id) });
    }
    if (image.exportRefusal) return fail(image.exportRefusal.status, image.exportRefusal.code, image.exportRefusal.message);
    if (image.lifecycleState !== 'AVAILABLE') return fail(409, 'Conflict', `Image is in state ${image.lifecycleState}.`);
    const details = JSON.parse(body.toString('utf8')) as Record<string, string>;
    const destination = this.exportDestination(details);
    if (!destination) return fail(400, 'InvalidParameter', 'destination is not valid');
    const wr: WorkRequest = {
      id: `ocid1.coreservicesworkrequest.oc1.eu-frankfurt-1.${randomUUID().replace(/-/g, '')}`,
      imageId: id,
      status: 'ACCEPTED',
      percentComplete: 0,
      pollsLeft: image.exportPolls ?? 2,
      timeAccepted: new Date().toISOString(),
      destination,
    };
    this.workRequests.set(wr.id, wr);
    if (typeof token === 'string') this.retryTokens.set(token, wr.id);
    image.lifecycleState = 'EXPORTING';
    send(200, this.imageJson(image), { 'opc-work-request-id': wr.id, etag: etagOf(id + wr.id) });
  }

  private exportDestination(d: Record<string, string>): WorkRequest['destination'] | undefined {
    if (d.destinationType === 'objectStorageTuple') return { namespace: d.namespaceName, bucket: d.bucketName, objectName: d.objectName };
    if (d.destinationType !== 'objectStorageUri') return undefined;
    const m = /^(?:\/p\/[^/]+)?\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(new URL(d.destinationUri).pathname);
    return m ? { namespace: decodeURIComponent(m[1]), bucket: decodeURIComponent(m[2]), objectName: decodeURIComponent(m[3]) } : undefined;
  }

  private getWorkRequest(id: string, send: Send, fail: Fail): void {
    const wr = this.workRequests.get(id);
    if (!wr) return fail(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
    const image = this.images.get(wr.imageId)!;
    const outcome = image.exportOutcome ?? 'object';
    if (wr.status === 'ACCEPTED' || wr.status === 'IN_PROGRESS') {
      wr.pollsLeft--;
      if (outcome === 'never' || wr.pollsLeft > 0) {
        wr.status = 'IN_PROGRESS';
        wr.percentComplete = Math.min(95, wr.percentComplete + 25);
      } else {
        wr.status = outcome === 'failed' || outcome === 'deleted' ? 'FAILED' : outcome === 'canceled' ? 'CANCELED' : 'SUCCEEDED';
        wr.percentComplete = wr.status === 'SUCCEEDED' ? 100 : wr.percentComplete;
        // The object is stored (last-modified) before the work request is marked finished.
        const written = new Date(Date.now() + this.objectClockSkewMs);
        wr.timeFinished = new Date().toISOString();
        image.lifecycleState = outcome === 'deleted' ? 'DELETED' : 'AVAILABLE';
        if (outcome === 'object' || outcome === 'empty') {
          const { namespace, bucket, objectName } = wr.destination;
          this.objects.set(`${namespace}/${bucket}/${objectName}`, {
            etag: etagOf(wr.id), size: outcome === 'empty' ? 0 : IMAGE_SIZE, meta: {}, lastModified: written, origin: { imageId: wr.imageId, workRequestId: wr.id },
          });
        }
      }
    }
    send(200, {
      id: wr.id,
      operationType: 'ExportImage',
      status: wr.status,
      compartmentId: image.compartmentId,
      resources: [{ entityType: 'image', actionType: wr.status === 'SUCCEEDED' ? 'UPDATED' : 'IN_PROGRESS', identifier: wr.imageId, entityUri: `/20160918/images/${wr.imageId}` }],
      percentComplete: wr.percentComplete,
      timeAccepted: wr.timeAccepted,
      timeFinished: wr.timeFinished,
    });
  }

  private objectCall(op: Operation, ns: string, bucket: string, name: string, par: FakePar | undefined, body: Buffer, req: IncomingMessage, send: Send, fail: Fail): void {
    if (par) {
      const inScope = par.namespace === ns && par.bucket === bucket && (par.objectName === undefined || par.objectName === name);
      // Assumption: a PAR used outside its scope or access type is refused with 403.
      if (!inScope || (op === 'HeadObject' ? !par.read : !par.write)) return fail(403, 'NotAllowed', 'The PAR does not allow this operation.');
    }
    const key = `${ns}/${bucket}/${name}`;
    if (op === 'HeadObject') {
      const obj = this.objects.get(key);
      if (!obj) return send(404);
      const meta = Object.fromEntries(Object.entries(obj.meta).map(([k, v]) => [`opc-meta-${k}`, v]));
      return send(200, undefined, { etag: obj.etag, 'content-length': obj.size, 'last-modified': obj.lastModified.toUTCString(), ...meta });
    }
    const meta: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('opc-meta-') && typeof v === 'string') meta[k.slice(9)] = v;
    const obj: FakeObject = { etag: etagOf(key + body.toString('utf8') + Date.now() + Math.random()), size: body.length, meta, lastModified: new Date(Date.now() + this.objectClockSkewMs), body: body.toString('utf8'), origin: 'put' };
    this.objects.set(key, obj);
    send(200, undefined, { etag: obj.etag, 'last-modified': obj.lastModified.toUTCString() });
  }
}

type Send = (status: number, json?: unknown, headers?: Record<string, string | number>) => void;
type Fail = (status: number, code: string, message: string, headers?: Record<string, string>) => void;
type Handler = (send: Send, fail: Fail, body: Buffer, req: IncomingMessage) => void;

/** Service codes of injected non-5xx faults, as OCI names them. */
const INJECTED_CODES: Record<number, string> = { 401: 'NotAuthenticated', 403: 'NotAllowed', 404: 'NotAuthorizedOrNotFound', 409: 'Conflict' };

const PAR_UNKNOWN: FakePar = { token: '', namespace: '', bucket: '', read: false, write: false };

function etagOf(seed: string): string {
  return createHash('sha1').update(seed).digest('hex').slice(0, 32);
}

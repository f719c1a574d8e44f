/**
 * The one fake OCI: per-region object storage and compute, tenancy-wide
 * identity policies, a scalable clock, a call log, trusted signing keys and
 * faults on demand. Transport-free: proxy.ts turns HTTP requests (through
 * its HTTPS proxy or its plain per-region listeners) into `FakeRequest`s,
 * dispatch.ts checks signatures and injects faults, and the handlers in
 * *-routes.ts answer them.
 */
import { createHash, randomBytes } from 'crypto';

export type Service = 'objectstorage' | 'iaas' | 'identity';

export interface FakeRequest {
  readonly service: Service;
  readonly region: string;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  /** Tenancy OCID from the request signature's keyId; undefined for PAR calls. */
  readonly tenancy?: string;
  /** The request-target as sent (path and query, still encoded): what the signature covers. */
  readonly target?: string;
}

export interface FakeReply {
  status: number;
  /** JSON-serialised unless a Buffer (object content) or undefined. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallRecord {
  readonly seq: number;
  readonly region: string;
  readonly service: Service;
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  status: number;
  /** Set for object calls through a PAR (no signature). */
  readonly viaPar: boolean;
  /** Parsed JSON body, when the request had one. */
  readonly body?: unknown;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The signature was verified against a trusted key (see `trustKey`). */
  signed: boolean;
}

/** An injected answer for the next `times` calls of `operation` (dispatch.ts applies it). */
export interface Fault {
  /** Operation name as in the call log, e.g. 'CreateImage'. */
  readonly operation: string;
  readonly region?: string;
  /**
   * An HTTP status to answer with (429 carries Retry-After: 1), -1 to reset
   * the connection, or 0 to never answer (until `releaseHung`). With
   * `delayMs`, a status below 400 means a slow but correct answer.
   */
  readonly status: number;
  /** How many calls it hits (default 1). */
  times: number;
  /** Real milliseconds to wait before answering. */
  readonly delayMs?: number;
  /** Service error code and message of the answer (defaults as OCI names them). */
  readonly code?: string;
  readonly message?: string;
}

export interface FakeBucket {
  readonly namespace: string;
  readonly name: string;
  readonly compartmentId: string;
  readonly id: string;
  readonly timeCreated: string;
  readonly createdBy: string;
  etag: string;
  publicAccessType: string;
  storageTier: string;
  objectEventsEnabled: boolean;
  versioning: string;
  autoTiering: string;
  metadata: Record<string, string>;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
  kmsKeyId?: string;
  lifecycle?: { timeCreated: string; items: LifecycleRule[] };
  readonly objects: Map<string, FakeStoredObject>;
  readonly pars: Map<string, FakeStoredPar>;
}

export interface LifecycleRule {
  name: string;
  action: string;
  timeAmount: number;
  timeUnit: string;
  isEnabled: boolean;
  target?: string;
  objectNameFilter?: { inclusionPrefixes?: string[]; inclusionPatterns?: string[]; exclusionPatterns?: string[] };
}

export interface FakeStoredObject {
  readonly name: string;
  content: Buffer;
  /** Reported size (exported images are large; their bytes are not stored). */
  size: number;
  etag: string;
  md5: string;
  timeCreated: Date;
  contentType: string;
  meta: Record<string, string>;
  /** Who wrote it: an export (image and work request), a PutObject, or the test itself. */
  origin?: ObjectOrigin;
}

export type ObjectOrigin = { imageId: string; workRequestId: string } | 'put' | 'seeded' | 'copy';

export interface FakeStoredPar {
  readonly id: string;
  readonly token: string;
  readonly name: string;
  readonly accessType: string;
  readonly objectName?: string;
  readonly bucketListingAction?: string;
  readonly timeCreated: Date;
  readonly timeExpires: Date;
}

export interface FakeImage {
  readonly id: string;
  compartmentId: string | null;
  displayName: string;
  lifecycleState: string;
  operatingSystem: string;
  operatingSystemVersion: string;
  launchMode: string;
  listingType: string;
  baseImageId?: string;
  sizeInMBs: number;
  billableSizeInGBs: number;
  timeCreated: Date;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
  /** Shape name -> compatibility entry. */
  readonly shapes: Map<string, { shape: string; imageId: string; memoryConstraints?: unknown; ocpuConstraints?: unknown }>;
  /** The export's work request ends on this many polls instead of after `durations.exportImage` (the runner tests). */
  exportPolls?: number;
  /** How an accepted export ends (default 'object'); see EXPORT_OUTCOMES in compute-routes.ts. */
  exportOutcome?: ExportOutcome;
  /** Answer ExportImage with this error instead of accepting it. */
  exportRefusal?: { status: number; code: string; message: string };
  /** GetImage answers with the current state this many times, then the image is AVAILABLE (e.g. IMPORTING). */
  settlingPolls?: number;
}

/**
 * 'object' writes the exported object, 'empty' a 0-byte one; 'no-object'
 * and 'stale' succeed without writing; 'failed' and 'canceled' end so;
 * 'deleted' fails and deletes the image; 'never' stays IN_PROGRESS.
 */
export type ExportOutcome = 'object' | 'no-object' | 'failed' | 'never' | 'empty' | 'stale' | 'canceled' | 'deleted';

export interface FakeWorkRequest {
  readonly id: string;
  readonly service: 'iaas' | 'objectstorage';
  readonly operationType: string;
  readonly compartmentId: string | null;
  readonly timeAccepted: Date;
  /** Fake time at which it ends (for one that ends on a poll count: when it ended). */
  doneAt: Date;
  readonly outcome: 'succeed' | 'fail' | 'cancel' | 'never';
  /** Set for a work request that ends on its n-th poll rather than at `doneAt`. */
  pollsLeft?: number;
  percentComplete: number;
  readonly errorMessage?: string;
  readonly resources: { entityType: string; identifier: string; entityUri?: string; actionType: string }[];
  /** Runs once when the work request succeeds (object appears, image becomes AVAILABLE...). */
  readonly onSuccess?: () => void;
  readonly onFailure?: () => void;
  settled: boolean;
}

export interface FakePolicy {
  readonly id: string;
  compartmentId: string;
  name: string;
  description: string;
  statements: string[];
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
  versionDate?: string;
  lifecycleState: string;
  readonly timeCreated: Date;
}

export interface RegionState {
  readonly region: string;
  /** `${namespace}/${bucket}` -> bucket. */
  readonly buckets: Map<string, FakeBucket>;
  readonly images: Map<string, FakeImage>;
  readonly workRequests: Map<string, FakeWorkRequest>;
}

/** How long each long operation takes, in fake milliseconds. */
export interface Durations {
  exportImage: number;
  copyObject: number;
  importImage: number;
}

const MINUTE = 60_000;

export class FakeCloud {
  readonly calls: CallRecord[] = [];
  readonly policies = new Map<string, FakePolicy>();
  readonly faults: Fault[] = [];
  readonly durations: Durations = { exportImage: 20 * MINUTE, copyObject: 10 * MINUTE, importImage: 30 * MINUTE };
  /** Import work requests in these regions fail (count of the next imports; Infinity = until cleared). */
  readonly failingImports = new Map<string, number>();
  /** opc-retry-token -> work request id: a retried request within 24 h gets the original answer, as in OCI. */
  readonly retryTokens = new Map<string, string>();
  private readonly regions = new Map<string, RegionState>();
  /**
   * What GetPreauthenticatedRequest answers for an expired PAR. OCI's
   * documentation does not say (README, steady state), so scenarios run both:
   * 'kept' (returned until deleted) or 'removed' (404, like a deleted PAR).
   */
  expiredPars: 'kept' | 'removed' = 'kept';
  /** Offset of the Object Storage clock (last-modified) from the Compute clock (work request times). */
  objectClockSkewMs = 0;
  /** Object calls into a bucket nobody created find it there (the runner tests' buckets exist outside the test). */
  implicitBuckets = false;
  /** Tenancy OCID -> namespace, where a test needs a fixed name instead of the derived one. */
  readonly namespaces = new Map<string, string>();
  /** keyId -> public key: once any is set, every call but a PAR call must carry a valid signature. */
  readonly trustedKeys = new Map<string, string>();
  /** Answers for requests held by a status-0 fault. */
  private readonly hung: (() => void)[] = [];
  private offsetMs = 0;
  private seq = 0;

  /**
   * Long operations run `timeScale` times faster than in OCI (60000: a
   * 30-minute import takes 30 ms). The clock itself follows real time plus
   * `advance()` jumps, because Terraform's timestamp() (PAR expiry) is real.
   */
  constructor(public timeScale = 60000) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps the fake clock forward (PAR expiry, lifecycle rules). */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.applyLifecycleRules();
  }

  region(name: string): RegionState {
    let r = this.regions.get(name);
    if (!r) {
      r = { region: name, buckets: new Map(), images: new Map(), workRequests: new Map() };
      this.regions.set(name, r);
    }
    return r;
  }

  regionNames(): string[] {
    return [...this.regions.keys()].sort();
  }

  /** The Object Storage namespace of a tenancy (one per tenancy, as in OCI). */
  namespaceOf(tenancy: string | undefined): string {
    const fixed = tenancy === undefined ? undefined : this.namespaces.get(tenancy);
    if (fixed) return fixed;
    return 'ns' + createHash('sha256').update(tenancy ?? 'anonymous').digest('hex').slice(0, 10);
  }

  bucket(region: string, namespace: string, name: string): FakeBucket | undefined {
    return this.region(region).buckets.get(`${namespace}/${name}`);
  }

  /** The bucket a call names: with `implicitBuckets`, made on first use. */
  bucketForCall(region: string, namespace: string, name: string): FakeBucket | undefined {
    const b = this.bucket(region, namespace, name);
    if (b || !this.implicitBuckets) return b;
    return this.addBucket(region, namespace, name, 'ocid1.compartment.oc1..aaaaaaaaimplicit');
  }

  object(region: string, namespace: string, bucket: string, name: string): FakeStoredObject | undefined {
    return this.bucket(region, namespace, bucket)?.objects.get(name);
  }

  /** A custom image that exists before the test (the source of an export). */
  addImage(region: string, image: Partial<FakeImage> & { compartmentId: string | null }): FakeImage {
    const id = image.id ?? this.ocid('image', region);
    const full: FakeImage = {
      id, displayName: `image-${id.slice(-6)}`, lifecycleState: 'AVAILABLE', operatingSystem: 'Oracle Linux', operatingSystemVersion: '8',
      launchMode: 'NATIVE', listingType: 'NONE', sizeInMBs: 47694, billableSizeInGBs: 3, timeCreated: this.now(), freeformTags: {}, definedTags: {},
      shapes: new Map(), ...image,
    };
    this.region(region).images.set(id, full);
    return full;
  }

  /** A bucket made outside Terraform (e.g. where a bring-your-own image was uploaded). */
  createBucket(region: string, tenancy: string, name: string, compartmentId: string): FakeBucket {
    return this.addBucket(region, this.namespaceOf(tenancy), name, compartmentId);
  }

  private addBucket(region: string, namespace: string, name: string, compartmentId: string): FakeBucket {
    const b: FakeBucket = {
      namespace, name, compartmentId, id: this.ocid('bucket', region), timeCreated: this.now().toISOString(), createdBy: 'ocid1.user.oc1..aaaaaaaaoperator',
      etag: randomBytes(16).toString('hex'), publicAccessType: 'NoPublicAccess', storageTier: 'Standard', objectEventsEnabled: false, versioning: 'Disabled',
      autoTiering: 'Disabled', metadata: {}, freeformTags: {}, definedTags: {}, objects: new Map(), pars: new Map(),
    };
    this.region(region).buckets.set(`${namespace}/${name}`, b);
    return b;
  }

  /** Puts an object as a user would (e.g. the QCOW2 of a bring-your-own-image import). */
  putObject(region: string, namespace: string, bucket: string, name: string, size: number): FakeStoredObject {
    const b = this.bucket(region, namespace, bucket);
    if (!b) throw new Error(`no bucket ${namespace}/${bucket} in ${region}`);
    return this.storeObject(b, name, Buffer.alloc(0), size, 'application/octet-stream', {});
  }

  /**
   * `time`: when the object was written, on the Compute clock (a work
   * request writes it before it reports finishing); Object Storage stamps it
   * with its own clock, `objectClockSkewMs` ahead.
   */
  storeObject(b: FakeBucket, name: string, content: Buffer, size: number, contentType: string, meta: Record<string, string>, time = this.now(), origin?: ObjectOrigin): FakeStoredObject {
    const md5 = createHash('md5').update(content).update(name).update(String(size)).digest('base64');
    const timeCreated = new Date(time.getTime() + this.objectClockSkewMs);
    const obj: FakeStoredObject = { name, content, size, etag: randomBytes(16).toString('hex'), md5, timeCreated, contentType, meta, origin };
    b.objects.set(name, obj);
    return obj;
  }

  ocid(kind: string, region: string): string {
    const realmPart = kind === 'policy' ? '' : region;
    return `ocid1.${kind}.oc1.${realmPart}.aaaaaaaa${randomBytes(13).toString('hex')}`;
  }

  /** A work request that ends after `durationMs` (scaled by `timeScale`), or on its `polls`-th poll when given. */
  newWorkRequest(
    region: string,
    wr: Omit<FakeWorkRequest, 'id' | 'timeAccepted' | 'settled' | 'doneAt' | 'pollsLeft' | 'percentComplete'> & { durationMs: number; polls?: number },
  ): FakeWorkRequest {
    const prefix = wr.service === 'iaas' ? 'coreservicesworkrequest' : 'objectstorageworkrequest';
    const timeAccepted = this.now();
    const { polls, durationMs, ...rest } = wr;
    const full: FakeWorkRequest = {
      ...rest, id: this.ocid(prefix, region), timeAccepted, doneAt: new Date(timeAccepted.getTime() + durationMs / this.timeScale), settled: false,
      pollsLeft: polls, percentComplete: polls === undefined ? 50 : 0,
    };
    this.region(region).workRequests.set(full.id, full);
    return full;
  }

  /**
   * Settles a work request whose time (or poll count: `polled` says this is
   * a poll) has come, running its effect once; returns its status.
   */
  settle(wr: FakeWorkRequest, polled = false): 'ACCEPTED' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' {
    const byPolls = wr.pollsLeft !== undefined;
    if (!wr.settled && byPolls && polled) {
      wr.pollsLeft!--;
      if (wr.pollsLeft! > 0 || wr.outcome === 'never') wr.percentComplete = Math.min(95, wr.percentComplete + 25);
    }
    const due = byPolls ? wr.pollsLeft! <= 0 : this.now() >= wr.doneAt;
    if (!wr.settled && due && wr.outcome !== 'never') {
      wr.settled = true;
      if (byPolls) wr.doneAt = this.now();
      if (wr.outcome === 'succeed' || !byPolls) wr.percentComplete = 100;
      if (wr.outcome === 'succeed') wr.onSuccess?.();
      else wr.onFailure?.();
    }
    if (wr.settled) return wr.outcome === 'succeed' ? 'SUCCEEDED' : wr.outcome === 'cancel' ? 'CANCELED' : 'FAILED';
    if (byPolls) return polled ? 'IN_PROGRESS' : 'ACCEPTED';
    return this.now().getTime() - wr.timeAccepted.getTime() < 50 ? 'ACCEPTED' : 'IN_PROGRESS';
  }

  /** Settles every work request whose time has come (call before asserting on state). */
  settleAll(): void {
    for (const r of this.regions.values()) for (const wr of r.workRequests.values()) this.settle(wr);
  }

  log(req: FakeRequest, operation: string, viaPar: boolean): CallRecord {
    let body: unknown;
    if (req.body.length > 0 && req.body.length < 65536) {
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        body = undefined;
      }
    }
    const rec: CallRecord = {
      seq: ++this.seq, region: req.region, service: req.service, operation, method: req.method, path: req.path, status: 0, viaPar, body,
      headers: req.headers, signed: false,
    };
    this.calls.push(rec);
    return rec;
  }

  /** Every call of `operation`, whatever the answer. */
  callsOf(operation: string): CallRecord[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  /** Calls of `operation` (optionally in one region) that the fake answered with 2xx. */
  succeeded(operation: string, region?: string): CallRecord[] {
    return this.calls.filter((c) => c.operation === operation && c.status >= 200 && c.status < 300 && (region === undefined || c.region === region));
  }

  /** Index into `calls` now: pass to `since` to see only later calls. */
  mark(): number {
    return this.calls.length;
  }

  since(mark: number): CallRecord[] {
    return this.calls.slice(mark);
  }

  inject(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.failingImports.clear();
  }

  /** Every later call but a PAR call must be signed with this key (as the service checks it). */
  trustKey(keyId: string, publicKeyPem: string): void {
    this.trustedKeys.set(keyId, publicKeyPem);
  }

  /** Holds a request (a status-0 fault) until `releaseHung`; `answer` sends its late reply. */
  hold(answer: () => void): void {
    this.hung.push(answer);
  }

  /** Answers every held request, so no socket outlives the test. */
  releaseHung(): void {
    this.hung.splice(0).forEach((answer) => answer());
  }

  takeFault(operation: string, region: string): Fault | undefined {
    const f = this.faults.find((x) => x.operation === operation && x.times > 0 && (x.region === undefined || x.region === region));
    if (f) f.times--;
    return f;
  }

  /** Deletes objects that a bucket's enabled DELETE lifecycle rules have expired at the fake `now()`. */
  applyLifecycleRules(): void {
    const now = this.now().getTime();
    for (const r of this.regions.values()) {
      for (const b of r.buckets.values()) {
        for (const rule of b.lifecycle?.items ?? []) {
          if (!rule.isEnabled || rule.action !== 'DELETE' || (rule.target ?? 'objects') !== 'objects') continue;
          const ageMs = rule.timeAmount * (rule.timeUnit === 'YEARS' ? 365 : 1) * 24 * 3600_000;
          const prefixes = rule.objectNameFilter?.inclusionPrefixes ?? [];
          for (const [name, o] of b.objects) {
            const inScope = prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));
            if (inScope && now - o.timeCreated.getTime() >= ageMs) b.objects.delete(name);
          }
        }
      }
    }
  }

  /** Everything still held: the tests' "nothing left" check after destroy. */
  inventory(): { buckets: string[]; objects: string[]; pars: string[]; images: string[]; policies: string[] } {
    const out = { buckets: [] as string[], objects: [] as string[], pars: [] as string[], images: [] as string[], policies: [...this.policies.values()].filter((p) => p.lifecycleState !== 'DELETED').map((p) => p.name) };
    for (const r of this.regions.values()) {
      for (const b of r.buckets.values()) {
        out.buckets.push(`${r.region}:${b.namespace}/${b.name}`);
        for (const o of b.objects.keys()) out.objects.push(`${r.region}:${b.namespace}/${b.name}/${o}`);
        for (const p of b.pars.values()) out.pars.push(`${r.region}:${b.namespace}/${b.name}:${p.name}`);
      }
      for (const i of r.images.values()) if (i.lifecycleState !== 'DELETED') out.images.push(`${r.region}:${i.id}`);
    }
    return out;
  }
}

export function errorReply(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeReply {
  return { status, body: { code, message }, headers };
}

export const NOT_FOUND = (): FakeReply => errorReply(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');

export function etagOf(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex').slice(0, 32);
}

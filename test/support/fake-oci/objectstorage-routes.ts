/**
 * Object Storage API (objectstorage.<region>.oraclecloud.com) as the oci
 * provider v7.27.0 and the export runner call it. Shapes follow the Go SDK
 * models (objectstorage.Bucket, PreauthenticatedRequest, WorkRequest...).
 */
import { createHash, randomBytes } from 'crypto';
import { FakeBucket, FakeCloud, FakeReply, FakeRequest, FakeStoredObject, FakeStoredPar, FakeWorkRequest, NOT_FOUND, errorReply, etagOf } from './cloud';

export interface Route {
  readonly operation: string;
  readonly viaPar?: boolean;
  readonly run: () => FakeReply;
}

const dec = decodeURIComponent;

export function objectStorageRoute(cloud: FakeCloud, req: FakeRequest): Route | undefined {
  const { method, path } = req;
  const r = (operation: string, run: () => FakeReply, viaPar = false): Route => ({ operation, run, viaPar });
  let m: RegExpExecArray | null;
  if (method === 'GET' && /^\/n\/?$/.test(path)) return r('GetNamespace', () => ({ status: 200, body: cloud.namespaceOf(req.tenancy) }));
  if ((m = /^\/p\/([^/]+)\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(path)) && (method === 'GET' || method === 'HEAD' || method === 'PUT')) {
    const [token, ns, bucket, name] = [m[1], m[2], m[3], m[4]].map(dec);
    // The operation OCI runs; the call log marks it viaPar.
    return r(method === 'PUT' ? 'PutObject' : method === 'HEAD' ? 'HeadObject' : 'GetObject', () => viaPar(cloud, req, token, ns, bucket, name), true);
  }
  if (method === 'GET' && (m = /^\/workRequests\/([^/]+)$/.exec(path))) return r('GetObjectStorageWorkRequest', () => getWorkRequest(cloud, req, dec(m![1])));
  if (method === 'GET' && (m = /^\/workRequests\/([^/]+)\/errors$/.exec(path))) return r('ListObjectStorageWorkRequestErrors', () => workRequestErrors(cloud, req, dec(m![1])));
  if (method === 'POST' && (m = /^\/n\/([^/]+)\/b\/?$/.exec(path))) return r('CreateBucket', () => createBucket(cloud, req, dec(m![1])));
  if ((m = /^\/n\/([^/]+)\/b\/([^/]+)\/?$/.exec(path))) {
    const [ns, name] = [dec(m[1]), dec(m[2])];
    if (method === 'GET') return r('GetBucket', () => withBucket(cloud, req, ns, name, (b) => ({ status: 200, body: bucketJson(b), headers: { etag: b.etag } })));
    if (method === 'HEAD') return r('HeadBucket', () => withBucket(cloud, req, ns, name, (b) => ({ status: 200, headers: { etag: b.etag } })));
    if (method === 'POST') return r('UpdateBucket', () => withBucket(cloud, req, ns, name, (b) => updateBucket(req, b)));
    if (method === 'DELETE') return r('DeleteBucket', () => withBucket(cloud, req, ns, name, (b) => deleteBucket(cloud, req, b)));
  }
  if ((m = /^\/n\/([^/]+)\/b\/([^/]+)\/(.*)$/.exec(path))) {
    const [ns, bucketName, rest] = [dec(m[1]), dec(m[2]), m[3]];
    const inBucket = (operation: string, run: (b: FakeBucket) => FakeReply) => r(operation, () => withBucket(cloud, req, ns, bucketName, run));
    if (rest === 'retentionRules' && method === 'GET') return inBucket('ListRetentionRules', () => ({ status: 200, body: { items: [] } }));
    if (rest === 'replicationPolicies' && method === 'GET') return inBucket('ListReplicationPolicies', () => ({ status: 200, body: [] }));
    if (rest === 'l') {
      if (method === 'PUT') return inBucket('PutObjectLifecyclePolicy', (b) => putLifecycle(cloud, req, b));
      if (method === 'GET') return inBucket('GetObjectLifecyclePolicy', (b) => (b.lifecycle ? { status: 200, body: b.lifecycle, headers: { etag: etagOf(JSON.stringify(b.lifecycle)) } } : errorReply(404, 'LifecyclePolicyNotFound', 'There is no lifecycle policy for this bucket.')));
      if (method === 'DELETE') return inBucket('DeleteObjectLifecyclePolicy', (b) => { b.lifecycle = undefined; return { status: 204 }; });
    }
    if (rest === 'actions/copyObject' && method === 'POST') return inBucket('CopyObject', (b) => copyObject(cloud, req, b));
    if (/^o\/?$/.test(rest) && method === 'GET') return inBucket('ListObjects', (b) => listObjects(req, b));
    if (rest.startsWith('o/') && rest.length > 2) {
      const name = dec(rest.slice(2));
      if (method === 'PUT') return inBucket('PutObject', (b) => putObject(cloud, req, b, name));
      if (method === 'HEAD') return inBucket('HeadObject', (b) => objectReply(b.objects.get(name), false));
      if (method === 'GET') return inBucket('GetObject', (b) => objectReply(b.objects.get(name), true));
      if (method === 'DELETE') return inBucket('DeleteObject', (b) => (b.objects.delete(name) ? { status: 204 } : errorReply(404, 'ObjectNotFound', `The object '${name}' does not exist in bucket '${b.name}' with namespace '${b.namespace}'`)));
    }
    if (/^p\/?$/.test(rest)) {
      if (method === 'POST') return inBucket('CreatePreauthenticatedRequest', (b) => createPar(cloud, req, b));
      if (method === 'GET') return inBucket('ListPreauthenticatedRequests', (b) => ({ status: 200, body: [...b.pars.values()].filter((p) => visible(cloud, p)).map((p) => parSummary(p)) }));
    }
    if ((m = /^p\/(.+)$/.exec(rest))) {
      const parId = dec(m[1]);
      if (method === 'GET') return inBucket('GetPreauthenticatedRequest', (b) => { const p = b.pars.get(parId); return p && visible(cloud, p) ? { status: 200, body: parSummary(p) } : NOT_FOUND(); });
      if (method === 'DELETE') return inBucket('DeletePreauthenticatedRequest', (b) => (b.pars.delete(parId) ? { status: 204 } : NOT_FOUND()));
    }
  }
  return undefined;
}

function withBucket(cloud: FakeCloud, req: FakeRequest, ns: string, name: string, run: (b: FakeBucket) => FakeReply): FakeReply {
  if (ns !== cloud.namespaceOf(req.tenancy)) return NOT_FOUND();
  const b = cloud.bucketForCall(req.region, ns, name);
  if (!b) return errorReply(404, 'BucketNotFound', `Either the bucket named '${name}' does not exist in the namespace '${ns}' or you are not authorized to access it`);
  return run(b);
}

function json(req: FakeRequest): Record<string, any> {
  return req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
}

function bucketJson(b: FakeBucket) {
  const size = [...b.objects.values()].reduce((s, o) => s + o.size, 0);
  return {
    namespace: b.namespace, name: b.name, compartmentId: b.compartmentId, metadata: b.metadata, createdBy: b.createdBy,
    timeCreated: b.timeCreated, etag: b.etag, publicAccessType: b.publicAccessType, storageTier: b.storageTier,
    objectEventsEnabled: b.objectEventsEnabled, freeformTags: b.freeformTags, definedTags: b.definedTags, kmsKeyId: b.kmsKeyId,
    objectLifecyclePolicyEtag: b.lifecycle ? etagOf(JSON.stringify(b.lifecycle)) : undefined,
    approximateCount: b.objects.size, approximateSize: size, replicationEnabled: false, isReadOnly: false, id: b.id,
    versioning: b.versioning, autoTiering: b.autoTiering,
  };
}

function createBucket(cloud: FakeCloud, req: FakeRequest, ns: string): FakeReply {
  if (ns !== cloud.namespaceOf(req.tenancy)) return errorReply(404, 'NamespaceNotFound', `You do not have authorization to perform this request, or the requested resource could not be found.`);
  const d = json(req);
  const region = cloud.region(req.region);
  if (region.buckets.has(`${ns}/${d.name}`)) return errorReply(409, 'BucketAlreadyExists', `Either the bucket '${d.name}' in namespace '${ns}' already exists or you are not authorized to create it`);
  const b: FakeBucket = {
    namespace: ns, name: d.name, compartmentId: d.compartmentId, id: cloud.ocid('bucket', req.region), timeCreated: cloud.now().toISOString(),
    createdBy: 'ocid1.user.oc1..aaaaaaaafakeuser', etag: randomBytes(16).toString('hex'), publicAccessType: d.publicAccessType ?? 'NoPublicAccess',
    storageTier: d.storageTier ?? 'Standard', objectEventsEnabled: d.objectEventsEnabled ?? false, versioning: d.versioning ?? 'Disabled',
    autoTiering: d.autoTiering ?? 'Disabled', metadata: d.metadata ?? {}, freeformTags: d.freeformTags ?? {}, definedTags: d.definedTags ?? {},
    kmsKeyId: d.kmsKeyId, objects: new Map(), pars: new Map(),
  };
  region.buckets.set(`${ns}/${b.name}`, b);
  return { status: 200, body: bucketJson(b), headers: { etag: b.etag, location: `/n/${ns}/b/${b.name}` } };
}

function updateBucket(req: FakeRequest, b: FakeBucket): FakeReply {
  const d = json(req);
  if (d.publicAccessType) b.publicAccessType = d.publicAccessType;
  if (d.objectEventsEnabled !== undefined) b.objectEventsEnabled = d.objectEventsEnabled;
  if (d.versioning) b.versioning = d.versioning;
  if (d.autoTiering) b.autoTiering = d.autoTiering;
  if (d.metadata) b.metadata = d.metadata;
  if (d.freeformTags) b.freeformTags = d.freeformTags;
  if (d.definedTags) b.definedTags = d.definedTags;
  b.etag = randomBytes(16).toString('hex');
  return { status: 200, body: bucketJson(b), headers: { etag: b.etag } };
}

function deleteBucket(cloud: FakeCloud, req: FakeRequest, b: FakeBucket): FakeReply {
  if (b.objects.size > 0) {
    return errorReply(409, 'BucketNotEmpty', `Bucket named '${b.name}' is not empty. Delete all objects first.`);
  }
  cloud.region(req.region).buckets.delete(`${b.namespace}/${b.name}`);
  return { status: 204 };
}

function putLifecycle(cloud: FakeCloud, req: FakeRequest, b: FakeBucket): FakeReply {
  const d = json(req);
  b.lifecycle = { timeCreated: cloud.now().toISOString(), items: (d.items ?? []).map((i: any) => ({ ...i, timeAmount: Number(i.timeAmount) })) };
  cloud.applyLifecycleRules();
  return { status: 200, body: b.lifecycle, headers: { etag: etagOf(JSON.stringify(b.lifecycle)) } };
}

function objectHeaders(o: FakeStoredObject): Record<string, string> {
  const meta = Object.fromEntries(Object.entries(o.meta).map(([k, v]) => [`opc-meta-${k}`, v]));
  return {
    etag: o.etag, 'content-length': String(o.size), 'content-md5': o.md5, 'content-type': o.contentType,
    'last-modified': o.timeCreated.toUTCString(), 'storage-tier': 'Standard', 'archival-state': 'Available', ...meta,
  };
}

function objectReply(o: FakeStoredObject | undefined, withBody: boolean): FakeReply {
  if (!o) return withBody ? errorReply(404, 'ObjectNotFound', 'The object does not exist') : { status: 404 };
  const headers = objectHeaders(o);
  // Large exported images carry no bytes here: GET answers with what is stored.
  if (withBody) headers['content-length'] = String(o.content.length);
  return { status: 200, body: withBody ? o.content : undefined, headers };
}

function putObject(cloud: FakeCloud, req: FakeRequest, b: FakeBucket, name: string): FakeReply {
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('opc-meta-') && typeof v === 'string') meta[k.slice(9)] = v;
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === '*' && b.objects.has(name)) return errorReply(412, 'IfNoneMatchFailed', 'The object already exists');
  const type = typeof req.headers['content-type'] === 'string' ? (req.headers['content-type'] as string) : 'application/octet-stream';
  const o = cloud.storeObject(b, name, req.body, req.body.length, type, meta, cloud.now(), 'put');
  return { status: 200, headers: { etag: o.etag, 'opc-content-md5': o.md5, 'last-modified': o.timeCreated.toUTCString() } };
}

function listObjects(req: FakeRequest, b: FakeBucket): FakeReply {
  const prefix = req.query.get('prefix') ?? '';
  const start = req.query.get('start') ?? '';
  const limit = Math.min(Number(req.query.get('limit') ?? 1000) || 1000, 1000);
  const names = [...b.objects.keys()].filter((n) => n.startsWith(prefix) && n >= start).sort();
  const page = names.slice(0, limit);
  const objects = page.map((n) => {
    const o = b.objects.get(n)!;
    return { name: n, size: o.size, etag: o.etag, md5: o.md5, timeCreated: o.timeCreated.toISOString(), timeModified: o.timeCreated.toISOString(), storageTier: 'Standard', archivalState: 'Available' };
  });
  return { status: 200, body: { objects, nextStartWith: names.length > limit ? names[limit] : undefined, prefixes: [] } };
}

function copyObject(cloud: FakeCloud, req: FakeRequest, source: FakeBucket): FakeReply {
  const d = json(req);
  const srcName: string = d.sourceObjectName;
  if (!source.objects.has(srcName)) return errorReply(404, 'ObjectNotFound', `The object '${srcName}' does not exist in bucket '${source.name}'`);
  const destRegion: string = d.destinationRegion;
  const wr: FakeWorkRequest = cloud.newWorkRequest(req.region, {
    service: 'objectstorage', operationType: 'COPY_OBJECT', compartmentId: source.compartmentId, outcome: 'succeed', durationMs: cloud.durations.copyObject,
    resources: [{ entityType: 'object', actionType: 'WRITTEN', identifier: `${d.destinationNamespace}/${d.destinationBucket}/${d.destinationObjectName}`, entityUri: `/n/${d.destinationNamespace}/b/${d.destinationBucket}/o/${encodeURIComponent(d.destinationObjectName)}` }],
    onSuccess: () => {
      const o = source.objects.get(srcName);
      const dest = cloud.bucket(destRegion, d.destinationNamespace, d.destinationBucket);
      if (!o || !dest) return;
      const copy = cloud.storeObject(dest, d.destinationObjectName, o.content, o.size, o.contentType, d.destinationObjectMetadata ?? o.meta, wr.doneAt, 'copy');
      copy.md5 = o.md5;
    },
  });
  // The destination must exist when the copy ends; checked now for a clear failure.
  if (!cloud.bucket(destRegion, d.destinationNamespace, d.destinationBucket)) {
    return errorReply(404, 'BucketNotFound', `The destination bucket '${d.destinationBucket}' does not exist in ${destRegion}`);
  }
  return { status: 202, headers: { 'opc-work-request-id': wr.id } };
}

function getWorkRequest(cloud: FakeCloud, req: FakeRequest, id: string): FakeReply {
  const wr = cloud.region(req.region).workRequests.get(id);
  if (!wr || wr.service !== 'objectstorage') return NOT_FOUND();
  const status = cloud.settle(wr);
  const osStatus = status === 'SUCCEEDED' ? 'COMPLETED' : status;
  return {
    status: 200,
    body: {
      operationType: wr.operationType, status: osStatus, id: wr.id, compartmentId: wr.compartmentId, resources: wr.resources.map((r) => ({ ...r, metadata: {} })),
      percentComplete: wr.settled ? 100 : 50, timeAccepted: wr.timeAccepted.toISOString(), timeStarted: wr.timeAccepted.toISOString(),
      timeFinished: wr.settled ? wr.doneAt.toISOString() : undefined,
    },
  };
}

function workRequestErrors(cloud: FakeCloud, req: FakeRequest, id: string): FakeReply {
  const wr = cloud.region(req.region).workRequests.get(id);
  if (!wr) return NOT_FOUND();
  const items = wr.settled && wr.outcome === 'fail' ? [{ code: 'InternalError', message: wr.errorMessage ?? 'The copy failed.', timestamp: wr.doneAt.toISOString() }] : [];
  return { status: 200, body: items };
}

function visible(cloud: FakeCloud, p: FakeStoredPar): boolean {
  return cloud.expiredPars === 'kept' || p.timeExpires > cloud.now();
}

function parSummary(p: FakeStoredPar) {
  return {
    id: p.id, name: p.name, objectName: p.objectName, bucketListingAction: p.bucketListingAction, accessType: p.accessType,
    timeExpires: p.timeExpires.toISOString(), timeCreated: p.timeCreated.toISOString(),
  };
}

function createPar(cloud: FakeCloud, req: FakeRequest, b: FakeBucket): FakeReply {
  const d = json(req);
  const timeExpires = new Date(d.timeExpires);
  if (Number.isNaN(timeExpires.getTime()) || timeExpires <= cloud.now()) return errorReply(400, 'InvalidParameter', 'timeExpires must be a future date');
  const { par, accessUri } = issuePar(cloud, b, { name: d.name, accessType: d.accessType, objectName: d.objectName, bucketListingAction: d.bucketListingAction, timeExpires });
  return { status: 200, body: { ...parSummary(par), accessUri, fullPath: `https://objectstorage.${req.region}.oraclecloud.com${accessUri}` } };
}

/** Stores a PAR on `b` (CreatePreauthenticatedRequest, or a test's own); `accessUri` is the path that uses it. */
export function issuePar(
  cloud: FakeCloud, b: FakeBucket,
  d: { name: string; accessType: string; objectName?: string; bucketListingAction?: string; timeExpires: Date; token?: string },
): { par: FakeStoredPar; accessUri: string } {
  const token = d.token ?? randomBytes(32).toString('base64url');
  const par: FakeStoredPar = {
    id: createHash('sha256').update(token).digest('base64').replace(/[/+=]/g, '').slice(0, 43) + ':' + (d.objectName ?? ''),
    token, name: d.name, accessType: d.accessType, objectName: d.objectName, bucketListingAction: d.bucketListingAction,
    timeCreated: cloud.now(), timeExpires: d.timeExpires,
  };
  b.pars.set(par.id, par);
  return { par, accessUri: `/p/${token}/n/${b.namespace}/b/${b.name}/o/${d.objectName ? encodeURIComponent(d.objectName) : ''}` };
}

function viaPar(cloud: FakeCloud, req: FakeRequest, token: string, ns: string, bucket: string, name: string): FakeReply {
  const b = cloud.bucketForCall(req.region, ns, bucket);
  const p = b && [...b.pars.values()].find((x) => x.token === token);
  // OCI answers an unknown, deleted or expired PAR alike.
  if (!b || !p || p.timeExpires <= cloud.now()) return errorReply(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
  if (p.objectName !== undefined && p.objectName !== name) return errorReply(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
  const reads = p.accessType === 'ObjectRead' || p.accessType === 'ObjectReadWrite' || p.accessType === 'AnyObjectRead' || p.accessType === 'AnyObjectReadWrite';
  const writes = p.accessType.includes('Write');
  if (req.method === 'PUT') return writes ? putObject(cloud, req, b, name) : errorReply(403, 'NotAllowed', 'The PAR does not allow writes.');
  if (!reads) return errorReply(403, 'NotAllowed', 'The PAR does not allow reads.');
  return objectReply(b.objects.get(name), req.method === 'GET');
}

/** Reads an object through a PAR URL or a plain object URL, as an import does. */
export function resolveImportSource(cloud: FakeCloud, uri: string, tenancy: string | undefined): FakeStoredObject | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  const host = /^objectstorage\.([a-z0-9-]+)\.oraclecloud\.com$/.exec(u.hostname);
  if (!host) return undefined;
  const region = host[1];
  const m = /^(?:\/p\/([^/]+))?\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(u.pathname);
  if (!m) return undefined;
  const [token, ns, bucket, name] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? undefined : dec(x)));
  const b = cloud.bucket(region, ns!, bucket!);
  if (!b) return undefined;
  if (token !== undefined) {
    const p = [...b.pars.values()].find((x) => x.token === token);
    if (!p || p.timeExpires <= cloud.now() || (p.objectName !== undefined && p.objectName !== name)) return undefined;
  } else if (ns !== cloud.namespaceOf(tenancy)) {
    return undefined;
  }
  return b.objects.get(name!);
}

/**
 * Compute and Work Requests (iaas.<region>.oraclecloud.com/20160918) as the
 * oci provider v7.27.0 (oci_core_image, oci_core_shape_management, capability
 * schemas) and the export runner call them. Shapes follow the Go SDK models
 * core.Image, core.ImageShapeCompatibilityEntry, workrequests.WorkRequest.
 */
import { ExportOutcome, FakeCloud, FakeImage, FakeReply, FakeRequest, FakeWorkRequest, NOT_FOUND, errorReply, etagOf } from './cloud';
import { capabilityRoute } from './capability-routes';
import { Route, resolveImportSource } from './objectstorage-routes';

const dec = decodeURIComponent;
const API = '/20160918';

export function computeRoute(cloud: FakeCloud, req: FakeRequest): Route | undefined {
  const { method } = req;
  if (!req.path.startsWith(API + '/')) return undefined;
  const path = req.path.slice(API.length);
  const r = (operation: string, run: () => FakeReply): Route => ({ operation, run });
  const images = cloud.region(req.region).images;
  const withImage = (operation: string, id: string, run: (i: FakeImage) => FakeReply) =>
    r(operation, () => { const i = images.get(id); return i && i.lifecycleState !== 'DELETED' ? run(i) : NOT_FOUND(); });
  let m: RegExpExecArray | null;
  const capability = capabilityRoute(cloud, req, path);
  if (capability) return capability;
  if (method === 'POST' && path === '/images') return r('CreateImage', () => createImage(cloud, req));
  if ((m = /^\/images\/([^/]+)$/.exec(path))) {
    const id = dec(m[1]);
    if (method === 'GET') return r('GetImage', () => { const i = images.get(id); return i ? imageReply(settling(i)) : NOT_FOUND(); });
    if (method === 'PUT') return withImage('UpdateImage', id, (i) => updateImage(req, i));
    if (method === 'DELETE') return withImage('DeleteImage', id, (i) => { i.lifecycleState = 'DELETED'; return { status: 204 }; });
  }
  if (method === 'POST' && (m = /^\/images\/([^/]+)\/actions\/export$/.exec(path))) return withImage('ExportImage', dec(m[1]), (i) => exportImage(cloud, req, i));
  if ((m = /^\/images\/([^/]+)\/shapes\/([^/]+)$/.exec(path))) {
    const [id, shape] = [dec(m[1]), dec(m[2])];
    if (method === 'PUT') return withImage('AddImageShapeCompatibilityEntry', id, (i) => { const e = { imageId: i.id, shape, ...bodyOf(req) }; i.shapes.set(shape, e); return { status: 200, body: e }; });
    if (method === 'GET') return withImage('GetImageShapeCompatibilityEntry', id, (i) => { const e = i.shapes.get(shape); return e ? { status: 200, body: e } : NOT_FOUND(); });
    if (method === 'DELETE') return withImage('RemoveImageShapeCompatibilityEntry', id, (i) => (i.shapes.delete(shape) ? { status: 204 } : NOT_FOUND()));
  }
  if (method === 'GET' && (m = /^\/images\/([^/]+)\/shapes$/.exec(path))) return withImage('ListImageShapeCompatibilityEntries', dec(m[1]), (i) => paged(req, [...i.shapes.values()]));
  if (method === 'GET' && path === '/shapes') return r('ListShapes', () => listShapes(cloud, req));
  if ((m = /^\/workRequests\/([^/]+)$/.exec(path)) && method === 'GET') return r('GetWorkRequest', () => getWorkRequest(cloud, req, dec(m![1])));
  if ((m = /^\/workRequests\/([^/]+)\/errors$/.exec(path)) && method === 'GET') return r('ListWorkRequestErrors', () => workRequestErrors(cloud, req, dec(m![1])));
  if ((m = /^\/workRequests\/([^/]+)\/logs$/.exec(path)) && method === 'GET') return r('ListWorkRequestLogs', () => ({ status: 200, body: [] }));
  return undefined;
}

function bodyOf(req: FakeRequest): Record<string, any> {
  return req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
}

export function imageJson(i: FakeImage) {
  return {
    id: i.id, compartmentId: i.compartmentId, displayName: i.displayName, lifecycleState: i.lifecycleState,
    operatingSystem: i.operatingSystem, operatingSystemVersion: i.operatingSystemVersion, createImageAllowed: true,
    launchMode: i.launchMode, listingType: i.listingType, baseImageId: i.baseImageId, sizeInMBs: i.sizeInMBs,
    billableSizeInGBs: i.billableSizeInGBs, timeCreated: i.timeCreated.toISOString(), freeformTags: i.freeformTags, definedTags: i.definedTags,
    launchOptions: {
      bootVolumeType: i.launchMode === 'PARAVIRTUALIZED' ? 'PARAVIRTUALIZED' : 'ISCSI', firmware: 'UEFI_64', networkType: i.launchMode === 'PARAVIRTUALIZED' ? 'PARAVIRTUALIZED' : 'VFIO',
      remoteDataVolumeType: i.launchMode === 'PARAVIRTUALIZED' ? 'PARAVIRTUALIZED' : 'ISCSI', isPvEncryptionInTransitEnabled: false, isConsistentVolumeNamingEnabled: true,
    },
    agentFeatures: { isMonitoringSupported: true, isManagementSupported: true },
  };
}

/** An image given `settlingPolls` becomes AVAILABLE on its last settling GetImage. */
function settling(i: FakeImage): FakeImage {
  if (i.settlingPolls && i.settlingPolls > 0 && --i.settlingPolls === 0) i.lifecycleState = 'AVAILABLE';
  return i;
}

function imageReply(i: FakeImage, headers: Record<string, string> = {}): FakeReply {
  return { status: 200, body: imageJson(i), headers: { etag: etagOf(i.id, i.lifecycleState, i.displayName, JSON.stringify(i.freeformTags)), ...headers } };
}

function createImage(cloud: FakeCloud, req: FakeRequest): FakeReply {
  const d = bodyOf(req);
  const src = d.imageSourceDetails;
  if (!d.compartmentId) return errorReply(400, 'MissingParameter', 'compartmentId is required');
  if (!src && !d.instanceId) return errorReply(400, 'InvalidParameter', 'imageSourceDetails or instanceId is required');
  const launchMode = d.launchMode ?? (src?.sourceImageType === 'QCOW2' ? 'PARAVIRTUALIZED' : 'NATIVE');
  const image = cloud.addImage(req.region, {
    compartmentId: d.compartmentId, displayName: d.displayName ?? `image-${Date.now()}`, lifecycleState: 'IMPORTING',
    operatingSystem: src?.operatingSystem ?? 'Custom', operatingSystemVersion: src?.operatingSystemVersion ?? 'Custom',
    launchMode, freeformTags: d.freeformTags ?? {}, definedTags: d.definedTags ?? {}, listingType: 'NONE',
  });
  // What the import reads, resolved when it starts (a PAR must be valid then).
  let source: { size: number } | undefined;
  if (src?.sourceType === 'objectStorageTuple') source = cloud.object(req.region, src.namespaceName, src.bucketName, src.objectName);
  else if (src?.sourceType === 'objectStorageUri') source = resolveImportSource(cloud, src.sourceUri, req.tenancy);
  const left = cloud.failingImports.get(req.region) ?? 0;
  const injected = left > 0;
  if (injected) cloud.failingImports.set(req.region, left - 1);
  const outcome = source && !injected ? 'succeed' : 'fail';
  const wr = cloud.newWorkRequest(req.region, {
    service: 'iaas', operationType: 'CreateImage', compartmentId: d.compartmentId, outcome, durationMs: cloud.durations.importImage,
    errorMessage: injected ? 'The image import failed (injected fault).' : 'The image could not be imported: the source object was not found or is not readable.',
    resources: [{ entityType: 'image', actionType: 'CREATED', identifier: image.id, entityUri: `/20160918/images/${image.id}` }],
    onSuccess: () => {
      image.lifecycleState = 'AVAILABLE';
      image.sizeInMBs = Math.max(1, Math.round((source?.size ?? 0) / 2 ** 20));
    },
    onFailure: () => { image.lifecycleState = 'DELETED'; },
  });
  return imageReply(image, { 'opc-work-request-id': wr.id });
}

function updateImage(req: FakeRequest, i: FakeImage): FakeReply {
  const d = bodyOf(req);
  if (d.displayName !== undefined) i.displayName = d.displayName;
  if (d.freeformTags !== undefined) i.freeformTags = d.freeformTags;
  if (d.definedTags !== undefined) i.definedTags = d.definedTags;
  if (d.operatingSystem !== undefined) i.operatingSystem = d.operatingSystem;
  if (d.operatingSystemVersion !== undefined) i.operatingSystemVersion = d.operatingSystemVersion;
  return imageReply(i);
}

/** How each ExportOutcome ends the work request. */
const EXPORT_OUTCOMES: Record<ExportOutcome, FakeWorkRequest['outcome']> = {
  object: 'succeed', empty: 'succeed', 'no-object': 'succeed', stale: 'succeed', failed: 'fail', deleted: 'fail', canceled: 'cancel', never: 'never',
};

function exportImage(cloud: FakeCloud, req: FakeRequest, i: FakeImage): FakeReply {
  // A retry token seen before gets the original answer, whatever the image does now (F-24).
  const token = typeof req.headers['opc-retry-token'] === 'string' ? `${req.region}/${req.headers['opc-retry-token']}` : undefined;
  const replay = token ? cloud.retryTokens.get(token) : undefined;
  if (replay) return imageReply(i, { 'opc-work-request-id': replay });
  if (i.exportRefusal) return errorReply(i.exportRefusal.status, i.exportRefusal.code, i.exportRefusal.message);
  if (i.lifecycleState !== 'AVAILABLE') return errorReply(409, 'Conflict', `Image is in state ${i.lifecycleState}.`);
  const d = bodyOf(req);
  let dest: { region: string; namespace: string; bucket: string; objectName: string } | undefined;
  if (d.destinationType === 'objectStorageTuple') dest = { region: req.region, namespace: d.namespaceName, bucket: d.bucketName, objectName: d.objectName };
  else if (d.destinationType === 'objectStorageUri') {
    const u = new URL(d.destinationUri);
    const host = /^objectstorage\.([a-z0-9-]+)\.oraclecloud\.com$/.exec(u.hostname);
    const m = /^(?:\/p\/[^/]+)?\/n\/([^/]+)\/b\/([^/]+)\/o\/(.+)$/.exec(u.pathname);
    if (m) dest = { region: host ? host[1] : req.region, namespace: dec(m[1]), bucket: dec(m[2]), objectName: dec(m[3]) };
  }
  if (!dest) return errorReply(400, 'InvalidParameter', 'The export destination is not valid.');
  const bucket = cloud.bucketForCall(dest.region, dest.namespace, dest.bucket);
  const wanted = i.exportOutcome ?? 'object';
  i.lifecycleState = 'EXPORTING';
  const format = d.exportFormat ?? 'OCI';
  const wr: FakeWorkRequest = cloud.newWorkRequest(req.region, {
    service: 'iaas', operationType: 'ExportImage', compartmentId: i.compartmentId, outcome: bucket ? EXPORT_OUTCOMES[wanted] : 'fail',
    durationMs: cloud.durations.exportImage, polls: i.exportPolls,
    errorMessage: 'The export could not write to the destination bucket.',
    resources: [{ entityType: 'image', actionType: 'UPDATED', identifier: i.id, entityUri: `/20160918/images/${i.id}` }],
    onSuccess: () => {
      i.lifecycleState = 'AVAILABLE';
      if (wanted !== 'object' && wanted !== 'empty') return;
      const content = Buffer.from(`exported ${i.id} as ${format}`);
      const size = wanted === 'empty' ? 0 : i.sizeInMBs * 2 ** 20;
      cloud.storeObject(bucket!, dest!.objectName, content, size, 'application/octet-stream', {}, wr.doneAt, { imageId: i.id, workRequestId: wr.id });
    },
    onFailure: () => { i.lifecycleState = wanted === 'deleted' ? 'DELETED' : 'AVAILABLE'; },
  });
  if (token) cloud.retryTokens.set(token, wr.id);
  return imageReply(i, { 'opc-work-request-id': wr.id });
}

function getWorkRequest(cloud: FakeCloud, req: FakeRequest, id: string): FakeReply {
  const wr = cloud.region(req.region).workRequests.get(id);
  if (!wr || wr.service !== 'iaas') return NOT_FOUND();
  const status = cloud.settle(wr, true);
  const done = wr.settled;
  return {
    status: 200,
    body: {
      id: wr.id, operationType: wr.operationType, status, compartmentId: wr.compartmentId,
      resources: wr.resources.map((res) => ({ ...res, actionType: status === 'SUCCEEDED' ? res.actionType : done ? 'FAILED' : 'IN_PROGRESS' })),
      percentComplete: wr.percentComplete, timeAccepted: wr.timeAccepted.toISOString(), timeStarted: wr.timeAccepted.toISOString(),
      timeFinished: done ? wr.doneAt.toISOString() : undefined,
    },
  };
}

function workRequestErrors(cloud: FakeCloud, req: FakeRequest, id: string): FakeReply {
  const wr = cloud.region(req.region).workRequests.get(id);
  if (!wr) return NOT_FOUND();
  const items = wr.settled && wr.outcome !== 'succeed' ? [{ code: 'InternalError', message: wr.errorMessage ?? 'failed', timestamp: wr.doneAt.toISOString() }] : [];
  return { status: 200, body: items };
}

/** Shapes an image may launch on: its compatibility entries (ListShapes with imageId). */
function listShapes(cloud: FakeCloud, req: FakeRequest): FakeReply {
  const imageId = req.query.get('imageId');
  const image = imageId ? cloud.region(req.region).images.get(imageId) : undefined;
  const names = image ? [...image.shapes.keys()] : ['VM.Standard2.1', 'VM.Standard.E4.Flex', 'VM.Standard.E5.Flex', 'VM.Standard.A1.Flex'];
  return paged(req, names.sort().map((shape) => ({ shape, ocpus: 1, memoryInGBs: 15, processorDescription: 'fake' })));
}

/** `limit` / `page` pagination with opc-next-page, as OCI list calls do. */
export function paged(req: FakeRequest, items: unknown[]): FakeReply {
  const limit = Number(req.query.get('limit') ?? 100) || 100;
  const start = Number(req.query.get('page') ?? 0) || 0;
  const page = items.slice(start, start + limit);
  const headers: Record<string, string> = {};
  if (start + limit < items.length) headers['opc-next-page'] = String(start + limit);
  return { status: 200, body: page, headers };
}

/**
 * Image capability schemas (iaas, /20160918/computeImageCapabilitySchemas)
 * and the global schema versions they name, shaped like the Go SDK's
 * core.ComputeImageCapabilitySchema. Schema data is kept as sent: the
 * provider compares it as JSON (JsonStringDiffSuppressFunction).
 */
import { randomBytes } from 'crypto';
import { FakeCloud, FakeReply, FakeRequest, NOT_FOUND, errorReply } from './cloud';
import { paged } from './compute-routes';
import { Route } from './objectstorage-routes';

/** The global schema every region publishes; version names as the console shows them. */
export const GLOBAL_SCHEMA_ID = 'ocid1.computeglobalimgcapschema.oc1..aaaaaaaafakeglobal';
export const GLOBAL_SCHEMA_VERSIONS = ['2024-01-10', '2025-06-02'];

interface StoredSchema {
  id: string; compartmentId: string; imageId: string; versionName: string; displayName: string;
  schemaData: Record<string, unknown>; freeformTags: Record<string, string>; definedTags: Record<string, unknown>; timeCreated: string;
}

const schemas = new WeakMap<FakeCloud, Map<string, StoredSchema>>();

function store(cloud: FakeCloud): Map<string, StoredSchema> {
  let s = schemas.get(cloud);
  if (!s) schemas.set(cloud, (s = new Map()));
  return s;
}

export function capabilityRoute(cloud: FakeCloud, req: FakeRequest, path: string): Route | undefined {
  const { method } = req;
  const r = (operation: string, run: () => FakeReply): Route => ({ operation, run });
  let m: RegExpExecArray | null;
  if (path === '/computeImageCapabilitySchemas' && method === 'POST') return r('CreateComputeImageCapabilitySchema', () => create(cloud, req));
  if (path === '/computeImageCapabilitySchemas' && method === 'GET') return r('ListComputeImageCapabilitySchemas', () => paged(req, [...store(cloud).values()].map(json)));
  if ((m = /^\/computeImageCapabilitySchemas\/([^/]+)$/.exec(path))) {
    const id = decodeURIComponent(m[1]);
    const s = store(cloud).get(id);
    if (method === 'GET') return r('GetComputeImageCapabilitySchema', () => (s ? { status: 200, body: json(s) } : NOT_FOUND()));
    if (method === 'PUT') return r('UpdateComputeImageCapabilitySchema', () => (s ? update(req, s) : NOT_FOUND()));
    if (method === 'DELETE') return r('DeleteComputeImageCapabilitySchema', () => (store(cloud).delete(id) ? { status: 204 } : NOT_FOUND()));
  }
  if (method === 'GET' && path === '/computeGlobalImageCapabilitySchemas') return r('ListComputeGlobalImageCapabilitySchemas', () => paged(req, [globalJson()]));
  if (method === 'GET' && path === `/computeGlobalImageCapabilitySchemas/${GLOBAL_SCHEMA_ID}`) return r('GetComputeGlobalImageCapabilitySchema', () => ({ status: 200, body: globalJson() }));
  if (method === 'GET' && path === `/computeGlobalImageCapabilitySchemas/${GLOBAL_SCHEMA_ID}/versions`) {
    return r('ListComputeGlobalImageCapabilitySchemaVersions', () => paged(req, GLOBAL_SCHEMA_VERSIONS.map((name) => versionJson(name))));
  }
  if (method === 'GET' && (m = /^\/computeGlobalImageCapabilitySchemas\/([^/]+)\/versions\/([^/]+)$/.exec(path))) {
    const name = decodeURIComponent(m[2]);
    return r('GetComputeGlobalImageCapabilitySchemaVersion', () => (decodeURIComponent(m![1]) === GLOBAL_SCHEMA_ID && GLOBAL_SCHEMA_VERSIONS.includes(name) ? { status: 200, body: versionJson(name) } : NOT_FOUND()));
  }
  return undefined;
}

function json(s: StoredSchema) {
  return {
    id: s.id, compartmentId: s.compartmentId, computeGlobalImageCapabilitySchemaId: GLOBAL_SCHEMA_ID,
    computeGlobalImageCapabilitySchemaVersionName: s.versionName, imageId: s.imageId, displayName: s.displayName,
    schemaData: s.schemaData, timeCreated: s.timeCreated, freeformTags: s.freeformTags, definedTags: s.definedTags,
  };
}

function globalJson() {
  return { id: GLOBAL_SCHEMA_ID, displayName: 'OCI.ComputeGlobalImageCapabilitySchema', currentVersionName: GLOBAL_SCHEMA_VERSIONS.at(-1), timeCreated: '2024-01-10T00:00:00.000Z', freeformTags: {}, definedTags: {} };
}

function versionJson(name: string) {
  return {
    name, displayName: name, computeGlobalImageCapabilitySchemaId: GLOBAL_SCHEMA_ID, timeCreated: '2024-01-10T00:00:00.000Z',
    schemaData: {
      'Compute.Firmware': { descriptorType: 'enumstring', source: 'IMAGE', values: ['BIOS', 'UEFI_64'], defaultValue: 'UEFI_64' },
      'Compute.LaunchMode': { descriptorType: 'enumstring', source: 'IMAGE', values: ['NATIVE', 'EMULATED', 'PARAVIRTUALIZED', 'CUSTOM'], defaultValue: 'PARAVIRTUALIZED' },
      'Storage.BootVolumeType': { descriptorType: 'enumstring', source: 'IMAGE', values: ['ISCSI', 'SCSI', 'IDE', 'PARAVIRTUALIZED'], defaultValue: 'PARAVIRTUALIZED' },
      'Network.AttachmentType': { descriptorType: 'enumstring', source: 'IMAGE', values: ['E1000', 'VFIO', 'PARAVIRTUALIZED'], defaultValue: 'PARAVIRTUALIZED' },
      'Compute.SecureBoot': { descriptorType: 'boolean', source: 'IMAGE', defaultValue: false },
    },
  };
}

function create(cloud: FakeCloud, req: FakeRequest): FakeReply {
  const d = JSON.parse(req.body.toString('utf8') || '{}');
  if (!GLOBAL_SCHEMA_VERSIONS.includes(d.computeGlobalImageCapabilitySchemaVersionName)) {
    return errorReply(400, 'InvalidParameter', `Unknown global image capability schema version '${d.computeGlobalImageCapabilitySchemaVersionName}'`);
  }
  const image = cloud.region(req.region).images.get(d.imageId);
  if (!image || image.lifecycleState !== 'AVAILABLE') return errorReply(404, 'NotAuthorizedOrNotFound', 'The image does not exist or is not AVAILABLE.');
  const s: StoredSchema = {
    id: `ocid1.computeimgcapschema.oc1.${req.region}.aaaaaaaa${randomBytes(13).toString('hex')}`, compartmentId: d.compartmentId, imageId: d.imageId,
    versionName: d.computeGlobalImageCapabilitySchemaVersionName, displayName: d.displayName ?? `schema-${image.id.slice(-6)}`,
    schemaData: d.schemaData ?? {}, freeformTags: d.freeformTags ?? {}, definedTags: d.definedTags ?? {}, timeCreated: cloud.now().toISOString(),
  };
  store(cloud).set(s.id, s);
  return { status: 200, body: json(s) };
}

function update(req: FakeRequest, s: StoredSchema): FakeReply {
  const d = JSON.parse(req.body.toString('utf8') || '{}');
  if (d.schemaData !== undefined) s.schemaData = d.schemaData;
  if (d.displayName !== undefined) s.displayName = d.displayName;
  if (d.freeformTags !== undefined) s.freeformTags = d.freeformTags;
  if (d.definedTags !== undefined) s.definedTags = d.definedTags;
  return { status: 200, body: json(s) };
}

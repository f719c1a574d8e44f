/**
 * Identity policies (identity.<region>.oraclecloud.com/20160918/policies),
 * shape of the Go SDK's identity.Policy. Policies live tenancy-wide.
 */
import { FakeCloud, FakePolicy, FakeReply, FakeRequest, NOT_FOUND, errorReply, etagOf } from './cloud';
import { paged } from './compute-routes';
import { Route } from './objectstorage-routes';

export function identityRoute(cloud: FakeCloud, req: FakeRequest): Route | undefined {
  const { method, path } = req;
  const r = (operation: string, run: () => FakeReply): Route => ({ operation, run });
  const live = (id: string) => { const p = cloud.policies.get(id); return p && p.lifecycleState !== 'DELETED' ? p : undefined; };
  if (path === '/20160918/policies' || path === '/20160918/policies/') {
    if (method === 'POST') return r('CreatePolicy', () => createPolicy(cloud, req));
    if (method === 'GET') return r('ListPolicies', () => paged(req, [...cloud.policies.values()].filter((p) => p.lifecycleState !== 'DELETED' && p.compartmentId === req.query.get('compartmentId')).map(policyJson)));
  }
  const m = /^\/20160918\/policies\/([^/]+)$/.exec(path);
  if (m) {
    const id = decodeURIComponent(m[1]);
    if (method === 'GET') return r('GetPolicy', () => { const p = cloud.policies.get(id); return p ? reply(p) : NOT_FOUND(); });
    if (method === 'PUT') return r('UpdatePolicy', () => { const p = live(id); return p ? updatePolicy(req, p) : NOT_FOUND(); });
    if (method === 'DELETE') return r('DeletePolicy', () => { const p = live(id); if (!p) return NOT_FOUND(); p.lifecycleState = 'DELETED'; return { status: 204 }; });
  }
  return undefined;
}

function policyJson(p: FakePolicy) {
  return {
    id: p.id, compartmentId: p.compartmentId, name: p.name, description: p.description, statements: p.statements, timeCreated: p.timeCreated.toISOString(),
    lifecycleState: p.lifecycleState, versionDate: p.versionDate, freeformTags: p.freeformTags, definedTags: p.definedTags,
  };
}

function reply(p: FakePolicy): FakeReply {
  return { status: 200, body: policyJson(p), headers: { etag: etagOf(JSON.stringify(policyJson(p))) } };
}

function createPolicy(cloud: FakeCloud, req: FakeRequest): FakeReply {
  const d = JSON.parse(req.body.toString('utf8') || '{}');
  if (!Array.isArray(d.statements) || d.statements.length === 0) return errorReply(400, 'InvalidParameter', 'statements must not be empty');
  if ([...cloud.policies.values()].some((p) => p.lifecycleState !== 'DELETED' && p.name === d.name && p.compartmentId === d.compartmentId)) {
    return errorReply(409, 'PolicyAlreadyExists', `Policy '${d.name}' already exists`);
  }
  const p: FakePolicy = {
    id: cloud.ocid('policy', ''), compartmentId: d.compartmentId, name: d.name, description: d.description ?? '', statements: d.statements,
    freeformTags: d.freeformTags ?? {}, definedTags: d.definedTags ?? {}, versionDate: d.versionDate, lifecycleState: 'ACTIVE', timeCreated: cloud.now(),
  };
  cloud.policies.set(p.id, p);
  return reply(p);
}

function updatePolicy(req: FakeRequest, p: FakePolicy): FakeReply {
  const d = JSON.parse(req.body.toString('utf8') || '{}');
  if (d.description !== undefined) p.description = d.description;
  if (d.statements !== undefined) p.statements = d.statements;
  if (d.freeformTags !== undefined) p.freeformTags = d.freeformTags;
  if (d.definedTags !== undefined) p.definedTags = d.definedTags;
  if (d.versionDate !== undefined) p.versionDate = d.versionDate;
  return reply(p);
}

/**
 * Answers one request against a FakeCloud, whatever the transport (the
 * HTTPS proxy or a plain per-region listener, proxy.ts): find the route, log
 * the call, check the signature when keys are trusted, apply an injected
 * fault (status, slow answer, hang, connection reset), run the route.
 */
import { FakeCloud, FakeReply, FakeRequest, Fault, errorReply } from './cloud';
import { computeRoute } from './compute-routes';
import { identityRoute } from './identity-routes';
import { Route, objectStorageRoute } from './objectstorage-routes';
import { verifySignature } from './signature';

/** What the transport does: send a reply, or drop the connection without one. */
export type Answer = { readonly reply: FakeReply; readonly unrouted?: boolean } | { readonly reset: true };

/** Service codes of injected faults, as OCI names them. */
const INJECTED_CODES: Record<number, string> = { 401: 'NotAuthenticated', 403: 'NotAllowed', 404: 'NotAuthorizedOrNotFound', 409: 'Conflict', 429: 'TooManyRequests' };

export async function dispatch(cloud: FakeCloud, req: FakeRequest): Promise<Answer> {
  const route: Route | undefined = req.service === 'objectstorage' ? objectStorageRoute(cloud, req)
    : req.service === 'iaas' ? computeRoute(cloud, req) : identityRoute(cloud, req);
  const record = cloud.log(req, route?.operation ?? 'Unrouted', route?.viaPar ?? false);
  const done = (reply: FakeReply, unrouted = false): Answer => {
    record.status = reply.status;
    return { reply, unrouted };
  };
  if (!route) return done(errorReply(404, 'NotFound', `fake-oci: no route for ${req.method} ${req.path}`), true);
  if (cloud.trustedKeys.size > 0 && !route.viaPar) {
    const check = verifySignature({ method: req.method, target: req.target ?? req.path, headers: req.headers, body: req.body }, cloud.trustedKeys);
    if (!check.ok) {
      return done(errorReply(401, 'NotAuthenticated', `The required information to complete authentication was not provided or was incorrect (${check.reason}).`));
    }
    record.signed = true;
  }
  const fault = cloud.takeFault(route.operation, req.region);
  if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault && fault.status === -1) {
    record.status = -1;
    return { reset: true };
  }
  if (fault && fault.status === 0 && fault.delayMs === undefined) {
    await new Promise<void>((resolve) => cloud.hold(resolve));
    return done(errorReply(503, 'ServiceUnavailable', 'released'));
  }
  if (fault && fault.status >= 400) return done(injected(fault));
  try {
    return done(route.run());
  } catch (e) {
    return done(errorReply(400, 'InvalidParameter', `fake-oci: ${(e as Error).message}`));
  }
}

function injected(f: Fault): FakeReply {
  const code = f.code ?? INJECTED_CODES[f.status] ?? (f.status >= 500 ? 'InternalServerError' : 'InjectedError');
  if (f.status === 429) return errorReply(429, code, f.message ?? 'Too many requests for the tenant', { 'retry-after': '1' });
  return errorReply(f.status, code, f.message ?? 'Injected error');
}

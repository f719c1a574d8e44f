import { commonPartsProblem, encodeObjectName, objectPartProblem, parseStoragePath, splitHttpsUrl, tokenProblem } from './components';
import { PAR_URL_SHAPE, UNRESOLVED, buildError, ensureString, parseError } from './errors';
import { regionalHost } from './realms';
import { ParUrlParts } from './types';
import { isUnresolved } from '../core/tokens';

const KIND = 'pre-authenticated request (PAR) URL';

export function parseParUrl(url: string): ParUrlParts {
  ensureString(url, 'url');
  const fail = (problem: string) => parseError(KIND, url, problem, PAR_URL_SHAPE, true);
  if (isUnresolved(url)) throw fail(`the value ${UNRESOLVED}`);
  const split = splitHttpsUrl(url);
  if (typeof split === 'string') throw fail(split);
  const p = /^\/p\/([^/]*)(.*)$/s.exec(split.path);
  if (p === null) {
    throw fail(split.path.startsWith('/n/')
      ? 'the /p/<token> part is missing, so this is a plain object URL, not a PAR'
      : 'the /p/<token> part is missing');
  }
  const token = p[1];
  const problem = tokenProblem(token);
  if (problem !== undefined) throw fail(problem);
  const path = parseStoragePath(p[2], false);
  if (typeof path === 'string') throw fail(path);
  const base: ParUrlParts = { host: split.host, token, namespaceName: path.namespaceName, bucket: path.bucket };
  return path.objectName === undefined ? base : { ...base, objectName: path.objectName };
}

/** A bucket-level PAR (no objectName) ends in `/o/`, as OCI's own access_uri does. */
export function buildParUrl(parts: ParUrlParts): string {
  const problem = commonPartsProblem(parts) ?? tokenPartProblem(parts.token) ?? objectPartProblem(parts.objectName, true);
  if (problem !== undefined) throw buildError(KIND, problem, PAR_URL_SHAPE);
  const object = parts.objectName === undefined ? '' : encodeObjectName(parts.objectName);
  return `https://${parts.host}/p/${parts.token}/n/${parts.namespaceName}/b/${parts.bucket}/o/${object}`;
}

/** F-52: a bucket-level PAR must get `/o/<object>` before it can be an export destination. */
export function withObjectName(bucketParUrl: string, objectName: string): string {
  const parts = parseParUrl(bucketParUrl);
  if (parts.objectName !== undefined) {
    throw parseError(KIND, bucketParUrl,
      `it already names the object ${JSON.stringify(parts.objectName)}; only a bucket-level PAR can take an object name`,
      PAR_URL_SHAPE, true);
  }
  const problem = objectPartProblem(objectName, false);
  if (problem !== undefined) throw buildError(KIND, problem, PAR_URL_SHAPE);
  return buildParUrl({ ...parts, objectName });
}

/**
 * Terraform's oci_objectstorage_preauthrequest gives `access_uri`, a path
 * starting with /p/ (F-51); the host comes from the bucket's region.
 */
export function urlFromAccessUri(region: string, accessUri: string, realmDomain?: string): string {
  ensureString(accessUri, 'accessUri');
  const shape = '/p/<token>/n/<namespace>/b/<bucket>/o/[<object>]';
  if (isUnresolved(accessUri)) throw parseError('PAR access_uri', accessUri, `the value ${UNRESOLVED}`, shape, true);
  if (!accessUri.startsWith('/p/')) {
    const problem = /^https?:\/\//i.test(accessUri) ? 'it is already a full URL, not a path' : 'it does not begin with /p/';
    throw parseError('PAR access_uri', accessUri, problem, shape, true);
  }
  const url = `https://${regionalHost(region, realmDomain)}${accessUri}`;
  parseParUrl(url); // validate; its errors are already redacted
  return url;
}

// The token is never echoed, even when it is the invalid part (F-55).
function tokenPartProblem(token: unknown): string | undefined {
  if (typeof token !== 'string') return 'token must be a string';
  if (isUnresolved(token)) return 'token is an unresolved cdktf/Terraform token';
  return tokenProblem(token);
}

import { commonPartsProblem, encodeObjectName, objectPartProblem, parseStoragePath, splitHttpsUrl } from './components';
import { OBJECT_URL_SHAPE, UNRESOLVED, buildError, ensureString, parseError } from './errors';
import { ObjectUrlParts } from './types';
import { isUnresolved } from '../core/tokens';

const KIND = 'Object Storage object URL';

export function parseObjectUrl(url: string): ObjectUrlParts {
  ensureString(url, 'url');
  const fail = (problem: string) => parseError(KIND, url, problem, OBJECT_URL_SHAPE, false);
  if (isUnresolved(url)) throw fail(`the value ${UNRESOLVED}`);
  const split = splitHttpsUrl(url);
  if (typeof split === 'string') throw fail(split);
  if (split.path.startsWith('/p/')) throw fail('it is a pre-authenticated request (PAR) URL; use parseParUrl');
  const path = parseStoragePath(split.path, true);
  if (typeof path === 'string') throw fail(path);
  // parseStoragePath(…, true) only succeeds with an object name.
  return { host: split.host, namespaceName: path.namespaceName, bucket: path.bucket, objectName: path.objectName as string };
}

export function buildObjectUrl(parts: ObjectUrlParts): string {
  const problem = commonPartsProblem(parts) ?? objectPartProblem(parts.objectName, false);
  if (problem !== undefined) throw buildError(KIND, problem, OBJECT_URL_SHAPE);
  return `https://${parts.host}/n/${parts.namespaceName}/b/${parts.bucket}/o/${encodeObjectName(parts.objectName)}`;
}

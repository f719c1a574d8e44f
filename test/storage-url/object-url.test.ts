import { OciImageTransferError } from '../../lib/core/errors';
import { ObjectStorageUrl as U } from '../../lib/storage-url';
import { OBJECT_SHAPE, errorMessage } from './helpers';

const ASHBURN = 'objectstorage.us-ashburn-1.oraclecloud.com';
const SAO_PAULO = 'objectstorage.sa-saopaulo-1.oraclecloud.com';

describe('object URLs: examples', () => {
  test.each([
    ['us-ashburn-1, name with /', ASHBURN, 'exports/ubuntu-22.04.oci', 'exports%2Fubuntu-22.04.oci'],
    ['sa-saopaulo-1, Portuguese name', SAO_PAULO, 'imagens/ação 1.oci', 'imagens%2Fa%C3%A7%C3%A3o%201.oci'],
    ['other realm', 'objectstorage.us-langley-1.oraclegovcloud.com', 'img.qcow2', 'img.qcow2'],
    ['dedicated endpoint', 'axaxnpcrorw5.objectstorage.us-ashburn-1.oci.customer-oci.com', 'a.oci', 'a.oci'],
    ['reserved characters', ASHBURN, 'a+b %#?.oci', 'a%2Bb%20%25%23%3F.oci'],
    ['emoji', ASHBURN, 'imagens/🚀 foguete.oci', 'imagens%2F%F0%9F%9A%80%20foguete.oci'],
  ])('%s', (_label, host, objectName, encoded) => {
    const parts = { host, namespaceName: 'axaxnpcrorw5', bucket: 'image-exports_1.0', objectName };
    const url = U.buildObjectUrl(parts);
    expect(url).toBe(`https://${host}/n/axaxnpcrorw5/b/image-exports_1.0/o/${encoded}`);
    expect(U.parseObjectUrl(url)).toStrictEqual(parts);
  });

  test('accepts raw "/" and raw non-ASCII in the object name', () => {
    expect(U.parseObjectUrl(`https://${SAO_PAULO}/n/ns/b/bkt/o/imagens/ação%201.oci`).objectName)
      .toBe('imagens/ação 1.oci');
  });

  test('"+" in a path is a plus sign, not a space; lowercase escapes decode', () => {
    expect(U.parseObjectUrl(`https://${ASHBURN}/n/ns/b/bkt/o/a+b%2fc`).objectName).toBe('a+b/c');
  });

  test('isUnresolved detects cdktf tokens and Terraform interpolation', () => {
    expect(U.isUnresolved('${TfToken[TOKEN.12]}')).toBe(true);
    expect(U.isUnresolved('https://h/n/${var.ns}/b/x/o/y')).toBe(true);
    expect(U.isUnresolved(`https://${ASHBURN}/n/ns/b/bkt/o/x`)).toBe(false);
  });
});

describe('object URLs: malformed input', () => {
  const base = `https://${ASHBURN}`;
  test.each([
    ['missing /n/', `${base}/b/bkt/o/x.oci`, '/n/<namespace> part is missing'],
    ['missing /b/', `${base}/n/ns/o/x.oci`, '/b/<bucket> part is missing'],
    ['missing /o/', `${base}/n/ns/b/bkt`, '/o/<object> part is missing'],
    ['empty object', `${base}/n/ns/b/bkt/o/`, 'object name after /o/ is empty'],
    ['http scheme', `http://${ASHBURN}/n/ns/b/bkt/o/x`, 'only https is accepted'],
    ['query string', `${base}/n/ns/b/bkt/o/x?versionId=1`, 'query string'],
    ['fragment', `${base}/n/ns/b/bkt/o/x#part`, 'fragment'],
    ['garbage', 'garbage', 'not an absolute URL'],
    ['trailing newline', `${base}/n/ns/b/bkt/o/x\n`, 'whitespace'],
    ['raw space', `${base}/n/ns/b/bkt/o/a b`, 'whitespace'],
    ['uppercase namespace', `${base}/n/MyNs/b/bkt/o/x`, 'namespace must be lowercase'],
    ['bad bucket', `${base}/n/ns/b/bkt!/o/x`, 'bucket name "bkt!" must be 1-256'],
    ['bad host', 'https://bad_host/n/ns/b/bkt/o/x', 'host is not a DNS name'],
    ['malformed escape', `${base}/n/ns/b/bkt/o/100%`, 'malformed percent-escape'],
    ['dot segment', `${base}/n/ns/b/bkt/o/a/../b`, '"." or ".." path segment'],
    ['a PAR URL', `${base}/p/SeCrEtToKeN_1/n/ns/b/bkt/o/x`, 'use parseParUrl'],
    ['unresolved token', '${TfToken[TOKEN.3]}', 'unresolved cdktf/Terraform token'],
  ])('%s', (_label, url, problem) => {
    const message = errorMessage(() => U.parseObjectUrl(url));
    expect(message).toContain(problem);
    expect(message).toContain(OBJECT_SHAPE);
    expect(message).toMatch(/^Invalid Object Storage object URL ".*":/s);
    expect(message).not.toContain('SeCrEtToKeN_1');
  });

  test('isOciImageTransferError recognises the library\'s error type only', () => {
    let thrown: unknown;
    try {
      U.parseObjectUrl('garbage');
    } catch (e) {
      thrown = e;
    }
    expect(U.isOciImageTransferError(thrown)).toBe(true);
    expect(U.isOciImageTransferError(new OciImageTransferError('p', 'problem', 'fix'))).toBe(true);
    expect(U.isOciImageTransferError(new Error('x'))).toBe(false);
    expect(U.isOciImageTransferError(undefined)).toBe(false);
    expect(U.isOciImageTransferError('Invalid')).toBe(false);
  });

  test('quotes a well-structured URL in full', () => {
    expect(errorMessage(() => U.parseObjectUrl(`${base}/n/ns/b/bkt/o/`)))
      .toContain(`"${base}/n/ns/b/bkt/o/"`);
  });

  test.each([
    ['empty bucket', { bucket: '' }, 'bucket name is empty'],
    ['empty object', { objectName: '' }, 'object name is empty'],
    ['object with LF', { objectName: 'a\nb' }, 'NUL, CR or LF'],
    ['object too long', { objectName: 'é'.repeat(513) }, '1024 UTF-8 bytes'],
    ['object "."', { objectName: '.' }, 'dot segment'],
    ['lone surrogate', { objectName: 'a\uD800' }, 'well-formed Unicode'],
    ['token as bucket', { bucket: '${TfToken[TOKEN.1]}' }, 'bucket is an unresolved'],
    ['host with path', { host: 'h/x' }, 'host is not a DNS name'],
  ])('build rejects %s', (_label, override, problem) => {
    const parts = { host: ASHBURN, namespaceName: 'ns', bucket: 'bkt', objectName: 'x', ...override };
    const message = errorMessage(() => U.buildObjectUrl(parts));
    expect(message).toContain(problem);
    expect(message).toContain(OBJECT_SHAPE);
  });
});

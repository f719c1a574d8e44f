import { OciImageTransferError } from '../../lib/core/errors';
import { ObjectStorageUrl as U } from '../../lib/storage-url';
import { PAR_SHAPE, errorMessage } from './helpers';

// Shaped like a real token (base64url); tests assert it never leaks (F-55).
const TOKEN = 'SECRETj3DoSvgQHbUaw6ADzHkDlnaqMuXWef_lhTxCiS9ngCw';
const HOST = 'objectstorage.us-ashburn-1.oraclecloud.com';
const BUCKET_PAR = `https://${HOST}/p/${TOKEN}/n/axaxnpcrorw5/b/exports/o/`;
const OBJECT_PAR = `https://${HOST}/p/${TOKEN}/n/axaxnpcrorw5/b/exports/o/imagens%2Fa%C3%A7%C3%A3o%201.oci`;

describe('PAR URLs: examples', () => {
  test('bucket-level PAR, as OCI returns it (ending in /o/), has no objectName', () => {
    const parts = U.parseParUrl(BUCKET_PAR);
    expect(parts).toStrictEqual({ host: HOST, token: TOKEN, namespaceName: 'axaxnpcrorw5', bucket: 'exports' });
    expect(U.buildParUrl(parts)).toBe(BUCKET_PAR);
  });

  test('an explicit objectName: undefined builds a bucket-level PAR', () => {
    const parts = { host: HOST, token: TOKEN, namespaceName: 'axaxnpcrorw5', bucket: 'exports', objectName: undefined };
    expect(U.buildParUrl(parts)).toBe(BUCKET_PAR);
  });

  test('bucket-level PAR without the trailing /o/ is also accepted', () => {
    expect(U.parseParUrl(`https://${HOST}/p/${TOKEN}/n/ns/b/exports`).objectName).toBeUndefined();
  });

  test('PAR with an object', () => {
    expect(U.parseParUrl(OBJECT_PAR)).toStrictEqual({
      host: HOST, token: TOKEN, namespaceName: 'axaxnpcrorw5', bucket: 'exports', objectName: 'imagens/ação 1.oci',
    });
  });

  test('withObjectName appends an encoded object to a bucket-level PAR (F-52)', () => {
    expect(U.withObjectName(BUCKET_PAR, 'imagens/ação 1.oci')).toBe(OBJECT_PAR);
    expect(U.withObjectName(`https://${HOST}/p/${TOKEN}/n/axaxnpcrorw5/b/exports`, 'imagens/ação 1.oci'))
      .toBe(OBJECT_PAR);
  });

  test('withObjectName refuses a PAR that already names an object, without leaking the token', () => {
    const message = errorMessage(() => U.withObjectName(OBJECT_PAR, 'other.oci'));
    expect(message).toContain('already names the object "imagens/ação 1.oci"');
    expect(message).not.toContain(TOKEN);
  });

  test('withObjectName rejects an empty object name', () => {
    expect(errorMessage(() => U.withObjectName(BUCKET_PAR, ''))).toContain('object name is empty');
  });

  test('isParUrl', () => {
    expect(U.isParUrl(BUCKET_PAR)).toBe(true);
    expect(U.isParUrl(OBJECT_PAR)).toBe(true);
    expect(U.isParUrl(`https://${HOST}/n/ns/b/bkt/o/x`)).toBe(false);
    expect(U.isParUrl('${TfToken[TOKEN.7]}')).toBe(false);
    expect(U.isParUrl('garbage')).toBe(false);
  });

  test('describe masks the token and leaves object URLs alone', () => {
    expect(U.describe(OBJECT_PAR)).toBe(`https://${HOST}/p/***/n/axaxnpcrorw5/b/exports/o/imagens%2Fa%C3%A7%C3%A3o%201.oci`);
    const objectUrl = `https://${HOST}/n/ns/b/bkt/o/a%2Fb`;
    expect(U.describe(objectUrl)).toBe(objectUrl);
    expect(U.describe(`https://${HOST}/px/${TOKEN}/n/ns/b/bkt`)).toBe(`https://${HOST}/***`);
    expect(U.describe(`https://${HOST}/n/${TOKEN}/n/ns/b/bkt`)).toBe(`https://${HOST}/***`);
    expect(U.describe(`https://user:pw@${HOST}/n/ns/b/bkt/o/x?sig=abc`)).toBe(`https://***@${HOST}/n/ns/b/bkt/o/x?***`);
  });

  test('urlFromAccessUri joins the regional host and the access_uri', () => {
    const accessUri = `/p/${TOKEN}/n/ns/b/exports/o/`;
    expect(U.urlFromAccessUri('us-ashburn-1', accessUri)).toBe(`https://${HOST}${accessUri}`);
    expect(U.urlFromAccessUri('us-luke-1', accessUri))
      .toBe(`https://objectstorage.us-luke-1.oraclegovcloud.com${accessUri}`);
    expect(U.urlFromAccessUri('xx-test-1', accessUri, 'example.test'))
      .toBe(`https://objectstorage.xx-test-1.example.test${accessUri}`);
  });

  test.each([
    ['a path not starting with /p/', `/n/ns/b/x/o/y`, 'does not begin with /p/'],
    ['a full URL', `https://${HOST}/p/${TOKEN}/n/ns/b/x/o/`, 'already a full URL'],
    ['a broken path', `/p/${TOKEN}/n/NS/b/x/o/`, 'namespace must be lowercase'],
    ['a token', '${TfToken[TOKEN.2]}', 'unresolved'],
  ])('urlFromAccessUri rejects %s', (_label, accessUri, problem) => {
    const message = errorMessage(() => U.urlFromAccessUri('us-ashburn-1', accessUri));
    expect(message).toContain(problem);
    expect(message).not.toContain(TOKEN);
  });
});

describe('PAR URLs: malformed input never echoes the token', () => {
  const p = `/p/${TOKEN}`;
  test.each([
    ['http scheme', `http://${HOST}${p}/n/ns/b/bkt/o/x`, 'only https'],
    ['query string', `https://${HOST}${p}/n/ns/b/bkt/o/x?a=1`, 'query string'],
    ['missing /n/', `https://${HOST}${p}/b/bkt/o/x`, '/n/<namespace> part is missing'],
    ['missing /b/', `https://${HOST}${p}/n/ns/o/x`, '/b/<bucket> part is missing'],
    ['bad bucket', `https://${HOST}${p}/n/ns/b/b@d/o/x`, 'bucket name "b@d"'],
    ['text after bucket', `https://${HOST}${p}/n/ns/b/bkt/x`, 'unexpected text after the bucket'],
    ['missing /p/', `https://${HOST}/n/ns/b/bkt/o/x`, 'plain object URL, not a PAR'],
    ['typo in /p/', `https://${HOST}/pp/${TOKEN}/n/ns/b/bkt/o/x`, '/p/<token> part is missing'],
    ['token with space', `https://${HOST}/p/${TOKEN} x/n/ns/b/bkt/o/`, 'whitespace'],
    ['token with bad char', `https://${HOST}/p/${TOKEN}%41/n/ns/b/bkt/o/`, 'PAR token contains characters'],
    ['garbage', `${TOKEN}`, 'not an absolute URL'],
    ['user info', `https://${TOKEN}@${HOST}${p}/n/ns/b/bkt/o/x`, 'host is not a DNS name'],
  ])('%s', (_label, url, problem) => {
    const message = errorMessage(() => U.parseParUrl(url));
    expect(message).toContain(problem);
    expect(message).toContain(PAR_SHAPE);
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('SECRET');
  });

  // Every single-character typo of a PAR URL, tried through every entry point.
  test('no one-character typo of a PAR URL leaks the token', () => {
    const chars = ['/', '?', '#', ' ', '@', 'p', 'n', 'b', 'x'];
    const leaks: string[] = [];
    const tokenPieces = pieces(TOKEN);
    for (const url of [OBJECT_PAR]) { // BUCKET_PAR is a prefix of it
      const variants = new Set<string>();
      for (let i = 0; i <= url.length; i++) {
        variants.add(url.slice(0, i) + url.slice(i + 1));
        for (const c of chars) {
          variants.add(url.slice(0, i) + c + url.slice(i));
          variants.add(url.slice(0, i) + c + url.slice(i + 1));
        }
      }
      for (const broken of variants) {
        const outputs = [U.describe(broken)];
        for (const attempt of [
          () => U.parseParUrl(broken), () => U.parseObjectUrl(broken), () => U.withObjectName(broken, 'x'),
        ]) {
          try {
            attempt();
          } catch (e) {
            if (!OciImageTransferError.isOciImageTransferError(e)) throw e; // cheaper than expect() 20k times
            outputs.push(e.message);
          }
        }
        // A typo inside the token leaves most of it intact: look for any 12-char piece.
        if (outputs.some((o) => tokenPieces.some((p) => o.includes(p)))) {
          leaks.push(broken);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  test('parseObjectUrl given a PAR does not echo the token either', () => {
    const message = errorMessage(() => U.parseObjectUrl(OBJECT_PAR));
    expect(message).toContain('/p/***/n/axaxnpcrorw5');
    expect(message).not.toContain(TOKEN);
  });

  test.each([
    ['invalid token', { token: 'a/b' }, 'PAR token contains characters'],
    ['unresolved token', { token: '${TfToken[TOKEN.9]}' }, 'token is an unresolved'],
    ['empty object name', { objectName: '' }, 'omit objectName for a bucket-level PAR'],
  ])('buildParUrl rejects %s without echoing the token', (_label, override, problem) => {
    const parts = { host: HOST, token: TOKEN, namespaceName: 'ns', bucket: 'bkt', ...override };
    const message = errorMessage(() => U.buildParUrl(parts));
    expect(message).toContain(problem);
    expect(message).toContain(PAR_SHAPE);
    expect(message).not.toContain(parts.token);
  });
});

/** Every 12-character substring of s. */
function pieces(s: string): string[] {
  return Array.from({ length: s.length - 11 }, (_, i) => s.slice(i, i + 12));
}

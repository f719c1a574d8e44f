import fc from 'fast-check';
import { OciImageTransferError } from '../../lib/core/errors';
import { ObjectStorageUrl as U, ObjectUrlParts, ParUrlParts } from '../../lib/storage-url';

// Fixed seed: deterministic runs; change it locally to explore. fc.record
// builds null-prototype objects, hence the `{ ...x }` copies below.
const RUN = { seed: 20240611, numRuns: 300 };

const host = fc.oneof(
  fc.constantFrom(
    'objectstorage.us-ashburn-1.oraclecloud.com',
    'objectstorage.sa-saopaulo-1.oraclecloud.com',
    'objectstorage.us-langley-1.oraclegovcloud.com',
    'axaxnpcrorw5.objectstorage.us-ashburn-1.oci.customer-oci.com',
  ),
  fc.domain(),
);
const namespace = fc.stringMatching(/^[a-z0-9]{1,20}$/);
const bucket = fc.stringMatching(/^[A-Za-z0-9._-]{1,256}$/);
const token = fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/);

// Mixes full Unicode, grapheme clusters (emoji) and the characters that need
// care in a URL path; names OCI forbids (NUL/CR/LF, ".", "..") are excluded.
const awkward = fc.constantFrom('/', ' ', '+', '%', '#', '?', '.', '%2F', 'ç', 'ã', '🚀', '\t', '&', '=');
const objectName = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.string({ unit: fc.oneof(awkward, fc.constantFrom('a', 'b', '1')), minLength: 1, maxLength: 30 }),
  )
  .filter((s) => !/[\0\r\n]/.test(s) && s !== '.' && s !== '..');

const objectParts: fc.Arbitrary<ObjectUrlParts> = fc.record({ host, namespaceName: namespace, bucket, objectName });
const parParts: fc.Arbitrary<ParUrlParts> = fc.record(
  { host, token, namespaceName: namespace, bucket, objectName },
  { requiredKeys: ['host', 'token', 'namespaceName', 'bucket'] },
);

/** Equivalent spellings of the same URL that a parser must accept. */
function respell(url: string, rawSlashes: boolean): string {
  const lower = url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  return rawSlashes ? lower.replace(/%2f/g, '/') : lower;
}

describe('properties', () => {
  test('object URL: parse(build(x)) equals x', () => {
    fc.assert(fc.property(objectParts, (x) => {
      expect(U.parseObjectUrl(U.buildObjectUrl(x))).toStrictEqual({ ...x });
    }), RUN);
  });

  test('PAR URL: parse(build(x)) equals x, with and without an object', () => {
    fc.assert(fc.property(parParts, (x) => {
      expect(U.parseParUrl(U.buildParUrl(x))).toStrictEqual({ ...x });
    }), RUN);
  });

  test('object URL: parse(build(parse(u))) equals parse(u) for other spellings of u', () => {
    fc.assert(fc.property(objectParts, fc.boolean(), (x, rawSlashes) => {
      const segments = x.objectName.split('/');
      // Raw "/" would turn "." or ".." pieces into dot segments, which are refused.
      fc.pre(!rawSlashes || !segments.some((s) => s === '.' || s === '..'));
      const u = respell(U.buildObjectUrl(x), rawSlashes);
      const parsed = U.parseObjectUrl(u);
      expect(parsed).toStrictEqual({ ...x });
      expect(U.parseObjectUrl(U.buildObjectUrl(parsed))).toStrictEqual(parsed);
    }), RUN);
  });

  test('withObjectName(bucket PAR, name) equals buildParUrl with that name', () => {
    fc.assert(fc.property(parParts, objectName, (x, name) => {
      const bucketPar = U.buildParUrl({ host: x.host, token: x.token, namespaceName: x.namespaceName, bucket: x.bucket });
      expect(U.withObjectName(bucketPar, name)).toBe(U.buildParUrl({ ...x, objectName: name }));
    }), RUN);
  });

  test('arbitrary strings never crash the parsers with anything but OciImageTransferError', () => {
    const input = fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `https://h/${s}`));
    fc.assert(fc.property(input, (s) => {
      for (const parse of [U.parseObjectUrl, U.parseParUrl]) {
        try {
          parse(s);
        } catch (e) {
          expect(e).toBeInstanceOf(OciImageTransferError);
        }
      }
    }), RUN);
  });
});

import * as fc from 'fast-check';
import { createRedactor, parTokenOf, secretEncodings } from '../../lib/export/runner/redact';

const PAR = 'https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/AbC123-xyz_TOKEN/n/ns/b/bk/o/img.oci';

test('masks PAR path segments wherever they appear, raw and percent-encoded (F-51, F-55)', () => {
  const r = createRedactor();
  expect(r(`PUT ${PAR} failed`)).toBe('PUT https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/***/n/ns/b/bk/o/img.oci failed');
  expect(r(encodeURIComponent(PAR))).not.toContain('AbC123-xyz_TOKEN');
});

test('masks the known destination URL and token literally, also URL-encoded', () => {
  const r = createRedactor([PAR, 'AbC123-xyz_TOKEN']);
  expect(r(`dest=${PAR}`)).toBe('dest=[redacted ***]');
  expect(r(`x ${encodeURIComponent(PAR)} y`)).toBe('x [redacted ***] y');
  expect(r('token AbC123-xyz_TOKEN alone')).toBe('token [redacted ***] alone');
});

test('masks private keys, fingerprints, signatures and tokens', () => {
  const r = createRedactor();
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQEF\n-----END PRIVATE KEY-----';
  expect(r(`key: ${pem} end`)).toBe('key: [private key ***] end');
  expect(r('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA')).toBe('[private key ***]');
  expect(r('fp 12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0.')).toBe('fp [fingerprint ***].');
  expect(r('Authorization: Signature version="1",keyId="t/u/f",signature="abc"')).toBe('Authorization: ***');
  expect(r('{"authorization":"Signature x"}')).toBe('{"authorization":"***"}');
  expect(r('Signature keyId="ocid1.tenancy/ocid1.user/aa",signature="Zm9v"')).toBe('Signature keyId="***",signature="***"');
  expect(r('Bearer abc.def-ghi')).toBe('Bearer ***');
  expect(r('token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl')).toBe('token [token ***]');
  expect(r('keyId ST$eyJabc.def')).not.toContain('eyJabc');
});

test('leaves ordinary runner lines alone', () => {
  const r = createRedactor([PAR]);
  const line = 'oci-image-export: [00:01:30] work request IN_PROGRESS 45%, image EXPORTING';
  expect(r(line)).toBe(line);
  const ids = 'image ocid1.image.oc1.eu-frankfurt-1.aaaaaaaa12345 to namespace ns, bucket b, object p/x.oci';
  expect(r(ids)).toBe(ids);
});

test('property: no PAR token survives, whatever surrounds it', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/), fc.string(), fc.string(), (token, before, after) => {
      const url = `https://h.example/p/${token}/n/ns/b/b/o/x`;
      const out = createRedactor([url, token])(`${before}${url}${after}`);
      expect(out).not.toContain(token);
    }),
  );
});

test('the token of a known URL is masked in every encoding an error may carry it in', () => {
  const token = 'Ab+C/12=3-xyz_TOKEN:q';
  const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${encodeURIComponent(token)}/n/ns/b/bk/o/img.oci`;
  const r = createRedactor([url]); // the token is found in the URL
  for (const form of [...secretEncodings(url), ...secretEncodings(encodeURIComponent(token)), ...secretEncodings(token)]) {
    const out = r(`{"message": "bad request for ${form}"}`);
    expect(out).not.toContain(encodeURIComponent(token));
    expect(out).not.toContain(token);
  }
  expect(parTokenOf(url)).toBe(encodeURIComponent(token));
});

test('JSON-escaped PAR segments of unknown URLs are masked', () => {
  const r = createRedactor();
  expect(r('{"uri":"https:\\/\\/h\\/p\\/SeCrEtToKeN99\\/n\\/ns\\/b\\/b\\/o\\/x"}')).toBe('{"uri":"https:\\/\\/h\\/p\\/***\\/n\\/ns\\/b\\/b\\/o\\/x"}');
});

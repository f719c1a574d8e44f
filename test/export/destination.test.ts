import { describeDestination, destinationKey, parseDestinationUri } from '../../lib/export/runner/destination';

const HOST = 'https://objectstorage.eu-frankfurt-1.oraclecloud.com';

test('plain Object Storage URL (F-50), with an encoded object name containing /', () => {
  expect(parseDestinationUri(`${HOST}/n/ns/b/bucket/o/dir%2Fimage%20v1.oci`)).toEqual({
    kind: 'uri',
    uri: `${HOST}/n/ns/b/bucket/o/dir%2Fimage%20v1.oci`,
    origin: HOST,
    parToken: undefined,
    namespace: 'ns',
    bucket: 'bucket',
    objectName: 'dir/image v1.oci',
  });
  expect(parseDestinationUri(`${HOST}/n/ns/b/bucket/o/dir/raw.oci`)).toMatchObject({ objectName: 'dir/raw.oci' });
});

test('PAR URL (F-51) and dedicated endpoints', () => {
  const d = parseDestinationUri('https://ns.objectstorage.eu-frankfurt-1.oci.customer-oci.com/p/Tok-en_1:x/n/ns/b/bk/o/a.oci');
  expect(d).toMatchObject({ kind: 'uri', parToken: 'Tok-en_1:x', namespace: 'ns', bucket: 'bk', objectName: 'a.oci' });
});

test.each([
  ['not a url', /not a valid URL/],
  ['ftp://h/n/ns/b/b/o/x', /https/],
  [`${HOST}/n/ns/b/b/o/x?versionId=1`, /query string/],
  [`${HOST}/p/TOKEN/n/ns/b/b/o/`, /ends at the bucket.*F-52/],
  [`${HOST}/n/ns/b/b`, /ends at the bucket/],
  [`${HOST}/somewhere/else`, /does not have the Object Storage shape/],
])('rejects %s without echoing it', (uri, message) => {
  const r = parseDestinationUri(uri);
  expect(r).toMatch(message);
  expect(r).not.toContain('TOKEN');
});

test('the destination key and description never contain the PAR token; PAR and tuple of one object share the key', () => {
  const par = parseDestinationUri(`${HOST}/p/TOKENxyz/n/ns/b/b/o/x.oci`);
  if (typeof par === 'string') throw new Error(par);
  const tuple = { kind: 'tuple' as const, namespace: 'ns', bucket: 'b', objectName: 'x.oci' };
  expect(destinationKey(par)).toBe(destinationKey(tuple));
  expect(describeDestination(par)).toBe('namespace ns, bucket b, object x.oci (through a pre-authenticated request)');
  expect(describeDestination(par)).not.toContain('TOKENxyz');
  expect(describeDestination(tuple)).toBe('namespace ns, bucket b, object x.oci');
});

/** Retry token (F-24), idempotency marker and exportability rules (F-20). */
import { parseDestinationUri, TupleDestination, UriDestination } from '../../lib/export/runner/destination';
import { checkExportable, explainRefusal } from '../../lib/export/runner/exportability';
import { proveFresh, writtenDuring } from '../../lib/export/runner/freshness';
import { MARKER_META, markerMetadata, markerObjectName, matchMarker, retryToken } from '../../lib/export/runner/idempotency';

const IMG = 'ocid1.image.oc1.eu-frankfurt-1.aaaa';
const tuple: TupleDestination = { kind: 'tuple', namespace: 'ns', bucket: 'b', objectName: 'x.oci' };
const par = parseDestinationUri('https://h.example/p/SECRETtoken/n/ns/b/b/o/x.oci') as UriDestination;

describe('retryToken', () => {
  test('deterministic, 64 characters, token-safe', () => {
    const t = retryToken(IMG, 'OCI', tuple);
    expect(t).toBe(retryToken(IMG, 'OCI', tuple));
    expect(t).toHaveLength(64);
    expect(t).toMatch(/^oci-image-export-[0-9a-f]{47}$/);
  });

  test('changes with image, format, object and salt; not with the access path (PAR rotation)', () => {
    const base = retryToken(IMG, 'OCI', tuple);
    expect(retryToken(`${IMG}b`, 'OCI', tuple)).not.toBe(base);
    expect(retryToken(IMG, 'QCOW2', tuple)).not.toBe(base);
    expect(retryToken(IMG, 'OCI', { ...tuple, objectName: 'y.oci' })).not.toBe(base);
    expect(retryToken(IMG, 'OCI', tuple, 'ocid1.workrequest')).not.toBe(base);
    expect(retryToken(IMG, 'OCI', par)).toBe(base);
  });
});

describe('marker', () => {
  const facts = { imageId: IMG, format: 'OCI', objectEtag: 'etag-1', objectSize: 42 };

  test('sidecar name and metadata', () => {
    expect(markerObjectName('dir/x.oci')).toBe('dir/x.oci.export.json');
    expect(markerMetadata(facts)).toEqual({ [MARKER_META.imageId]: IMG, [MARKER_META.format]: 'OCI', [MARKER_META.objectEtag]: 'etag-1', [MARKER_META.objectSize]: '42' });
  });

  test('matches only the same image, format, object ETag and size, and never an empty object', () => {
    const meta = markerMetadata(facts);
    expect(matchMarker(meta, facts)).toEqual({ match: true });
    expect(matchMarker(undefined, facts)).toMatchObject({ match: false, reason: expect.stringMatching(/no marker/) });
    expect(matchMarker(meta, { ...facts, imageId: 'other' })).toMatchObject({ reason: expect.stringMatching(/another image/) });
    expect(matchMarker(meta, { ...facts, format: 'VMDK' })).toMatchObject({ reason: expect.stringMatching(/format OCI, not VMDK/) });
    expect(matchMarker(meta, { ...facts, objectEtag: 'etag-2' })).toMatchObject({ reason: expect.stringMatching(/ETag differs/) });
    expect(matchMarker(meta, { ...facts, objectSize: 41 })).toMatchObject({ reason: expect.stringMatching(/records 42 bytes, the object has 41/) });
    expect(matchMarker(markerMetadata({ ...facts, objectSize: 0 }), { ...facts, objectSize: 0 })).toMatchObject({ reason: expect.stringMatching(/empty/) });
    const { [MARKER_META.objectSize]: _size, ...older } = meta; // a marker from before sizes were recorded
    expect(matchMarker(older, facts)).toMatchObject({ match: false });
  });

  test('written during a work request: last-modified (whole seconds) within accepted..finished (+1 s)', () => {
    const accepted = new Date('2025-01-01T09:50:00.700Z');
    const finished = new Date('2025-01-01T10:00:00.900Z');
    expect(writtenDuring(new Date('2025-01-01T09:50:00Z'), accepted, finished)).toBe(true);
    expect(writtenDuring(new Date('2025-01-01T10:00:01Z'), accepted, finished)).toBe(true);
    expect(writtenDuring(new Date('2025-01-01T10:00:05Z'), accepted, finished)).toBe(false);
    expect(writtenDuring(new Date('2025-01-01T09:49:59Z'), accepted, finished)).toBe(false);
    expect(writtenDuring(undefined, accepted, finished)).toBe(false);
    expect(writtenDuring(new Date(0), accepted, undefined)).toBe(false);
  });
});

describe('proof of a fresh object (F-22)', () => {
  const head = (etag: string, size = 10, lastModified = new Date('2025-01-01T10:00:00Z')) => ({ etag, contentLength: size, lastModified, meta: {} });
  const window = { acceptedAt: new Date('2025-01-01T09:59:00Z'), finishedAt: new Date('2025-01-01T10:00:00Z') };

  test.each([
    ['no object', { after: undefined, replayed: false }, false, /does not exist/],
    ['empty object', { after: head('b', 0), replayed: false }, false, /empty/],
    ['no size', { after: { etag: 'b', meta: {} }, replayed: false }, false, /no size/],
    ['no ETag', { after: { contentLength: 5, meta: {} }, replayed: false }, false, /no ETag/],
    ['new object', { after: head('b'), replayed: false }, true, /did not exist before/],
    ['ETag changed', { before: head('a'), after: head('b'), replayed: false }, true, /ETag changed/],
    ['ETag unchanged', { before: head('a'), after: head('a'), replayed: false, ...window }, false, /still has the ETag/],
    ['replayed, written during it', { before: head('a'), after: head('a'), replayed: true, ...window }, true, /written while/],
    ['replayed, written later', { after: head('a', 10, new Date('2025-01-01T10:05:00Z')), replayed: true, ...window }, false, /not written while that earlier export ran/],
    ['before unknown, outside the window', { beforeUnknown: true, after: head('a', 10, new Date('2024-01-01T00:00:00Z')), replayed: false, ...window }, false, /could not be read before/],
  ])('%s', (_n, input, fresh, text) => {
    const p = proveFresh(input as Parameters<typeof proveFresh>[0]);
    expect(p.fresh).toBe(fresh);
    expect(p.fresh ? p.how : p.reason).toMatch(text);
  });
});

describe('exportability (F-20)', () => {
  const custom = { id: IMG, compartmentId: 'ocid1.compartment.oc1..c', lifecycleState: 'AVAILABLE' };

  test('no compartment = platform or Marketplace image: refused', () => {
    expect(checkExportable({ ...custom, compartmentId: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/platform or Marketplace.*F-20/) });
  });

  test('a listed image only gets a note; the API decides', () => {
    expect(checkExportable({ ...custom, listingType: 'COMMUNITY' })).toEqual({ ok: true, notes: [expect.stringMatching(/listingType COMMUNITY/)] });
    expect(checkExportable({ ...custom, listingType: 'NONE' })).toEqual({ ok: true, notes: [] });
  });

  test('explains refusals: bucket (F-53), state (409), Marketplace origin (F-20)', () => {
    expect(explainRefusal(custom, { statusCode: 400, message: 'Invalid bucketName' })).toMatch(/pre-authenticated request.*F-53/);
    expect(explainRefusal(custom, { statusCode: 409, serviceCode: 'Conflict' })).toMatch(/state that forbids export/);
    expect(explainRefusal({ ...custom, baseImageId: 'ocid1.image.base' }, { statusCode: 400, message: 'cannot export' })).toMatch(/created from image ocid1\.image\.base/);
  });
});

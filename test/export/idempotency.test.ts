/** Retry token (F-24), idempotency marker and exportability rules (F-20). */
import { parseDestinationUri, TupleDestination, UriDestination } from '../../lib/export/runner/destination';
import { checkExportable, explainRefusal } from '../../lib/export/runner/exportability';
import { MARKER_META, markerMetadata, markerObjectName, matchMarker, retryToken, writtenByFinishedExport } from '../../lib/export/runner/idempotency';

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
  const facts = { imageId: IMG, format: 'OCI', objectEtag: 'etag-1' };

  test('sidecar name and metadata', () => {
    expect(markerObjectName('dir/x.oci')).toBe('dir/x.oci.export.json');
    expect(markerMetadata(facts)).toEqual({ [MARKER_META.imageId]: IMG, [MARKER_META.format]: 'OCI', [MARKER_META.objectEtag]: 'etag-1' });
  });

  test('matches only the same image, format and object ETag', () => {
    const meta = markerMetadata(facts);
    expect(matchMarker(meta, facts)).toEqual({ match: true });
    expect(matchMarker(undefined, facts)).toMatchObject({ match: false, reason: expect.stringMatching(/no marker/) });
    expect(matchMarker(meta, { ...facts, imageId: 'other' })).toMatchObject({ reason: expect.stringMatching(/another image/) });
    expect(matchMarker(meta, { ...facts, format: 'VMDK' })).toMatchObject({ reason: expect.stringMatching(/format OCI, not VMDK/) });
    expect(matchMarker(meta, { ...facts, objectEtag: 'etag-2' })).toMatchObject({ reason: expect.stringMatching(/ETag differs/) });
  });

  test('a replayed finished export owns the object only if nothing wrote it later', () => {
    const finished = new Date('2025-01-01T10:00:00.900Z');
    expect(writtenByFinishedExport(new Date('2025-01-01T10:00:00Z'), finished)).toBe(true);
    expect(writtenByFinishedExport(new Date('2025-01-01T10:00:05Z'), finished)).toBe(false);
    expect(writtenByFinishedExport(undefined, finished)).toBe(false);
    expect(writtenByFinishedExport(new Date(0), undefined)).toBe(false);
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

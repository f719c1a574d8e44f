import { ExportDestination, ExportedImage, ImageReadAccess, ImportedImage, ImportSource, ParExpiry, TransitBucket } from '../../lib';
import { buildError, COMPARTMENT, IMAGE, synthError, twoRegions } from '../image/fixtures';

/** Issue 12: the URL's shape is judged before anything is inferred from the URL. */
describe('error order', () => {
  test('fromUrl without /o/: the URL-shape error (OIT050), not an import-type inference error', () => {
    const { app, stack, phoenix } = twoRegions();
    expect(buildError(() => new ImportedImage(stack, 'Import', {
      compartmentId: COMPARTMENT, provider: phoenix, source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns1/b/images'),
    }))).toBe('');
    const msg = synthError(app);
    expect(msg).toMatch(/\[test\/Import\] OIT050: .*the \/o\/<object> part is missing.*Fix: /);
    expect(msg).not.toContain('F-11');
  });

  test('ExportDestination.toUrl with a malformed URL: OIT050 with the construct path and a fix', () => {
    const { app, stack, phoenix } = twoRegions();
    expect(buildError(() => new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, provider: phoenix, destination: ExportDestination.toUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/NS/b/b/o/x.oci'),
    }))).toBe('');
    expect(synthError(app)).toMatch(/\[test\/Export\] OIT050: .*namespace.*Fix: /);
  });

  test('ExportDestination.toUrl with a malformed PAR URL does not crash the construct either', () => {
    const { app, stack, phoenix } = twoRegions();
    new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, provider: phoenix, destination: ExportDestination.toUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/p/secret-token/n/ns1/b/'),
    });
    const msg = synthError(app);
    expect(msg).toMatch(/\[test\/Export\] OIT050: .*Fix: /);
    expect(msg).not.toContain('secret-token');
  });
});

test('a PAR on a bucket whose region is not an identifier: the library error, not a URL-builder error', () => {
  const { stack, phoenix } = twoRegions();
  const bucket = new TransitBucket(stack, 'Odd', { compartmentId: COMPARTMENT, provider: phoenix, namespaceName: 'ns1', region: 'Ashburn' });
  const exported = new ExportedImage(stack, 'OddExport', { image: { imageId: IMAGE }, provider: phoenix, destination: ExportDestination.toBucket(bucket) });
  const msg = buildError(() => new ImageReadAccess(stack, 'Share', { imageObject: exported, expiry: ParExpiry.afterDays(1) }));
  expect(msg).toMatch(/^\[test\/Share\] the PAR URL's host cannot be made for region "Ashburn": .* \(F-50\)\. Fix: /);
});

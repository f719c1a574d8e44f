/** Public collections are frozen arrays (jsii has no ReadonlyArray): readable, never changed by a caller. */
import { ImageObjectCopy, ImageReadAccess, ImportSource, ImportedImage, ParExpiry, TransitBucket } from '../../lib';
import { COMPARTMENT, linuxExport, twoRegions } from '../image/fixtures';

test('dependables and shapes cannot be changed from outside', () => {
  const { stack, phoenix, ashburn, bucket } = twoRegions();
  const exported = linuxExport(stack, bucket, phoenix);
  const target = new TransitBucket(stack, 'Target', { compartmentId: COMPARTMENT, provider: ashburn, namespaceName: 'ns1' });
  const copy = new ImageObjectCopy(stack, 'Copy', { source: exported, destinationBucket: target, provider: ashburn });
  const par = new ImageReadAccess(stack, 'Par', { imageObject: exported, expiry: ParExpiry.afterDays(2) });
  const imported = new ImportedImage(stack, 'Import', {
    compartmentId: COMPARTMENT, provider: ashburn, source: ImportSource.fromObject(copy), compatibleShapes: ['VM.Standard.E4.Flex'],
  });
  for (const list of [exported.dependables, copy.dependables, par.dependables, imported.shapes] as unknown[][]) {
    expect(list.length).toBeGreaterThan(0);
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => list.push('x')).toThrow(TypeError);
  }
});

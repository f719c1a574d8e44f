import { ExportDestination, ExportRunner, ImportSource, ParExpiry } from '../../lib';
import { twoRegions } from './fixtures';

/** Issue 13: identity by Symbol.for brands, so a second copy of the library still recognises these values. */
describe('union-like classes are recognised by brand, not instanceof', () => {
  const { bucket } = twoRegions();
  const cases: Array<[string, (x: unknown) => boolean, unknown]> = [
    ['ExportDestination', ExportDestination.isExportDestination, ExportDestination.toBucket(bucket)],
    ['ExportRunner', ExportRunner.isExportRunner, ExportRunner.ociCli()],
    ['ImportSource', ImportSource.isImportSource, ImportSource.retained()],
    ['ParExpiry', ParExpiry.isParExpiry, ParExpiry.afterDays(2)],
  ];

  test.each(cases)('%s: its own values yes, look-alikes no', (name, is, value) => {
    expect(is(value)).toBe(true);
    expect(is({ kind: 'bucket' })).toBe(false);
    expect(is(null)).toBe(false);
    expect(is('x')).toBe(false);
    // What another copy of the library would make: the same global symbol, another prototype.
    const foreign = Object.defineProperty({}, Symbol.for(`cdktf-oci-image-transfer.${name}`), { value: true });
    expect(is(foreign)).toBe(true);
  });

  test('no public kind is left on them', () => {
    for (const [, , value] of cases) expect(Object.keys(value as object)).not.toContain('kind');
  });
});

import { TerraformOutput } from 'cdktf';
import {
  ExportDestination, ExportedImage, ExportFormat, ImageObjectCopy, ImageReadAccess, ImportedImage, ImportSource, LaunchMode,
  OciProvider, ParExpiry, TransitBucket,
} from '../../lib';
import { buildError, COMPARTMENT, IMAGE, linuxExport, synthError, twoRegions } from './fixtures';

/**
 * Issue 2, "done when" 4: bad input gets an error at synth that names the
 * construct path, the bad value, the fact id and the fix.
 */
describe('bad input fails at synth with path, value, fact and fix', () => {
  test('malformed import URL (F-50)', () => {
    const { app, stack } = twoRegions();
    new ImportedImage(stack, 'Import', {
      compartmentId: COMPARTMENT, source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns1/o/disk.qcow2'),
      operatingSystem: 'Oracle Linux', operatingSystemVersion: '9',
    });
    const msg = synthError(app);
    expect(msg).toContain('[test/Import]');
    expect(msg).toContain('OIT050');
    // The value is quoted with its path masked (a malformed URL might be a PAR), and the bad part is named.
    expect(msg).toContain('"https://objectstorage.us-phoenix-1.oraclecloud.com/***"');
    expect(msg).toContain('the /b/<bucket> part is missing');
    expect(msg).toContain('F-50');
    expect(msg).toMatch(/Fix: /);
  });

  test('PAR expiry already past (F-54)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    new ImageReadAccess(stack, 'Share', { imageObject: linuxExport(stack, bucket, phoenix), expiry: ParExpiry.at('2020-01-01T00:00:00Z') });
    const msg = synthError(app);
    expect(msg).toContain('[test/Share]');
    expect(msg).toContain('"2020-01-01T00:00:00Z"');
    expect(msg).toContain('already passed');
    expect(msg).toContain('F-54');
    expect(msg).toMatch(/Fix: use a future time/);
  });

  test('PAR expiry that is not RFC 3339 (F-54)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    new ImageReadAccess(stack, 'Share', { imageObject: linuxExport(stack, bucket, phoenix), expiry: ParExpiry.at('next tuesday') });
    const msg = synthError(app);
    expect(msg).toContain('"next tuesday"');
    expect(msg).toContain('RFC 3339');
  });

  test('export format VHD then import (F-10, F-11)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const exported = linuxExport(stack, bucket, phoenix, { format: ExportFormat.VHD });
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(exported) });
    const msg = synthError(app);
    expect(msg).toContain('[test/Import]');
    expect(msg).toContain('OIT011');
    expect(msg).toContain('"VHD"');
    expect(msg).toMatch(/F-10, F-11/);
    expect(msg).toContain('Fix: export with ExportFormat.OCI');
  });

  test('launch mode with the OCI type (F-12, F-13)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(linuxExport(stack, bucket, phoenix)), launchMode: LaunchMode.NATIVE });
    const msg = synthError(app);
    expect(msg).toContain('OIT012');
    expect(msg).toContain('"NATIVE"');
    expect(msg).toContain('F-12');
    expect(msg).toContain('Fix: remove launchMode');
  });

  test('Windows import without version (F-33)', () => {
    const { app, stack } = twoRegions();
    new ImportedImage(stack, 'Win', {
      compartmentId: COMPARTMENT, source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns1/b/b/o/win.vmdk'),
      operatingSystem: 'Windows', windowsRealTimeIsUniversalSet: true,
    });
    const msg = synthError(app);
    expect(msg).toContain('[test/Win]');
    expect(msg).toContain('OIT033');
    expect(msg).toContain('version and edition');
    expect(msg).toContain('F-33');
    expect(msg).toContain('Fix: set operatingSystemVersion');
  });

  test('empty compartment (F-60, F-63)', () => {
    const { stack } = twoRegions();
    const importMsg = buildError(() => new ImportedImage(stack, 'Import', { compartmentId: '', source: ImportSource.retained() }));
    expect(importMsg).toBe('[test/Import] compartmentId is "": must not be empty or blank (F-60). Fix: pass the OCID of a compartment (ocid1.compartment... or the tenancy OCID for the root compartment)');
    const bucketMsg = buildError(() => new TransitBucket(stack, 'B', { compartmentId: '  ' }));
    expect(bucketMsg).toContain('[test/B] compartmentId is "  ": must not be empty or blank (F-63)');
  });

  test('export to a bucket in another region (F-02)', () => {
    const { app, stack, phoenix, ashburn } = twoRegions();
    const far = new TransitBucket(stack, 'Far', { compartmentId: COMPARTMENT, provider: ashburn, namespaceName: 'ns1' });
    linuxExport(stack, far, phoenix);
    const msg = synthError(app);
    expect(msg).toContain('OIT001');
    expect(msg).toContain('"us-phoenix-1"');
    expect(msg).toContain('"us-ashburn-1"');
  });

  test('cross-tenancy import from a bucket tuple (F-03)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const other = new OciProvider(stack, 'other', { alias: 'other', region: 'us-phoenix-1', tenancyOcid: 'ocid1.tenancy.oc1..two' });
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(linuxExport(stack, bucket, phoenix)), provider: other });
    const msg = synthError(app);
    expect(msg).toContain('OIT003');
    expect(msg).toContain('bucket/object tuple');
    expect(msg).toContain('ImportSource.fromPar');
  });

  test('a PAR URL in a plain output (F-55)', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    const access = new ImageReadAccess(stack, 'Share', { imageObject: linuxExport(stack, bucket, phoenix), expiry: ParExpiry.afterDays(1) });
    new TerraformOutput(stack, 'leak', { value: access.url });
    const msg = synthError(app);
    expect(msg).toContain('[test/leak]');
    expect(msg).toContain('OIT056');
  });

  test('a bucket-level PAR export destination without an object name (F-52)', () => {
    const { stack, phoenix } = twoRegions();
    const msg = buildError(() => new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, provider: phoenix,
      destination: ExportDestination.toUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/p/tok3n/n/ns1/b/transit/o/'),
    }));
    expect(msg).toContain('[test/Export]');
    expect(msg).toContain('bucket-level PAR');
    expect(msg).toContain('F-52');
    expect(msg).not.toContain('tok3n');
  });

  test('a copy without the target provider (F-62)', () => {
    const { stack, phoenix, bucket } = twoRegions();
    const msg = buildError(() => new ImageObjectCopy(stack, 'Copy', { source: linuxExport(stack, bucket, phoenix), provider: undefined as any, compartmentId: COMPARTMENT }));
    expect(msg).toContain("[test/Copy] provider is undefined: a value is required (F-62). Fix: pass the target region's provider");
  });

  test('an import type that cannot be told from the source (F-11)', () => {
    const { stack } = twoRegions();
    const msg = buildError(() => new ImportedImage(stack, 'Import', {
      compartmentId: COMPARTMENT, source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns1/b/b/o/disk.img'),
    }));
    expect(msg).toContain('[test/Import]');
    expect(msg).toContain('disk.img');
    expect(msg).toContain('set importType');
  });

  test('the same program is accepted once the input is fixed', () => {
    const { app, stack, phoenix, bucket } = twoRegions();
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, source: ImportSource.fromObject(linuxExport(stack, bucket, phoenix)) });
    expect(synthError(app)).toBe('');
  });
});

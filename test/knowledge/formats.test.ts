import { ExportFormat, ImageImportType, LaunchMode, LaunchModeDefaults } from '../../lib/knowledge';

describe('ExportFormat (F-05, F-10, F-11)', () => {
  test.each([
    ['OCI', '.oci', true, true, ImageImportType.OCI],
    ['QCOW2', '.qcow2', true, false, ImageImportType.QCOW2],
    ['VMDK', '.vmdk', true, false, ImageImportType.VMDK],
    ['VHD', '.vhd', false, false, undefined],
    ['VDI', '.vdi', false, false, undefined],
  ])('%s', (value, extension, importable, metadata, importType) => {
    const f = ExportFormat.of(value);
    expect(f).toMatchObject({ value, extension, isImportable: importable, preservesOciMetadata: metadata });
    expect(f.importType).toBe(importType);
  });

  test('of/tryOf accept any case and reject unknown values', () => {
    expect(ExportFormat.tryOf(' qcow2 ')).toBe(ExportFormat.QCOW2);
    expect(ExportFormat.tryOf('RAW')).toBeUndefined();
    expect(() => ExportFormat.of('RAW')).toThrow('[ExportFormat.of] export format "RAW" is not one of OCI, QCOW2, VMDK, VHD, VDI. Fix: use ExportFormat.OCI');
  });

  test('default and object names', () => {
    expect(ExportFormat.DEFAULT).toBe(ExportFormat.OCI);
    expect(ExportFormat.tryFromObjectName('images/web-01.QCOW2')).toBe(ExportFormat.QCOW2);
    expect(ExportFormat.tryFromObjectName('images/web-01')).toBeUndefined();
  });
});

describe('ImageImportType (F-11, F-13)', () => {
  test.each([
    ['OCI', '.oci', undefined, ExportFormat.OCI],
    ['QCOW2', '.qcow2', 'QCOW2', ExportFormat.QCOW2],
    ['VMDK', '.vmdk', 'VMDK', ExportFormat.VMDK],
  ])('%s', (value, extension, sourceImageType, exportFormat) => {
    const t = ImageImportType.of(value);
    expect(t).toMatchObject({ value, extension });
    expect(t.providerSourceImageType).toBe(sourceImageType);
    expect(t.exportFormat).toBe(exportFormat);
  });

  test('VHD and VDI cannot be imported', () => {
    expect(ImageImportType.tryOf('VHD')).toBeUndefined();
    expect(() => ImageImportType.of('vdi')).toThrow('[ImageImportType.of] image import type "vdi" is not one of OCI, QCOW2, VMDK. Fix:');
  });
});

describe('LaunchMode (F-12)', () => {
  test('values, with ACCELERATEDPV flagged as provider v8+', () => {
    expect(LaunchMode.ALL.map((m) => m.value)).toEqual(['NATIVE', 'EMULATED', 'PARAVIRTUALIZED', 'CUSTOM', 'ACCELERATEDPV']);
    expect(LaunchMode.ACCELERATEDPV.minProviderMajorVersion).toBe(8);
    expect(LaunchMode.ACCELERATEDPV.isAvailableInProvider(7)).toBe(false);
    expect(LaunchMode.ACCELERATEDPV.isAvailableInProvider(8)).toBe(true);
    expect(LaunchMode.NATIVE.isAvailableInProvider(7)).toBe(true);
    expect(() => LaunchMode.of('FAST')).toThrow(/^\[LaunchMode\.of\] launch mode "FAST" is not one of NATIVE, EMULATED, PARAVIRTUALIZED, CUSTOM, ACCELERATEDPV\. Fix: /);
  });

  test.each([
    [ImageImportType.OCI, true, undefined, []],
    [ImageImportType.OCI, false, undefined, []],
    [ImageImportType.QCOW2, true, LaunchMode.NATIVE, [LaunchMode.NATIVE]],
    [ImageImportType.QCOW2, false, LaunchMode.PARAVIRTUALIZED, [LaunchMode.PARAVIRTUALIZED, LaunchMode.EMULATED]],
    [ImageImportType.VMDK, true, LaunchMode.PARAVIRTUALIZED, [LaunchMode.PARAVIRTUALIZED, LaunchMode.EMULATED]],
    [ImageImportType.VMDK, false, LaunchMode.PARAVIRTUALIZED, [LaunchMode.PARAVIRTUALIZED, LaunchMode.EMULATED]],
  ])('%s exported from OCI=%s → %s', (type, fromOci, mode, allowed) => {
    expect(LaunchModeDefaults.forImport(type, fromOci)).toBe(mode);
    expect(LaunchModeDefaults.allowedForImport(type, fromOci)).toEqual(allowed);
  });
});

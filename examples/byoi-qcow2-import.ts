import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ImageImportType, ImportedImage, ImportSource, OciProvider } from '../lib';

/**
 * Bring your own image: import a QCOW2 built elsewhere from an Object
 * Storage URL. F-12: a foreign image gets PARAVIRTUALIZED by default.
 */
export function byoiQcow2ImportStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'byoi-qcow2-import');
  const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string' });
  const imageUrl = new TerraformVariable(stack, 'image_url', {
    type: 'string', sensitive: true, description: 'Object URL or PAR URL of the .qcow2 file',
  });
  const provider = new OciProvider(stack, 'saopaulo', { alias: 'saopaulo', region: 'sa-saopaulo-1' });
  new ImportedImage(stack, 'Import', {
    compartmentId: compartment.stringValue,
    source: ImportSource.fromUrl(imageUrl.stringValue),
    importType: ImageImportType.QCOW2,
    operatingSystem: 'Oracle Linux',
    operatingSystemVersion: '9',
    provider,
    displayName: 'byoi-ol9',
  });
  return stack;
}

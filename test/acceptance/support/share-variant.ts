/**
 * examples/cross-tenancy-share.ts after the documented PAR remedy: the
 * ImageReadAccess removed and the import kept with ImportSource.retained().
 * Construct ids are the example's, so state addresses match.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage, ImportedImage, ImportSource, OciProvider, TransitBucket } from '../../../lib';

export function crossTenancyShareRetained(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'cross-tenancy-share');
  const sourceCompartment = new TerraformVariable(stack, 'source_compartment_ocid', { type: 'string' });
  const targetCompartment = new TerraformVariable(stack, 'target_compartment_ocid', { type: 'string' });
  const imageId = new TerraformVariable(stack, 'source_image_ocid', { type: 'string' });
  const source = new OciProvider(stack, 'source', { alias: 'source', region: 'eu-frankfurt-1', configFileProfile: 'SOURCE' });
  const target = new OciProvider(stack, 'target', { alias: 'target', region: 'eu-frankfurt-1', configFileProfile: 'TARGET' });
  const bucket = new TransitBucket(stack, 'ShareBucket', { compartmentId: sourceCompartment.stringValue, provider: source });
  new ExportedImage(stack, 'Export', {
    image: { imageId: imageId.stringValue, operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '22.04' },
    destination: ExportDestination.toBucket(bucket),
    provider: source,
  });
  new ImportedImage(stack, 'ImportInTarget', {
    compartmentId: targetCompartment.stringValue,
    source: ImportSource.retained(),
    provider: target,
    crossTenancy: true,
    displayName: 'shared-ubuntu-2204',
  });
  return stack;
}

import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ExportDestination, ExportedImage, HostGeneration, ImageObjectCopy, ImportedImage, ImportSource, OciProvider, TransitBucket,
} from '../lib';

/**
 * F-02: export a custom image in its own region (Phoenix), copy the object
 * to Ashburn, import it there from the copy.
 */
export function crossRegionCopyStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'cross-region-copy');
  const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string', description: 'Compartment for buckets and images' });
  const imageId = new TerraformVariable(stack, 'source_image_ocid', { type: 'string', description: 'Custom image to replicate' });
  const phoenix = new OciProvider(stack, 'phoenix', { alias: 'phoenix', region: 'us-phoenix-1' });
  const ashburn = new OciProvider(stack, 'ashburn', { alias: 'ashburn', region: 'us-ashburn-1' });

  const exportBucket = new TransitBucket(stack, 'ExportBucket', { compartmentId: compartment.stringValue, provider: phoenix });
  const exported = new ExportedImage(stack, 'Export', {
    image: { imageId: imageId.stringValue, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7 },
    destination: ExportDestination.toBucket(exportBucket),
    provider: phoenix,
  });
  const copy = new ImageObjectCopy(stack, 'CopyToAshburn', { source: exported, provider: ashburn, compartmentId: compartment.stringValue });
  const imported = new ImportedImage(stack, 'ImportInAshburn', {
    compartmentId: compartment.stringValue,
    source: ImportSource.fromObject(copy),
    provider: ashburn,
    displayName: 'golden-ol8',
    compatibleShapes: ['VM.Standard2.1', 'VM.Standard.E4.Flex'],
    freeformTags: { purpose: 'golden-image' },
  });
  new TerraformOutput(stack, 'ashburn_image_ocid', { value: imported.imageId });
  return stack;
}

import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ExportDestination, ExportedImage, ImageReadAccess, ImportedImage, ImportSource, OciProvider, ParExpiry, TransitBucket,
} from '../lib';

/**
 * F-03: export in the source tenancy, share the object with a read-only PAR
 * that expires two days after the apply, import it in another tenancy from
 * the PAR URL. The URL stays sensitive end to end.
 */
export function crossTenancyShareStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'cross-tenancy-share');
  const sourceCompartment = new TerraformVariable(stack, 'source_compartment_ocid', { type: 'string' });
  const targetCompartment = new TerraformVariable(stack, 'target_compartment_ocid', { type: 'string' });
  const imageId = new TerraformVariable(stack, 'source_image_ocid', { type: 'string' });
  const source = new OciProvider(stack, 'source', { alias: 'source', region: 'eu-frankfurt-1', configFileProfile: 'SOURCE' });
  const target = new OciProvider(stack, 'target', { alias: 'target', region: 'eu-frankfurt-1', configFileProfile: 'TARGET' });

  const bucket = new TransitBucket(stack, 'ShareBucket', { compartmentId: sourceCompartment.stringValue, provider: source });
  const exported = new ExportedImage(stack, 'Export', {
    image: { imageId: imageId.stringValue, operatingSystem: 'Canonical Ubuntu', operatingSystemVersion: '22.04' },
    destination: ExportDestination.toBucket(bucket),
    provider: source,
  });
  const par = new ImageReadAccess(stack, 'ReadAccess', { imageObject: exported, expiry: ParExpiry.afterDays(2), provider: source });
  par.addUrlOutput('image_par_url', 'Read-only PAR URL of the exported image (sensitive)');
  new ImportedImage(stack, 'ImportInTarget', {
    compartmentId: targetCompartment.stringValue,
    source: ImportSource.fromPar(par),
    provider: target,
    crossTenancy: true,
    displayName: 'shared-ubuntu-2204',
  });
  return stack;
}

import { TerraformStack } from 'cdktf';
import {
  ExportDestination, ExportedImage, ImageObjectCopy, ImageReadAccess, ImportedImage, ImportSource, OciProvider, ParExpiry, TransitBucket,
} from '../../lib';
import { newApp, resourcesOf, synthJson } from '../support/synth';

/**
 * Found by the acceptance tier (test/acceptance/changes.acceptance.ts): with
 * a new source image OCID the export step re-ran but the copy (same object
 * name) and the import (image_source_details ignored) stayed, so every target
 * kept the old image. Copies and imports now follow a per-consumer
 * `SourceVersion` marker through replace_triggered_by.
 */
function program(sourceKind: 'copy' | 'par' | 'url' | 'retained') {
  const app = newApp();
  const stack = new TerraformStack(app, 'versions');
  const phx = new OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
  const iad = new OciProvider(stack, 'iad', { alias: 'iad', region: 'us-ashburn-1' });
  const bucket = new TransitBucket(stack, 'Bucket', { compartmentId: 'ocid1.compartment.oc1..c', provider: phx });
  const exported = new ExportedImage(stack, 'Export', {
    image: { imageId: 'ocid1.image.oc1.us-phoenix-1.src', operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    destination: ExportDestination.toBucket(bucket), provider: phx,
  });
  const source = sourceKind === 'copy'
    ? ImportSource.fromObject(new ImageObjectCopy(stack, 'Copy', { source: exported, provider: iad, compartmentId: 'ocid1.compartment.oc1..c' }))
    : sourceKind === 'par' ? ImportSource.fromPar(new ImageReadAccess(stack, 'Par', { imageObject: exported, expiry: ParExpiry.afterDays(2), provider: phx }))
      : sourceKind === 'url' ? ImportSource.fromUrl('https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/b/o/x.qcow2')
        : ImportSource.retained();
  new ImportedImage(stack, 'Import', {
    compartmentId: 'ocid1.compartment.oc1..c', source, provider: iad,
    operatingSystem: 'Oracle Linux', operatingSystemVersion: '8'
  });
  return synthJson(app, stack);
}

function markerOf(json: any, address: string): any {
  const [type, name] = address.split('.');
  expect(type).toBe('terraform_data');
  return resourcesOf(json, 'terraform_data')[name];
}

test('a copy and its import are replaced when the source image or format changes, through bare references', () => {
  const json = program('copy');
  const copy = Object.values<any>(resourcesOf(json, 'oci_objectstorage_object'))[0];
  const image = Object.values<any>(resourcesOf(json, 'oci_core_image'))[0];
  for (const r of [copy, image]) {
    const refs: string[] = r.lifecycle.replace_triggered_by;
    expect(refs).toHaveLength(1);
    // terraform validate rejects "${...}" here (JSON syntax wants a bare reference).
    expect(refs[0]).toMatch(/^terraform_data\.[A-Za-z0-9_-]+$/);
    expect(markerOf(json, refs[0]).triggers_replace).toEqual({ image_id: 'ocid1.image.oc1.us-phoenix-1.src', format: 'OCI' });
  }
  expect(image.lifecycle.ignore_changes).toEqual(['image_source_details']);
});

test('an import by PAR follows the source image too, but not the PAR (a rotated PAR never replaces it)', () => {
  const json = program('par');
  const image = Object.values<any>(resourcesOf(json, 'oci_core_image'))[0];
  const marker = markerOf(json, image.lifecycle.replace_triggered_by[0]);
  expect(JSON.stringify(marker)).not.toContain('preauthrequest');
  expect(marker.triggers_replace.image_id).toBe('ocid1.image.oc1.us-phoenix-1.src');
});

test('imports with no known source image (a URL, a retained image) get no trigger', () => {
  for (const kind of ['url', 'retained'] as const) {
    const image = Object.values<any>(resourcesOf(program(kind), 'oci_core_image'))[0];
    expect(image.lifecycle).toEqual({ ignore_changes: ['image_source_details'] });
  }
});

test('every consumer of one export in a stack shares one marker (no resource per target that only carries a value)', () => {
  const json = program('copy');
  const copy = Object.values<any>(resourcesOf(json, 'oci_objectstorage_object'))[0];
  const image = Object.values<any>(resourcesOf(json, 'oci_core_image'))[0];
  expect(copy.lifecycle.replace_triggered_by).toEqual(image.lifecycle.replace_triggered_by);
  expect(Object.keys(resourcesOf(json, 'terraform_data')).filter((k) => k.startsWith('SourceVersion'))).toHaveLength(1);
});

import { TerraformMetaArguments, TerraformOutput, TerraformProvider, TerraformResource, TerraformDataSource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { SOURCE_REGION } from './regions';

/**
 * The same resources as the library's rollout (providers, buckets,
 * one namespace lookup, lifecycle rule, export step, copies, imports, shape
 * entries), built as bare cdktf elements with literal attributes: no
 * typed bindings, no lineage, no checks. What is left is cdktf's own cost.
 */
class Bare extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, private readonly attrs: Record<string, unknown>, provider?: TerraformProvider, meta: TerraformMetaArguments = {}) {
    super(scope, id, { ...meta, terraformResourceType: type, provider, terraformGeneratorMetadata: type === 'terraform_data' ? undefined : { providerName: 'oci' } });
  }
  protected synthesizeAttributes() { return this.attrs; }
}

class BareData extends TerraformDataSource {
  constructor(scope: Construct, id: string, type: string, private readonly attrs: Record<string, unknown>, provider?: TerraformProvider) {
    super(scope, id, { terraformResourceType: type, provider, terraformGeneratorMetadata: { providerName: 'oci' } });
  }
  protected synthesizeAttributes() { return this.attrs; }
}

class BareProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, private readonly region: string) {
    super(scope, id, { terraformResourceType: 'oci', terraformGeneratorMetadata: { providerName: 'oci' }, terraformProviderSource: 'oracle/oci' });
  }
  get alias() { return this.region; }
  set alias(_v: string | undefined) { /* fixed */ }
  protected synthesizeAttributes() { return { region: this.region }; }
}

export function buildBare(stack: TerraformStack, images: number, regions: string[]): void {
  const c = 'ocid1.compartment.oc1..bench';
  const providers = new Map<string, BareProvider>();
  const provider = (region: string) => {
    let p = providers.get(region);
    if (!p) providers.set(region, (p = new BareProvider(stack, `oci-${region}`, region)));
    return p;
  };
  // One namespace lookup for the tenancy, as the library makes (F-85).
  const ns = new BareData(stack, 'ns', 'oci_objectstorage_namespace', { compartment_id: c }, provider(SOURCE_REGION));
  for (let i = 0; i < images; i++) {
    const scope = new Construct(stack, `Image${i}`);
    const tags = { ImageRollout: `golden-v${i}`, ImageSourceId: `ocid1.image.oc1.phx.v${i}`, ImageSourceRegion: SOURCE_REGION };
    const src = provider(SOURCE_REGION);
    const bucket = new Bare(scope, 'bucket', 'oci_objectstorage_bucket', { compartment_id: c, name: `export-${i}`, namespace: ns.getStringAttribute('namespace'), access_type: 'NoPublicAccess', freeform_tags: tags }, src);
    new Bare(scope, 'lifecycle', 'oci_objectstorage_object_lifecycle_policy', {
      bucket: bucket.getStringAttribute('name'), namespace: ns.getStringAttribute('namespace'),
      rules: [{ action: 'DELETE', is_enabled: true, name: 'expire', target: 'objects', time_amount: '7', time_unit: 'DAYS' }],
    }, src);
    const object = `images/bench-image${i}-export.oci`;
    const step = new Bare(scope, 'export', 'terraform_data', {
      triggers_replace: { image_id: `ocid1.image.oc1.phx.v${i}`, format: 'OCI', destination: `${ns.getStringAttribute('namespace')}/${bucket.getStringAttribute('name')}/${object}`, revision: '' },
    }, undefined, {
      provisioners: [{
        type: 'local-exec', command: 'npx --no-install oci-image-export',
        environment: {
          OCI_IMAGE_EXPORT_IMAGE_ID: `ocid1.image.oc1.phx.v${i}`, OCI_IMAGE_EXPORT_FORMAT: 'OCI', OCI_IMAGE_EXPORT_TIMEOUT_MINUTES: '240',
          OCI_IMAGE_EXPORT_POLL_SECONDS: '30', OCI_IMAGE_EXPORT_AUTH: 'ApiKey', OCI_IMAGE_EXPORT_REGION: SOURCE_REGION,
          OCI_IMAGE_EXPORT_NAMESPACE: ns.getStringAttribute('namespace'), OCI_IMAGE_EXPORT_BUCKET: bucket.getStringAttribute('name'), OCI_IMAGE_EXPORT_OBJECT_NAME: object,
        },
      }],
    });
    // One source-version marker per export, shared by every copy and import (as the library makes).
    const marker = new Bare(stack, `SourceVersion-${i}`, 'terraform_data', { triggers_replace: { image_id: `ocid1.image.oc1.phx.v${i}`, format: 'OCI' } });
    const follow = [`terraform_data.${marker.friendlyUniqueId}`];
    const ids: Record<string, string> = {};
    let previous: TerraformResource[] = [];
    regions.forEach((region, r) => {
      const p = provider(region);
      const t = new Construct(scope, region);
      const tns = ns;
      const tb = new Bare(t, 'bucket', 'oci_objectstorage_bucket', { compartment_id: c, name: `t-${i}-${region}`, namespace: tns.getStringAttribute('namespace'), access_type: 'NoPublicAccess', freeform_tags: tags }, p);
      const copy = new Bare(t, 'copy', 'oci_objectstorage_object', {
        bucket: tb.getStringAttribute('name'), namespace: tns.getStringAttribute('namespace'), object,
        source_uri_details: { region: SOURCE_REGION, namespace: ns.getStringAttribute('namespace'), bucket: bucket.getStringAttribute('name'), object },
        timeouts: { create: '480m' },
      }, p, { dependsOn: [step, ...previous], lifecycle: { replaceTriggeredBy: follow } });
      const image = new Bare(t, 'image', 'oci_core_image', {
        compartment_id: c, display_name: `golden-v${i}-${region}`, freeform_tags: tags,
        image_source_details: { source_type: 'objectStorageTuple', bucket_name: tb.getStringAttribute('name'), namespace_name: tns.getStringAttribute('namespace'), object_name: object, operating_system: 'Oracle Linux', operating_system_version: '8' },
        timeouts: { create: '180m' },
      }, p, { dependsOn: [copy], lifecycle: { ignoreChanges: ['image_source_details'], replaceTriggeredBy: follow } });
      ids[region] = image.getStringAttribute('id');
      new Bare(t, 'shape', 'oci_core_shape_management', { compartment_id: c, image_id: image.getStringAttribute('id'), shape_name: 'VM.Standard.E4.Flex' }, p);
      if (r === 0) previous = [image];
    });
    new TerraformOutput(scope, 'ids', { value: ids });
  }
}

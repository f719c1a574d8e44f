import { readFileSync } from 'fs';
import { App, TerraformStack } from 'cdktf';
import { CompatChecks, ImageReplication, ImageReplicationProps, StackLayout } from '../../lib';
import { checkProviderSchema, newApp, stackFile, synthJson } from '../support/synth';

const C = 'ocid1.compartment.oc1..aaaa';
const source = { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: C, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' };

function rollout(props: Partial<ImageReplicationProps> = {}, app: App = newApp()) {
  const stack = new TerraformStack(app, 'rollout');
  const replication = new ImageReplication(stack, 'Golden', {
    rolloutName: 'golden',
    source,
    targets: [
      { region: 'us-ashburn-1', compartmentId: C },
      { region: 'eu-frankfurt-1', compartmentId: C },
      { region: 'uk-london-1', compartmentId: C },
      { name: 'partner', region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..partner', otherTenancy: true, providerConfig: { region: 'us-ashburn-1', configFileProfile: 'PARTNER' } },
    ],
    waves: [{ name: 'canary', targets: ['us-ashburn-1'] }, { name: 'main', targets: ['eu-frankfurt-1', 'uk-london-1', 'partner'] }],
    freeformTags: { team: 'platform' },
    ...props,
  });
  return { app, stack, replication };
}

const byPath = (table: Record<string, any>, part: string) => Object.values(table ?? {}).filter((r: any) => r['//'].metadata.path.includes(part));

describe('ImageReplication in one stack', () => {
  test('one export, a copy per same-tenancy target, a PAR for the other tenancy', () => {
    const { app, stack, replication } = rollout();
    const json = synthJson(app, stack);
    expect(Object.keys(json.resource.terraform_data).filter((k) => k.includes('ExportStep'))).toHaveLength(1);
    expect(Object.keys(json.resource.oci_objectstorage_object)).toHaveLength(3);
    expect(Object.keys(json.resource.oci_objectstorage_preauthrequest)).toHaveLength(1);
    expect(Object.keys(json.resource.oci_core_image)).toHaveLength(4);
    const partner = byPath(json.resource.oci_core_image, 'Target-partner')[0];
    expect(partner.image_source_details.source_type).toBe('objectStorageUri');
    expect(partner.provider).toBe('oci.partner');
    expect(json.provider.oci.map((p: any) => p.alias).sort()).toEqual(['eu-frankfurt-1', 'partner', 'source-us-phoenix-1', 'uk-london-1', 'us-ashburn-1']);
    expect(Object.keys(replication.imageIds).sort()).toEqual(['eu-frankfurt-1', 'partner', 'uk-london-1', 'us-ashburn-1']);
  });

  test('waves: the second wave waits for every image of the first', () => {
    const { app, stack } = rollout();
    const json = synthJson(app, stack);
    const canaryImage = byPath(json.resource.oci_core_image, 'Target-us-ashburn-1')[0]['//'].metadata.uniqueId;
    for (const region of ['eu-frankfurt-1', 'uk-london-1']) {
      const copy = byPath(json.resource.oci_objectstorage_object, `Target-${region}`)[0];
      expect(copy.depends_on).toContain(`oci_core_image.${canaryImage}`);
    }
    const par = byPath(json.resource.oci_objectstorage_preauthrequest, 'Par-partner')[0];
    expect(par.depends_on).toContain(`oci_core_image.${canaryImage}`);
    const canaryCopy = byPath(json.resource.oci_objectstorage_object, 'Target-us-ashburn-1')[0];
    expect(canaryCopy.depends_on.some((d: string) => d.startsWith('oci_core_image.'))).toBe(false);
  });

  test('outputs a map target → imported image OCID', () => {
    const { app, stack } = rollout();
    const json = synthJson(app, stack);
    expect(Object.keys(json.output.golden_image_ids.value).sort()).toEqual(['eu-frankfurt-1', 'partner', 'uk-london-1', 'us-ashburn-1']);
    expect(json.output.golden_image_ids.value['uk-london-1']).toMatch(/^\$\{oci_core_image\..*\.id\}$/);
  });

  test('user tags and provenance tags reach every created resource that takes tags', () => {
    const { app, stack } = rollout({ definedTags: { 'Ops.CostCenter': '42' } });
    const json = synthJson(app, stack);
    const tagged = [...Object.values(json.resource.oci_core_image), ...Object.values(json.resource.oci_objectstorage_bucket)] as any[];
    expect(tagged).toHaveLength(4 + 4);
    for (const r of tagged) {
      expect(r.freeform_tags).toEqual({ team: 'platform', ImageRollout: 'golden', ImageSourceId: source.imageId, ImageSourceRegion: 'us-phoenix-1' });
      expect(r.defined_tags).toEqual({ 'Ops.CostCenter': '42' });
    }
  });

  test('the rollout manifest names, per target, the source, the path taken, the resources and the checks', () => {
    const { app, stack } = rollout();
    app.synth();
    const manifest = JSON.parse(readFileSync(stackFile(app, stack, 'oci-image-rollout-golden.json'), 'utf8'));
    expect(manifest.source).toEqual({ imageId: source.imageId, region: 'us-phoenix-1', stack: 'rollout', format: 'OCI' });
    expect(manifest.waves.map((w: any) => w.name)).toEqual(['canary', 'main']);
    const [canary] = manifest.waves[0].targets;
    expect(canary).toMatchObject({ name: 'us-ashburn-1', region: 'us-ashburn-1', tenancy: 'same', path: 'copy-then-import', stack: 'rollout' });
    expect(canary.resources.some((r: string) => r.startsWith('oci_objectstorage_object.'))).toBe(true);
    expect(canary.resources).toContain(canary.importedImage);
    const partner = manifest.waves[1].targets.find((t: any) => t.name === 'partner');
    expect(partner).toMatchObject({ tenancy: 'other', path: 'par-then-import' });
    expect(partner.resources.some((r: string) => r.startsWith('oci_objectstorage_preauthrequest.'))).toBe(true);
    expect(manifest.checksApplied).toContain('OIT003');
    expect(Array.isArray(partner.findings)).toBe(true);
  });

  test('findings name the target', () => {
    const { stack } = rollout({ targets: [{ region: 'us-ashburn-1', compartmentId: C, compatibleShapes: ['VM.Standard.A1.Flex'] }], waves: undefined });
    const findings = CompatChecks.of(stack).evaluate().filter((f) => f.ruleId === 'OIT043');
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('rollout/Golden/Target-us-ashburn-1/Import');
  });

  test('direct import from a source-region PAR is opt-in (F-04) and noted', () => {
    const { app, stack } = rollout({ targets: [{ region: 'us-ashburn-1', compartmentId: C, directFromPar: true }], waves: undefined });
    const json = synthJson(app, stack);
    expect(json.resource.oci_objectstorage_object).toBeUndefined();
    expect(Object.keys(json.resource.oci_objectstorage_preauthrequest)).toHaveLength(1);
    expect(CompatChecks.of(stack).findings.map((f) => f.ruleId)).toContain('OIT004');
  });

  test('the source region as a target imports from the exported object, when a reason is given', () => {
    const { app, stack } = rollout({ targets: [{ region: 'us-phoenix-1', compartmentId: 'ocid1.compartment.oc1..other', sourceRegionReason: 'import into the prod compartment' }], waves: undefined });
    const json = synthJson(app, stack);
    expect(json.resource.oci_objectstorage_object).toBeUndefined();
    const image = Object.values(json.resource.oci_core_image)[0] as any;
    expect(image.image_source_details.source_type).toBe('objectStorageTuple');
  });

  test('a retired version keeps its images at the same addresses and drops every transit artifact', () => {
    const live = rollout();
    const liveJson = synthJson(live.app, live.stack);
    const retired = rollout({ retired: true });
    const retiredJson = synthJson(retired.app, retired.stack);
    expect(Object.keys(retiredJson.resource.oci_core_image).sort()).toEqual(Object.keys(liveJson.resource.oci_core_image).sort());
    for (const type of ['oci_objectstorage_object', 'oci_objectstorage_preauthrequest', 'oci_objectstorage_bucket']) {
      expect(retiredJson.resource[type]).toBeUndefined();
    }
    // Only the export's teardown stays, with count 0, so that Terraform runs it (test/teardown).
    expect(Object.values(retiredJson.resource.terraform_data).map((d: any) => d.count)).toEqual([0]);
    for (const image of Object.values(retiredJson.resource.oci_core_image) as any[]) expect(image.image_source_details).toBeUndefined();
  });

  test('optional IAM policy with export, Object Storage copy and import statements passes the schema', () => {
    const { app, stack } = rollout({ iam: { policyCompartmentId: 'ocid1.tenancy.oc1..t', principal: 'image-publishers' } });
    const json = synthJson(app, stack);
    const policy = Object.values(json.resource.oci_identity_policy)[0] as any;
    expect(policy.statements).toEqual(expect.arrayContaining([
      'Allow service objectstorage-eu-frankfurt-1 to manage object-family in compartment id ocid1.compartment.oc1..aaaa',
      'Allow service objectstorage-uk-london-1 to manage object-family in compartment id ocid1.compartment.oc1..aaaa',
      'Allow service objectstorage-us-ashburn-1 to manage object-family in compartment id ocid1.compartment.oc1..aaaa',
      'Allow group image-publishers to manage instance-images in compartment id ocid1.compartment.oc1..aaaa',
    ]));
    expect(policy.freeform_tags).toMatchObject({ team: 'platform', ImageRollout: 'golden' });
    expect(policy.statements.join('\n')).toMatch(/manage objects .* where target\.bucket\.name = '\$\{oci_objectstorage_bucket\./);
    const result = checkProviderSchema(app.outdir);
    if (result) expect(result.ok).toBe(true);
  });
});

describe('ImageReplication across stacks', () => {
  test('stack per region: each target in its own stack, ordered by wave, with working cross-stack references', () => {
    const { app, replication } = rollout({ stackLayout: StackLayout.STACK_PER_REGION });
    app.synth();
    expect(replication.stacks.map((s) => s.node.id)).toEqual(['rollout', 'golden-us-ashburn-1', 'golden-eu-frankfurt-1', 'golden-uk-london-1', 'golden-partner']);
    const frankfurt = replication.stacks[2];
    expect(frankfurt.dependencies.map((s) => s.node.id).sort()).toEqual(['golden-us-ashburn-1', 'rollout']);
    const json = JSON.parse(readFileSync(stackFile(app, frankfurt, 'cdk.tf.json'), 'utf8'));
    const copy = Object.values(json.resource.oci_objectstorage_object)[0] as any;
    expect(copy.source_uri_details.bucket).toMatch(/terraform_remote_state\.cross-stack-reference-input-rollout\.outputs\./);
    expect(json.data.terraform_remote_state['cross-stack-reference-input-rollout'].config.path).toBe('../rollout/terraform.rollout.tfstate');
    expect(copy.depends_on).toBeUndefined();
    const source = JSON.parse(readFileSync(stackFile(app, replication.stacks[0], 'cdk.tf.json'), 'utf8'));
    expect(Object.values(source.output).every((o: any) => o.sensitive === true || !String(o.value).includes('access_uri'))).toBe(true);
    const result = checkProviderSchema(app.outdir);
    if (result) expect(result.output).toMatch(/5 file\(s\).*0 error\(s\)/);
  });

  test('stack per wave: one stack per wave, the PAR stays in the source stack', () => {
    const { app, replication } = rollout({ stackLayout: StackLayout.STACK_PER_WAVE });
    app.synth();
    expect(replication.stacks.map((s) => s.node.id)).toEqual(['rollout', 'golden-canary', 'golden-main']);
    expect(replication.stacks[2].dependencies.map((s) => s.node.id).sort()).toEqual(['golden-canary', 'rollout']);
    const main = JSON.parse(readFileSync(stackFile(app, replication.stacks[2], 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(main.resource.oci_core_image)).toHaveLength(3);
    expect(main.resource.oci_objectstorage_preauthrequest).toBeUndefined();
    expect(Object.keys(main.output.golden_image_ids.value).sort()).toEqual(['eu-frankfurt-1', 'partner', 'uk-london-1']);
  });
});

describe('ImageReplication bad input', () => {
  const cases: Array<[string, Partial<ImageReplicationProps>, RegExp]> = [
    ['an empty target list', { targets: [], waves: undefined }, /\[rollout\/Golden\] the target list is empty \(F-01\)\. Fix: add at least one target region/],
    ['a duplicate region', { targets: [{ region: 'us-ashburn-1', compartmentId: C }, { name: 'again', region: 'us-ashburn-1', compartmentId: C }], waves: undefined },
      /region "us-ashburn-1" is a target twice \(us-ashburn-1 and again\) \(F-02\)\. Fix: keep one target per region/],
    ['a duplicate target name', { targets: [{ region: 'us-ashburn-1', compartmentId: C }, { region: 'us-ashburn-1', compartmentId: C, otherTenancy: true }], waves: undefined },
      /target "us-ashburn-1" appears twice/],
    ['a wave naming an unknown target', { waves: [{ name: 'canary', targets: ['us-ashburn-1', 'ap-tokyo-1'] }, { name: 'main', targets: ['eu-frankfurt-1', 'uk-london-1', 'partner'] }] },
      /wave "canary" names unknown target "ap-tokyo-1"\. Fix: use one of "us-ashburn-1", "eu-frankfurt-1", "uk-london-1", "partner"/],
    ['a target in no wave', { waves: [{ name: 'canary', targets: ['us-ashburn-1'] }] }, /target\(s\) "eu-frankfurt-1", "uk-london-1", "partner" are in no wave/],
    ['a target in two waves', { waves: [{ name: 'a', targets: ['us-ashburn-1'] }, { name: 'b', targets: ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1', 'partner'] }] },
      /target "us-ashburn-1" is in waves "a" and "b"/],
    ['the source region as a target without a reason', { targets: [{ region: 'us-phoenix-1', compartmentId: C }], waves: undefined },
      /target "us-phoenix-1" is the source region "us-phoenix-1" \(F-02\)\. Fix: .*sourceRegionReason/],
    ['a provider object with a multi-stack layout', { stackLayout: StackLayout.STACK_PER_REGION, targets: [{ region: 'us-ashburn-1', compartmentId: C, provider: {} as any }], waves: undefined },
      /passes a provider with stack layout STACK_PER_REGION \(F-68\)\. Fix: pass providerConfig/],
    ['a bad rollout name', { rolloutName: 'golden image' }, /rolloutName is "golden image"/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => rollout(props)).toThrow(message);
  });
});

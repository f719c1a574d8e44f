/** What the constructs emit for the plan-time checks: the image read, the preconditions, the report. */
import { readFileSync } from 'fs';
import { TerraformStack } from 'cdktf';
import {
  CompatChecks, CpuArchitecture, ExportDestination, ExportedImage, HostGeneration, ImageReplication, PlanTimeChecks, REPORT_JSON, REPORT_MARKDOWN, StackLayout,
  ExportFormat, TransitBucket, WindowsEdition,
} from '../../lib';
import { newApp, stackFile, synthJson } from '../support/synth';
import { program } from './program';

const preconditions = (resource: any): Array<{ condition: string; error_message: string }> => resource?.lifecycle?.precondition ?? [];
const rulesOf = (resource: any) => preconditions(resource).map((p) => /^(OIT\d+):/.exec(p.error_message)?.[1]);
/** The export step among the stack's terraform_data (its teardown and source-version markers sit beside it). */
const exportStep = (json: any) => only(Object.fromEntries(Object.entries<any>(json.resource.terraform_data ?? {}).filter(([, r]) => r['//']?.metadata?.path?.endsWith('/ExportStep'))));
const only = (table: Record<string, any> | undefined) => {
  const values = Object.values(table ?? {});
  expect(values).toHaveLength(1);
  return values[0];
};

describe('one source image, one import', () => {
  test('the image is read once, on the source provider, with the OCID variable', () => {
    const { app, stack } = program();
    const json = synthJson(app, stack);
    const read = only(json.data.oci_core_image);
    expect(read.image_id).toBe('${var.image_ocid}');
    expect(read.provider).toBe('oci.phx');
    expect(read['//'].metadata.path).toBe('plan-checks/Export/SourceImageAtPlan');
  });

  test('nothing stated: exportability, support matrix and edition on the export step; Windows, size on the import', () => {
    const { app, stack } = program();
    const json = synthJson(app, stack);
    const step = exportStep(json);
    const image = only(json.resource.oci_core_image);
    expect(rulesOf(step)).toEqual(['OIT020', 'OIT030', 'OIT031']);
    expect(rulesOf(image)).toEqual(['OIT030', 'OIT033', 'OIT016']);
    // The import keeps its own lifecycle (F-61).
    expect(image.lifecycle.ignore_changes).toEqual(['image_source_details']);
    const address = `data.oci_core_image.${Object.keys(json.data.oci_core_image)[0]}`;
    for (const p of [...preconditions(step), ...preconditions(image)]) {
      expect(p.condition).toMatch(/^\$\{.*\}$/s);
      expect(p.condition).toContain(address);
      expect(p.error_message).toMatch(/^OIT\d{3}: \[plan-checks\/Export(Import)?\] .*\. Fix: .* \[F-\d\d(, F-\d\d)*\]$/s);
    }
  });

  test('stated facts: the matrix was decided at synth, the plan compares the stated facts with the image', () => {
    const { app, stack } = program({ image: { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', sizeInGbs: 50 } });
    const json = synthJson(app, stack);
    const step = exportStep(json);
    expect(rulesOf(step)).toEqual(['OIT020', 'OIT031', 'OIT039', 'OIT039']);
    expect(preconditions(step)[2].error_message).toContain('states OS "Oracle Linux 8"');
    expect(preconditions(step)[3].condition).toContain('<= 51200');
    // The import inherits the statements: nothing new to compare, nothing left to check there.
    expect(rulesOf(only(json.resource.oci_core_image))).toEqual([]);
  });

  test('an acknowledged rule emits no precondition; unacknowledgeable rules stay', () => {
    const { app, stack } = program({ acknowledge: ['OIT030', 'OIT016'] });
    const json = synthJson(app, stack);
    expect(rulesOf(exportStep(json))).toEqual(['OIT020', 'OIT031']);
    expect(rulesOf(only(json.resource.oci_core_image))).toEqual(['OIT033']);
  });

  test('PlanTimeChecks.disable: no read and no precondition in that stack', () => {
    const { app, stack } = program();
    expect(PlanTimeChecks.isEnabled(stack)).toBe(true);
    PlanTimeChecks.disable(stack);
    expect(PlanTimeChecks.isEnabled(stack)).toBe(false);
    const json = synthJson(app, stack);
    expect(json.data?.oci_core_image).toBeUndefined();
    expect(preconditions(exportStep(json))).toEqual([]);
    expect(rulesOf(only(json.resource.oci_core_image))).toEqual([]);
    const report = JSON.parse(readFileSync(stackFile(app, stack, REPORT_JSON), 'utf8'));
    expect(report.findings.filter((f: any) => f.when === 'plan')).toEqual([]);
    // What synth could not see stays "not checkable".
    expect(report.findings.some((f: any) => f.rule === 'OIT030' && f.when === 'not-checkable')).toBe(true);
  });

  test('without a provider the region of the read would be a guess: nothing is read', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'no-provider');
    const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns', bucketName: 'b', region: 'us-phoenix-1' });
    new ExportedImage(stack, 'Export', { image: { imageId: 'ocid1.image.oc1.phx.a', region: 'us-phoenix-1' }, destination: ExportDestination.toBucket(bucket) });
    const json = synthJson(app, stack);
    expect(json.data?.oci_core_image).toBeUndefined();
    expect(preconditions(exportStep(json))).toEqual([]);
  });

  test('synth is deterministic: the same program gives byte-identical output', () => {
    const a = program();
    const b = program();
    a.app.synth();
    b.app.synth();
    for (const file of ['cdk.tf.json', REPORT_JSON, REPORT_MARKDOWN]) {
      expect(readFileSync(stackFile(b.app, b.stack, file), 'utf8')).toBe(readFileSync(stackFile(a.app, a.stack, file), 'utf8'));
    }
  });
});

describe('the compat report', () => {
  test('each finding says when it is decided; plan checks name their resource and precondition', () => {
    const { app, stack } = program({ image: { operatingSystemVersion: '8' } });
    const json = synthJson(app, stack);
    const report = JSON.parse(readFileSync(stackFile(app, stack, REPORT_JSON), 'utf8'));
    for (const f of report.findings) expect(['synth', 'plan', 'not-checkable']).toContain(f.when);
    const atPlan = report.findings.filter((f: any) => f.when === 'plan');
    expect(atPlan.map((f: any) => `${f.rule} ${f.path}`).sort()).toEqual([
      'OIT016 plan-checks/ExportImport', 'OIT020 plan-checks/Export', 'OIT030 plan-checks/Export', 'OIT030 plan-checks/ExportImport',
      'OIT031 plan-checks/Export', 'OIT033 plan-checks/ExportImport',
    ]);
    expect(report.summary.checkedAtPlan).toBe(atPlan.length);
    for (const f of atPlan) {
      const [type, name] = f.checkedAtPlan.resource.split('.');
      const resource = json.resource[type][name];
      expect(preconditions(resource)[f.checkedAtPlan.precondition - 1].error_message.startsWith(`${f.rule}: [${f.path}]`)).toBe(true);
    }
    // "not checkable at synth" became "checked at plan" (the OS was stated without its name).
    const os = report.findings.find((f: any) => f.rule === 'OIT030' && f.path === 'plan-checks/Export');
    expect(os).toMatchObject({ notCheckable: false, when: 'plan', level: 'info' });
    expect(os.message).toContain('checked at plan instead');
    // Marketplace-derived images: nothing before apply can tell; the report says so.
    expect(report.findings.find((f: any) => f.rule === 'OIT020' && f.when === 'not-checkable').message).toContain('base_image_id');
    const md = readFileSync(stackFile(app, stack, REPORT_MARKDOWN), 'utf8');
    expect(md).toMatch(/\| OIT020 \| info \| checked at plan: `terraform_data\.Export_ExportStep_\w+` precondition 1 \|/);
  });
});

describe('ImageReplication', () => {
  const source = { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: 'ocid1.compartment.oc1..c' };
  const targets = [{ region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..c' }, { region: 'eu-frankfurt-1', compartmentId: 'ocid1.compartment.oc1..c' }];

  test('one read for the shared export; every import carries its checks', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'rollout');
    new ImageReplication(stack, 'Golden', { rolloutName: 'golden', source, targets });
    const json = synthJson(app, stack);
    expect(only(json.data.oci_core_image).provider).toBe('oci.source-us-phoenix-1');
    for (const image of Object.values<any>(json.resource.oci_core_image)) expect(rulesOf(image)).toEqual(['OIT030', 'OIT033', 'OIT016']);
  });

  test('STACK_PER_REGION: imports in other stacks cannot name the read, so their checks go on the export step', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'source');
    const r = new ImageReplication(stack, 'Golden', { rolloutName: 'golden', source, targets, stackLayout: StackLayout.STACK_PER_REGION });
    app.synth();
    const sourceJson = JSON.parse(readFileSync(stackFile(app, stack, 'cdk.tf.json'), 'utf8'));
    const step = exportStep(sourceJson);
    expect(rulesOf(step)).toEqual(['OIT020', 'OIT030', 'OIT031', 'OIT030', 'OIT033', 'OIT016', 'OIT030', 'OIT033', 'OIT016']);
    for (const target of r.stacks.slice(1)) {
      const json = JSON.parse(readFileSync(stackFile(app, target, 'cdk.tf.json'), 'utf8'));
      expect(json.data?.oci_core_image).toBeUndefined();
      expect(rulesOf(only(json.resource.oci_core_image))).toEqual([]);
    }
  });

  test('a rollout acknowledgement reaches the export and every import', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'rollout');
    const r = new ImageReplication(stack, 'Golden', { rolloutName: 'golden', source, targets });
    CompatChecks.acknowledge(r, 'OIT030', 'Rocky Linux 9 is tested by the platform team, OPS-1');
    const json = synthJson(app, stack);
    expect(rulesOf(exportStep(json))).toEqual(['OIT020', 'OIT031']);
    for (const image of Object.values<any>(json.resource.oci_core_image)) expect(rulesOf(image)).toEqual(['OIT033', 'OIT016']);
  });
});

describe('target shapes given as variables', () => {
  const windowsX6 = { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD, hostGeneration: HostGeneration.X6 };

  test('the shape entry carries OIT043 and OIT040; the report says they are checked at plan', () => {
    const { app, stack } = program({ shapeVariable: true, image: windowsX6, importProps: { windowsRealTimeIsUniversalSet: true } });
    const json = synthJson(app, stack);
    const shape = only(json.resource.oci_core_shape_management);
    expect(shape.shape_name).toBe('${var.shape}');
    expect(rulesOf(shape)).toEqual(['OIT043', 'OIT040']);
    expect(preconditions(shape)[1].condition).toMatch(/^\$\{!contains\(\["X5", "X7"\], .*var\.shape.*\)\}$/s);
    const report = JSON.parse(readFileSync(stackFile(app, stack, REPORT_JSON), 'utf8'));
    const generation = report.findings.filter((f: any) => f.rule === 'OIT040');
    // Synth said "a target shape is a token"; now a precondition on the shape entry decides it.
    expect(generation).toHaveLength(1);
    expect(generation[0]).toMatchObject({ when: 'plan', checkedAtPlan: { resource: `oci_core_shape_management.${Object.keys(json.resource.oci_core_shape_management)[0]}`, precondition: 2 } });
  });

  test('an aarch64 image gets no Arm check; shape checks need no image read, so the switch keeps them', () => {
    const { app, stack } = program({ shapeVariable: true, image: { architecture: CpuArchitecture.AARCH64 } });
    PlanTimeChecks.disable(stack);
    const json = synthJson(app, stack);
    expect(json.data?.oci_core_image).toBeUndefined();
    expect(rulesOf(only(json.resource.oci_core_shape_management))).toEqual([]);
    const x86 = program({ shapeVariable: true });
    PlanTimeChecks.disable(x86.stack);
    expect(rulesOf(only(synthJson(x86.app, x86.stack).resource.oci_core_shape_management))).toEqual(['OIT043']);
  });
});

describe('warnings at plan', () => {
  test('OIT036 becomes a check block (Terraform reports it as a warning), named in the report', () => {
    const { app, stack } = program({ exportProps: { format: ExportFormat.QCOW2 } });
    const json = synthJson(app, stack);
    const [name, block] = Object.entries<any>(json.check)[0];
    expect(Object.keys(json.check)).toEqual([name]);
    expect(name).toMatch(/^ExportImport_Image_\w+_OIT036$/);
    expect(block.assert).toHaveLength(1);
    expect(block.assert[0].error_message).toMatch(/^OIT036: \[plan-checks\/ExportImport\] imports image .* with launch mode NATIVE/s);
    const report = JSON.parse(readFileSync(stackFile(app, stack, REPORT_JSON), 'utf8'));
    expect(report.findings.find((f: any) => f.rule === 'OIT036')).toMatchObject({ when: 'plan', checkedAtPlan: { resource: `check.${name}`, precondition: 1 } });
  });
});

test('STACK_PER_REGION with QCOW2: each import gets its own OIT036 check block in the source stack', () => {
  const app = newApp();
  const stack = new TerraformStack(app, 'source');
  new ImageReplication(stack, 'Golden', {
    rolloutName: 'golden', exportFormat: ExportFormat.QCOW2, stackLayout: StackLayout.STACK_PER_REGION,
    source: { imageId: 'ocid1.image.oc1.phx.aaaa', region: 'us-phoenix-1', compartmentId: 'ocid1.compartment.oc1..c' },
    targets: [{ region: 'us-ashburn-1', compartmentId: 'ocid1.compartment.oc1..c' }, { region: 'eu-frankfurt-1', compartmentId: 'ocid1.compartment.oc1..c' }],
  });
  CompatChecks.acknowledge(stack, 'OIT005', 'QCOW2 on purpose for this test');
  const json = synthJson(app, stack);
  expect(Object.keys(json.check ?? {})).toHaveLength(2);
});

/**
 * Two copies of cdktf, or of this library, in one program (an npm alias such
 * as cdktn, a nested install). `jest.isolateModules` loads a real second
 * copy: its classes are other objects, so `instanceof` across the copies is
 * false (asserted below), and only brands (`Symbol.for`) recognise them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as cdktf from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import * as lib from '../../lib';
import { tempDir } from '../support/synth';

function secondCopy<T>(modulePath: string): T {
  let loaded: T | undefined;
  jest.isolateModules(() => { loaded = require(modulePath); });
  return loaded as T;
}

const otherCdktf = secondCopy<typeof cdktf>('cdktf');
const otherLib = secondCopy<typeof lib>('../../lib');

const C = 'ocid1.compartment.oc1..aaaa';
const IMAGE = 'ocid1.image.oc1.phx.aaaa';
const IMAGE_FACTS = { imageId: IMAGE, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' };

/** A user program written against the other copy of cdktf, with this library's constructs in it. */
function programOnOtherCdktf() {
  const app = new otherCdktf.App({ outdir: tempDir('two-copies-') });
  const stack = new otherCdktf.TerraformStack(app, 'two');
  const phoenix = new lib.OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1', tenancyOcid: 'ocid1.tenancy.oc1..one' });
  const bucket = new lib.TransitBucket(stack, 'ExportBucket', { compartmentId: C, provider: phoenix, namespaceName: 'ns1' });
  const exported = new lib.ExportedImage(stack, 'Export', { image: IMAGE_FACTS, destination: lib.ExportDestination.toBucket(bucket), provider: phoenix });
  return { app, stack, phoenix, exported };
}

/** A user's own generated `oci` provider, on the other copy of cdktf. */
class UserOciProvider extends otherCdktf.TerraformProvider {
  constructor(scope: Construct, id: string, pin: string, public readonly region?: string) {
    super(scope, id, { terraformResourceType: 'oci', terraformGeneratorMetadata: { providerName: 'oci', providerVersionConstraint: pin } });
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return { region: this.region };
  }
}

const ruleFindings = (stack: IConstruct, ruleId: string) =>
  lib.CompatChecks.of(stack).evaluate().filter((f) => f.ruleId === ruleId).map((f) => `${f.level} ${f.path}`);

describe('a second copy is really another copy', () => {
  test('instanceof fails across the copies, brands do not', () => {
    const app = new otherCdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new otherCdktf.TerraformStack(app, 's');
    const output = new otherCdktf.TerraformOutput(stack, 'o', { value: 'x' });
    expect(output instanceof cdktf.TerraformOutput).toBe(false);
    expect(cdktf.TerraformOutput.isTerraformOutput(output)).toBe(true);
    const bucket = new otherLib.TransitBucket(stack, 'B', { compartmentId: C, namespaceName: 'ns1' });
    expect(bucket instanceof lib.TransitBucket).toBe(false);
    expect(lib.TransitBucket.isTransitBucket(bucket)).toBe(true);
    expect(lib.OsDistro.isOsDistro(otherLib.OsDistro.UBUNTU)).toBe(true);
    expect(lib.ParExpiry.isParExpiry(otherLib.ParExpiry.afterDays(1))).toBe(true);
    expect(lib.TransitBucket.isTransitBucket({ namespace: 'ns1', bucketName: 'b' })).toBe(false);
  });
});

describe('user program on another copy of cdktf', () => {
  test('OIT056: a PAR URL in a plain output made with the other copy fails synth', () => {
    const { app, stack, phoenix, exported } = programOnOtherCdktf();
    const par = new lib.ImageReadAccess(stack, 'Par', { imageObject: exported, expiry: lib.ParExpiry.afterDays(3), provider: phoenix });
    new otherCdktf.TerraformOutput(stack, 'leak', { value: par.url });
    expect(ruleFindings(stack, 'OIT056')).toEqual(['error two/leak']);
    expect(() => app.synth()).toThrow(/OIT056/);
  });

  test('OIT056: the sensitive output of addUrlOutput passes', () => {
    const { stack, phoenix, exported } = programOnOtherCdktf();
    new lib.ImageReadAccess(stack, 'Par', { imageObject: exported, expiry: lib.ParExpiry.afterDays(3), provider: phoenix }).addUrlOutput('par_url');
    expect(ruleFindings(stack, 'OIT056')).toEqual([]);
  });

  test("OIT008: the user's own oci provider class from the other copy is seen, and its pin merged", () => {
    const clash = programOnOtherCdktf();
    new UserOciProvider(clash.stack, 'mine', '~> 6.0');
    expect(ruleFindings(clash.stack, 'OIT008')).toHaveLength(1);
    const fine = programOnOtherCdktf();
    new UserOciProvider(fine.stack, 'mine', '>= 7.30.0');
    expect(ruleFindings(fine.stack, 'OIT008')).toEqual([]);
    fine.app.synth();
    const json = JSON.parse(readFileSync(join(fine.app.outdir, 'stacks', 'two', 'cdk.tf.json'), 'utf8'));
    expect(json.terraform.required_providers.oci.version).toBe('>= 7.30.0, >= 7.27.0, < 9.0.0');
  });

  test("OIT007: an import without a provider finds the stack's default provider, a class of the other copy", () => {
    const app = new otherCdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new otherCdktf.TerraformStack(app, 'two');
    new UserOciProvider(stack, 'default', '>= 7.27.0', 'eu-frankfurt-1');
    new lib.ImportedImage(stack, 'Import', {
      compartmentId: C, region: 'us-ashburn-1',
      source: lib.ImportSource.fromUrl('https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns1/b/b/o/a.oci'),
    });
    const findings = lib.CompatChecks.of(stack).evaluate().filter((f) => f.ruleId === 'OIT007');
    expect(findings.map((f) => f.level)).toEqual(['error']);
    expect(findings[0].message).toContain('default provider in "eu-frankfurt-1"');
  });

  test('a multi-stack rollout keeps a backend the user made with the other copy', () => {
    const app = new otherCdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new otherCdktf.TerraformStack(app, 'src');
    const target = new otherCdktf.TerraformStack(app, 'golden-us-ashburn-1');
    new otherCdktf.LocalBackend(target, { path: 'mine.tfstate' });
    new lib.ImageReplication(stack, 'Golden', {
      rolloutName: 'golden', stackLayout: lib.StackLayout.STACK_PER_REGION,
      source: { ...IMAGE_FACTS, region: 'us-phoenix-1', compartmentId: C },
      targets: [{ region: 'us-ashburn-1', compartmentId: C }],
    });
    app.synth();
    const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'golden-us-ashburn-1', 'cdk.tf.json'), 'utf8'));
    expect(json.terraform.backend.local.path).toBe('mine.tfstate');
  });
});

describe('two copies of this library', () => {
  test("a copy's TransitBucket of the other copy takes part: the default expiry goes", () => {
    const app = new cdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new cdktf.TerraformStack(app, 'two');
    const phoenix = new lib.OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
    const ashburn = new lib.OciProvider(stack, 'iad', { alias: 'iad', region: 'us-ashburn-1' });
    const exportBucket = new lib.TransitBucket(stack, 'ExportBucket', { compartmentId: C, provider: phoenix, namespaceName: 'ns1' });
    const exported = new lib.ExportedImage(stack, 'Export', { image: IMAGE_FACTS, destination: lib.ExportDestination.toBucket(exportBucket), provider: phoenix });
    const target = new otherLib.TransitBucket(stack, 'TargetBucket', { compartmentId: C, provider: ashburn, namespaceName: 'ns1' });
    new lib.ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, destinationBucket: target });
    app.synth();
    const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'two', 'cdk.tf.json'), 'utf8'));
    const policies = Object.values(json.resource.oci_objectstorage_object_lifecycle_policy).map((p: any) => p['//'].metadata.path);
    expect(policies).toEqual(['two/ExportBucket/ExpireTransitObjects']);
    expect(ruleFindings(stack, 'OIT061')).toEqual([]);
  });

  test('rollouts of both copies in one stack share the -parallelism the manifest recommends', () => {
    const app = new cdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new cdktf.TerraformStack(app, 'two');
    const regions = ['us-ashburn-1', 'eu-frankfurt-1', 'uk-london-1', 'ap-tokyo-1', 'ca-toronto-1', 'sa-saopaulo-1'];
    const targets = regions.map((region) => ({ region, compartmentId: C }));
    const props = (name: string) => ({ rolloutName: name, source: { ...IMAGE_FACTS, imageId: `${IMAGE}${name}`, region: 'us-phoenix-1', compartmentId: C }, targets });
    new lib.ImageReplication(stack, 'One', props('one'));
    new otherLib.ImageReplication(stack, 'Two', props('two'));
    app.synth();
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'two', 'oci-image-rollout-one.json'), 'utf8'));
    // Each rollout runs 6 copies and imports at once (its widest phase): the stack needs 12 slots.
    expect(manifest.pipeline.parallelism).toEqual({ two: 12 });
  });
});

describe('a custom ITransitBucket', () => {
  test('is told about copies and object writers', () => {
    const app = new cdktf.App({ outdir: tempDir('two-copies-') });
    const stack = new cdktf.TerraformStack(app, 'custom');
    const phoenix = new lib.OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
    const ashburn = new lib.OciProvider(stack, 'iad', { alias: 'iad', region: 'us-ashburn-1' });
    class MyBucket extends Construct implements lib.ITransitBucket {
      public readonly namespaceName = 'ns1';
      public readonly bucketName = 'mine';
      public readonly region = 'us-ashburn-1';
      public readonly provider = ashburn;
      public readonly copies: string[] = [];
      public readonly writers: string[] = [];
      public registerCopy(copy: IConstruct): void { this.copies.push(copy.node.path); }
      public registerObjectWriter(writer: cdktf.TerraformResource): void { this.writers.push(writer.node.path); }
    }
    const exportBucket = new lib.TransitBucket(stack, 'ExportBucket', { compartmentId: C, provider: phoenix, namespaceName: 'ns1' });
    const exported = new lib.ExportedImage(stack, 'Export', { image: IMAGE_FACTS, destination: lib.ExportDestination.toBucket(exportBucket), provider: phoenix });
    const mine = new MyBucket(stack, 'Mine');
    new lib.ImageObjectCopy(stack, 'Copy', { source: exported, provider: ashburn, destinationBucket: mine });
    expect(mine.copies).toEqual(['custom/Copy']);
    expect(mine.writers).toEqual(['custom/Copy/Object']);
  });
});

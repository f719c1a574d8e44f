/** Issue 12: regions as knowledge (OIT006), imports without a provider (OIT007), undecidable tenancy (OIT003). */
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CompatChecks, ImportSource, RegionTable, TransitBucket } from '../../../../lib';
import { ASHBURN, casesFor, COMPARTMENT, error, notCheckable, RuleCase, warning } from '../harness';

/** A provider as `cdktf get` generates it for the user, with the user's own version pin. */
export class UserOciProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, version: string) {
    super(scope, id, { terraformResourceType: 'oci', terraformGeneratorMetadata: { providerName: 'oci', providerVersionConstraint: version }, terraformProviderSource: 'oracle/oci' });
    this.alias = id;
  }
}

export const regionAndProviderCases: RuleCase[] = [
  ...casesFor('OIT006', [
    {
      title: 'every region is a known identifier',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'a misspelt region on a provider ("us-phonix-1")',
      build: (w) => { w.bucket('Typo', { provider: w.provider('typo', { region: 'us-phonix-1' }) }); },
      expected: [error('Typo', '"us-phonix-1"', '"us-phoenix-1"')],
      synth: true,
    },
    {
      title: 'a city name instead of an identifier ("Ashburn")',
      build: (w) => { w.import(ImportSource.fromObject(w.export()), { region: 'Ashburn' }); },
      expected: [error('Import', '"Ashburn"', '"us-ashburn-1"')],
    },
    {
      title: 'an identifier without its number ("eu-frankfurt")',
      build: (w) => { new TransitBucket(w.stack, 'Fra', { compartmentId: COMPARTMENT, namespaceName: 'ns', region: 'eu-frankfurt' }); },
      expected: [error('Fra', '"eu-frankfurt"', '"eu-frankfurt-1"')],
    },
    {
      title: 'government and sovereign realm regions are known',
      build: (w) => {
        w.bucket('Gov', { provider: w.provider('gov', { region: 'us-gov-ashburn-1' }) });
        w.bucket('Eu', { provider: w.provider('eu', { region: 'eu-frankfurt-2' }) });
      },
      expected: [],
    },
    {
      title: 'a region registered by the user for this stack',
      build: (w) => {
        CompatChecks.of(w.stack).useRegions(RegionTable.DEFAULT.withRegion({ identifier: 'xx-newcity-1', key: 'XNC', realm: 'oc1', realmDomain: 'oraclecloud.com' }));
        w.bucket('New', { provider: w.provider('new', { region: 'xx-newcity-1' }) });
      },
      expected: [],
    },
    {
      title: 'a region known only at apply',
      build: (w) => { w.bucket('Tok', { provider: w.provider('tok', { region: w.token('region') }) }); },
      expected: [notCheckable('Tok', 'region')],
    },
  ]),

  ...casesFor('OIT007', [
    {
      title: 'import with its provider',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export()))); },
      expected: [],
    },
    {
      title: 'import without a provider uses the default provider',
      build: (w) => { w.import(ImportSource.fromObject(w.export()), { provider: undefined }); },
      expected: [warning('Import', 'default oci provider', '"us-phoenix-1"')],
    },
    {
      title: 'import without a provider stating another region',
      build: (w) => { w.import(ImportSource.fromObject(w.export()), { provider: undefined, region: ASHBURN }); },
      expected: [error('Import', '"us-phoenix-1"', '"us-ashburn-1"')],
      synth: true,
    },
  ]),

  ...casesFor('OIT003', [
    {
      title: 'providers with different config profiles and no tenancy: a warning, never the same tenancy',
      build: (w) => {
        const src = w.provider('srcProfile', { region: 'us-phoenix-1', configFileProfile: 'SOURCE' });
        const dst = w.provider('dstProfile', { region: ASHBURN, configFileProfile: 'TARGET' });
        w.import(ImportSource.fromObject(w.export({ provider: src })), { provider: dst });
      },
      expected: [warning('Import', '"SOURCE"', '"TARGET"', 'crossTenancy', 'otherTenancy')],
    },
  ]),

  ...casesFor('OIT040', [
    {
      title: 'target shapes given, host generation of the image not stated',
      build: (w) => {
        const exported = w.export({ image: { hostGeneration: undefined } });
        w.import(ImportSource.fromObject(w.copy(exported)), { compatibleShapes: ['VM.Standard2.1'] });
      },
      expected: [notCheckable('Import', '"VM.Standard2.1"', 'hostGeneration')],
    },
  ]),

  ...casesFor('OIT008', [
    {
      title: 'a user pin inside the supported range is merged',
      build: (w) => { new UserOciProvider(w.stack, 'mine', '~> 7.30'); w.bucket(); },
      expected: [],
      synth: true,
    },
    {
      title: 'a user pin to provider 6 leaves no supported version',
      build: (w) => { new UserOciProvider(w.stack, 'mine', '~> 6.0'); w.bucket(); },
      expected: [error('mine', '"~> 6.0"', '">= 7.27.0, < 9.0.0"')],
      synth: true,
    },
    {
      title: 'a pin that is not a version constraint',
      build: (w) => { new UserOciProvider(w.stack, 'mine', 'latest please'); w.bucket(); },
      expected: [notCheckable('mine', '"latest please"')],
    },
  ]),

  ...casesFor('OIT050', [
    {
      title: 'a government-realm region under the commercial domain',
      build: (w) => { w.import(ImportSource.fromUrl('https://objectstorage.us-gov-ashburn-1.oraclecloud.com/n/ns/b/images/o/web.oci'), { crossTenancy: false }); },
      expected: [error('Import', '"us-gov-ashburn-1"', '"oraclegovcloud.com"')],
    },
    {
      title: 'a misspelt region in the URL host',
      build: (w) => { w.import(ImportSource.fromUrl('https://objectstorage.us-ashbrn-1.oraclecloud.com/n/ns/b/images/o/web.oci')); },
      expected: [error('Import', '"us-ashbrn-1"', '"us-ashburn-1"')],
    },
    {
      title: 'a sovereign-realm URL with its own domain',
      build: (w) => { w.import(ImportSource.fromUrl('https://objectstorage.eu-frankfurt-2.oraclecloud.eu/n/ns/b/images/o/web.oci')); },
      expected: [],
    },
  ]),
];

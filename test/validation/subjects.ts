/**
 * Every public construct and factory, each with a valid baseline and the
 * kinds of its props. A case replaces one prop of the baseline with one bad
 * value and builds the program.
 */
import { App, TerraformStack } from 'cdktf';
import {
  CompatChecks, ExportDestination, ExportedImage, ExportRunner, ExportFormat, HostGeneration, ImageImportType, ImageObjectCopy, ImageReadAccess, ImageReplication,
  ImportedImage, ImportSource, LaunchMode, OciProvider, OsDistro, ParExpiry, RegionTable, ShapeGenerations, SupportMatrix, TransitBucket,
} from '../../lib';
import { newApp } from '../support/synth';
import * as V from './hostile-values';

export const C = 'ocid1.compartment.oc1..aaaaaaaacompartment';
export const IMAGE = 'ocid1.image.oc1.phx.aaaaaaaaimage';
export const URL_OK = 'https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/images/o/web.oci';

/** A fresh program: a default provider and one per region, all in tenancy A. */
export class W {
  public readonly app: App;
  public readonly stack: TerraformStack;
  public readonly phx: OciProvider;
  public readonly ash: OciProvider;
  constructor() {
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    this.app = newApp();
    this.stack = new TerraformStack(this.app, 'test');
    new OciProvider(this.stack, 'oci', { region: 'us-phoenix-1', tenancyOcid: 'ocid1.tenancy.oc1..aaaaaaaaone' });
    this.phx = new OciProvider(this.stack, 'phx', { alias: 'phx', region: 'us-phoenix-1', tenancyOcid: 'ocid1.tenancy.oc1..aaaaaaaaone' });
    this.ash = new OciProvider(this.stack, 'ash', { alias: 'ash', region: 'us-ashburn-1', tenancyOcid: 'ocid1.tenancy.oc1..aaaaaaaaone' });
  }
  public bucket(id = 'Bucket'): TransitBucket {
    return new TransitBucket(this.stack, id, { compartmentId: C, provider: this.phx, namespace: 'ns' });
  }
  public export(id = 'Export'): ExportedImage {
    return new ExportedImage(this.stack, id, {
      image: { imageId: IMAGE, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7 },
      destination: ExportDestination.toBucket(this.bucket()), provider: this.phx,
    });
  }
}

/** Sets `value` at a dotted path (`targets.0.region`) of a copy of `base`. */
export function withValue(base: any, path: string, value: unknown): any {
  const copy = structuredCloneLoose(base);
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k];
  at[keys[keys.length - 1]] = value;
  return copy;
}

/** Copies plain objects and arrays; keeps class instances (providers, constructs) as they are. */
function structuredCloneLoose(x: any): any {
  if (Array.isArray(x)) return x.map(structuredCloneLoose);
  if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, structuredCloneLoose(v)]));
  }
  return x;
}

export interface Subject {
  readonly name: string;
  /** Paths an error may name (the construct's, or the factory's). */
  readonly paths: string[];
  /** prop path -> bad values. */
  readonly props: Record<string, V.BadValue[]>;
  /** Builds the program with `prop` set to `value` (undefined prop: the baseline). */
  build(w: W, prop?: string, value?: unknown): void;
  /** The value is a URL that may be a PAR (a secret): the message must not show it. */
  readonly secretProps?: string[];
}

const IMAGE_PROPS = (p: string): Record<string, V.BadValue[]> => ({
  [`${p}imageId`]: V.OCID, [`${p}region`]: V.REGION, [`${p}operatingSystem`]: V.STRING, [`${p}operatingSystemVersion`]: V.STRING,
  [`${p}windowsEdition`]: V.ENUM_LIKE, [`${p}origin`]: V.ENUM, [`${p}hostGeneration`]: V.ENUM_LIKE, [`${p}sizeInGbs`]: V.SIZE, [`${p}architecture`]: V.ENUM,
});

function construct(name: string, props: Record<string, V.BadValue[]>, make: (w: W, props: any) => void, base: (w: W) => any): Subject {
  return {
    name, paths: ['test/Subject'], props: { '': V.PROPS_OBJECT, ...props },
    build: (w, prop, value) => make(w, prop === undefined ? base(w) : prop === '' ? value : withValue(base(w), prop, value)),
  };
}

function withPaths(paths: string[], s: Subject): Subject {
  return { ...s, paths: [...s.paths, ...paths] };
}

function factory(name: string, props: Record<string, V.BadValue[]>, make: (w: W, prop: string | undefined, value: unknown) => void, extraPaths: string[] = [], secretProps?: string[]): Subject {
  return { name, paths: [name, ...extraPaths], props, build: (w, prop, value) => make(w, prop, value), secretProps };
}

const importFrom = (w: W, source: ImportSource) => new ImportedImage(w.stack, 'Subject', { compartmentId: C, source, provider: w.phx, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' });

export const SUBJECTS: Subject[] = [
  construct('TransitBucket', {
    compartmentId: V.OCID, bucketName: V.BUCKET_NAME, namespace: V.NAMESPACE, provider: V.PROVIDER, region: V.REGION, kmsKeyId: V.OCID,
    expireObjectsAfterDays: V.DAYS_OR_ZERO, expiringPrefix: V.STRING, freeformTags: V.TAGS, definedTags: V.TAGS,
  }, (w, p) => new TransitBucket(w.stack, 'Subject', p), (w) => ({ compartmentId: C, provider: w.phx, namespace: 'ns' })),

  // The bucket is a reference: facts about it are checked where an export or copy uses it (test/Export).
  withPaths(['test/Export'], construct('TransitBucket.fromBucketName', {
    namespace: V.NAMESPACE, bucketName: V.BUCKET_NAME, region: V.REGION, provider: V.PROVIDER,
  }, (w, p) => {
    const b = TransitBucket.fromBucketName(w.stack, 'Subject', p);
    new ExportedImage(w.stack, 'Export', { image: { imageId: IMAGE }, destination: ExportDestination.toBucket(b), provider: w.phx });
  }, (w) => ({ namespace: 'ns', bucketName: 'images', region: 'us-phoenix-1', provider: w.phx }))),

  construct('ExportedImage', {
    ...IMAGE_PROPS('image.'), image: V.PROPS_OBJECT, destination: V.CONSTRUCT_REF, objectName: V.OBJECT_NAME, format: V.ENUM_LIKE, provider: V.PROVIDER,
    authMode: V.AUTH_MODE, configFileProfile: V.STRING, federatedUser: V.BOOLEAN, runner: V.CONSTRUCT_REF,
    timeoutMinutes: V.EXPORT_TIMEOUT_MINUTES, pollSeconds: V.POLL_SECONDS,
    revision: V.STRING.map((b) => (b.cls === 'empty' ? { ...b, valid: true } : b)),
  }, (w, p) => new ExportedImage(w.stack, 'Subject', p), (w) => ({
    image: { imageId: IMAGE, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7 },
    destination: ExportDestination.toBucket(w.bucket()), provider: w.phx,
  })),

  construct('ExportedImage.fromExistingObject', {
    namespace: V.NAMESPACE, bucketName: V.BUCKET_NAME, objectName: V.OBJECT_NAME, region: V.REGION, format: V.ENUM_LIKE, provider: V.PROVIDER,
    ...IMAGE_PROPS('image.'),
  }, (w, p) => ExportedImage.fromExistingObject(w.stack, 'Subject', p), (w) => ({
    namespace: 'ns', bucketName: 'images', objectName: 'images/web.oci', region: 'us-phoenix-1', provider: w.phx, image: { imageId: IMAGE },
  })),

  construct('ImageObjectCopy', {
    source: V.CONSTRUCT_REF, provider: V.PROVIDER, targetRegion: V.REGION, destinationBucket: V.CONSTRUCT_REF, compartmentId: V.OCID,
    bucketName: V.BUCKET_NAME, objectName: V.OBJECT_NAME, createTimeoutMinutes: V.MINUTES, freeformTags: V.TAGS, definedTags: V.TAGS,
  }, (w, p) => new ImageObjectCopy(w.stack, 'Subject', p), (w) => ({ source: w.export(), provider: w.ash, compartmentId: C })),

  construct('ImageReadAccess', {
    object: V.CONSTRUCT_REF, expiry: V.CONSTRUCT_REF, accessType: V.ENUM, bucketLevel: V.BOOLEAN, name: V.STRING, provider: V.PROVIDER,
    realmDomain: [...V.STRING, { cls: 'not a domain', value: 'oracle cloud' }],
  }, (w, p) => new ImageReadAccess(w.stack, 'Subject', p), (w) => ({ object: w.export(), expiry: ParExpiry.afterDays(2) })),

  construct('ImportedImage', {
    compartmentId: V.OCID, source: V.CONSTRUCT_REF, provider: V.PROVIDER, region: V.REGION, displayName: V.STRING, importType: V.ENUM_LIKE,
    operatingSystem: V.STRING, operatingSystemVersion: V.STRING, windowsEdition: V.ENUM_LIKE, launchMode: V.ENUM_LIKE,
    windowsRealTimeIsUniversalSet: V.BOOLEAN, compatibleShapes: V.SHAPES, capabilitySchema: V.PROPS_OBJECT.filter((b) => b.value !== null),
    // Schema values are JSON documents: longer than a tag value, legitimately.
    'capabilitySchema.globalSchemaVersionName': V.STRING, 'capabilitySchema.schemaData': V.TAGS.filter((b) => !/character|string|array/.test(b.cls)),
    architecture: V.ENUM, sizeInGbs: V.SIZE, crossTenancy: V.BOOLEAN, authMode: V.AUTH_MODE, federatedUser: V.BOOLEAN,
    createTimeoutMinutes: V.MINUTES, freeformTags: V.TAGS, definedTags: V.TAGS,
  }, (w, p) => new ImportedImage(w.stack, 'Subject', p), (w) => ({
    compartmentId: C, source: ImportSource.fromUrl(URL_OK), provider: w.phx, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8',
    capabilitySchema: { globalSchemaVersionName: 'v1', schemaData: { 'Compute.Firmware': '{"values":["UEFI_64"]}' } },
  })),

  construct('ImageReplication', {
    rolloutName: V.STRING, ...IMAGE_PROPS('source.'), 'source.compartmentId': V.OCID, 'source.provider': V.PROVIDER, 'source.exportBucket': V.CONSTRUCT_REF,
    targets: [{ cls: 'empty list', value: [] }, { cls: 'string', value: 'us-ashburn-1' }, { cls: 'null', value: null }],
    'targets.0': V.PROPS_OBJECT, 'targets.0.name': V.STRING, 'targets.0.region': V.REGION, 'targets.0.compartmentId': V.OCID,
    'targets.0.otherTenancy': V.BOOLEAN, 'targets.0.directFromPar': V.BOOLEAN, 'targets.0.kmsKeyId': V.OCID, 'targets.0.compatibleShapes': V.SHAPES,
    'targets.0.freeformTags': V.TAGS, stackLayout: V.ENUM, exportFormat: V.ENUM_LIKE, parExpiry: V.CONSTRUCT_REF, copyTimeoutMinutes: V.MINUTES,
    importTimeoutMinutes: V.MINUTES, freeformTags: V.TAGS, provenanceTags: V.BOOLEAN, retired: V.BOOLEAN, exportRunnerCommand: V.STRING,
    'iam.policyCompartmentId': V.OCID, 'iam.principal': [...V.STRING, { cls: 'two words', value: 'image publishers' }, { cls: 'quote', value: "a'b" }],
    'iam.principalType': [...V.ENUM_LIKE, { cls: 'policy keyword as a string', value: 'dynamic-group' }, { cls: 'any-user', value: 'any-user' }, { cls: 'any-user object', value: { value: 'any-user' } }],
  }, (w, p) => new ImageReplication(w.stack, 'Subject', p), () => ({
    rolloutName: 'golden',
    source: { imageId: IMAGE, region: 'us-phoenix-1', compartmentId: C, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', hostGeneration: HostGeneration.X7 },
    targets: [{ region: 'us-ashburn-1', compartmentId: C }],
    iam: { policyCompartmentId: C, principal: 'image-publishers' },
  })),

  factory('ParExpiry.at', { time: V.TIME }, (w, prop, value) => {
    new ImageReadAccess(w.stack, 'Subject', { object: w.export(), expiry: ParExpiry.at(prop ? (value as string) : '2099-01-01T00:00:00Z') });
  }, ['test/Subject']),
  factory('ParExpiry.afterHours', { hours: V.HOURS }, (w, prop, value) => {
    new ImageReadAccess(w.stack, 'Subject', { object: w.export(), expiry: ParExpiry.afterHours(prop ? (value as number) : 48) });
  }),
  factory('ParExpiry.afterDays', { days: V.HOURS }, (w, prop, value) => {
    new ImageReadAccess(w.stack, 'Subject', { object: w.export(), expiry: ParExpiry.afterDays(prop ? (value as number) : 2) });
  }),
  factory('ImportSource.fromUrl', { url: V.URL }, (w, prop, value) => { importFrom(w, ImportSource.fromUrl(prop ? (value as string) : URL_OK)); }, ['test/Subject'], ['url']),
  factory('ImportSource.fromObject', { object: V.CONSTRUCT_REF }, (w, prop, value) => { importFrom(w, ImportSource.fromObject(prop ? (value as any) : w.export())); }),
  factory('ImportSource.fromPar', { access: V.CONSTRUCT_REF }, (w, prop, value) => {
    importFrom(w, ImportSource.fromPar(prop ? (value as any) : new ImageReadAccess(w.stack, 'Par', { object: w.export(), expiry: ParExpiry.afterDays(2) })));
  }),
  factory('ExportDestination.toUrl', { url: V.URL, region: V.REGION }, (w, prop, value) => {
    const url = prop === 'url' ? (value as string) : URL_OK.replace('web.oci', 'out.oci');
    new ExportedImage(w.stack, 'Subject', { image: { imageId: IMAGE }, provider: w.phx, destination: ExportDestination.toUrl(url, prop === 'region' ? (value as string) : 'us-phoenix-1') });
  }, ['test/Subject'], ['url']),
  factory('ExportDestination.toBucket', { bucket: V.CONSTRUCT_REF }, (w, prop, value) => {
    new ExportedImage(w.stack, 'Subject', { image: { imageId: IMAGE }, provider: w.phx, destination: ExportDestination.toBucket(prop ? (value as any) : w.bucket()) });
  }),
  factory('ExportRunner.nodeSdk', {
    // null is "unset" for an optional option: the default command is used.
    command: V.STRING.map((b) => (b.cls === 'null' ? { ...b, valid: true } : b)),
    environment: [{ cls: 'empty name', value: { '': 'x' } }, { cls: 'space in name', value: { 'A B': 'x' } }, { cls: 'number value', value: { A: 5 } },
      { cls: 'newline in value', value: { A: 'a\nb' } }, { cls: 'string', value: 'A=1' }, { cls: 'null', value: null }],
  }, (w, prop, value) => {
    const options: any = { command: 'npx --no-install oci-image-export' };
    if (prop) options[prop] = value;
    new ExportedImage(w.stack, 'Subject', { image: { imageId: IMAGE }, provider: w.phx, destination: ExportDestination.toBucket(w.bucket()), runner: ExportRunner.nodeSdk(options) });
  }, ['test/Subject']),
  factory('LaunchMode.of', { value: V.ENUM.map((b) => (b.cls === 'lower case' ? { ...b, valid: true } : b)) }, (_w, prop, value) => { LaunchMode.of(prop ? (value as string) : 'NATIVE'); }),
  factory('ExportFormat.of', { value: V.ENUM }, (_w, prop, value) => { ExportFormat.of(prop ? (value as string) : 'OCI'); }),
  factory('ImageImportType.of', { value: V.ENUM }, (_w, prop, value) => { ImageImportType.of(prop ? (value as string) : 'QCOW2'); }),
  factory('ShapeGenerations.withShape', { pattern: [...V.STRING, { cls: 'space', value: 'VM Standard' }, { cls: 'bracket', value: 'VM.(x)' }], note: V.STRING, generation: V.ENUM_LIKE },
    (_w, prop, value) => {
      ShapeGenerations.DEFAULT.withShape(prop === 'pattern' ? (value as string) : 'VM.New.*', prop === 'generation' ? (value as any) : HostGeneration.X7, prop === 'note' ? (value as string) : 'from the docs');
    }),
  factory('SupportMatrix.custom', {
    edition: V.STRING, source: V.STRING, retrievedOn: [...V.STRING, { cls: '30 February', value: '2026-02-30' }, { cls: 'US date', value: '09/01/2026' }],
    entries: [{ cls: 'string', value: 'Oracle Linux 9' }, { cls: 'null', value: null }, { cls: 'distro as string', value: [{ distro: 'Oracle Linux', majorVersion: '9' }] },
      { cls: 'empty major', value: [{ distro: OsDistro.ORACLE_LINUX, majorVersion: '' }] }],
  }, (_w, prop, value) => {
    const base: any = { edition: 'mine', source: 'https://docs.oracle.com/iaas', retrievedOn: '2026-09-01', entries: [{ distro: OsDistro.ORACLE_LINUX, majorVersion: '9' }] };
    SupportMatrix.custom(prop ? withValue(base, prop, value) : base);
  }),
  factory('OciRegion', { identifier: V.REGION.filter((b) => b.cls !== 'misspelt'), key: [...V.STRING, { cls: 'four letters', value: 'ABCD' }], realm: [...V.STRING, { cls: 'not oc<n>', value: 'commercial' }], realmDomain: [...V.STRING, { cls: 'not a domain', value: 'oraclecloud' }] },
    (_w, prop, value) => {
      const base: any = { identifier: 'xx-newcity-1', key: 'XNC', realm: 'oc1', realmDomain: 'oraclecloud.com' };
      RegionTable.DEFAULT.withRegion(prop ? withValue(base, prop, value) : base);
    }),
  factory('CompatChecks.acknowledge', { ruleId: [...V.STRING, { cls: 'unknown rule', value: 'OIT999' }, { cls: 'not acknowledgeable', value: 'OIT003' }], reason: [...V.STRING, { cls: 'too short', value: 'ok' }] },
    (w, prop, value) => {
      const b = w.bucket('Subject');
      CompatChecks.acknowledge(b, prop === 'ruleId' ? (value as string) : 'OIT030', prop === 'reason' ? (value as string) : 'validated with the vendor on 2026-01-01');
    }, ['test/Subject']),
];

/**
 * Prop checks of every public construct, one function per construct, called
 * first thing in its constructor. The rules themselves live in validate.ts;
 * facts that need the whole program (regions, tenancy, formats) are rules of
 * the compatibility checks instead.
 */
import { TerraformProvider } from 'cdktf';
import { AuthMode } from '../knowledge/auth-modes';
import { PrincipalType } from '../knowledge/principal-types';
import { ExportFormat, ImageImportType, LaunchMode } from '../knowledge/formats';
import { HostGeneration } from '../knowledge/host-generations';
import { WindowsEdition } from '../knowledge/operating-system';
import { bool, enumValue, fail, instance, integer, member, ocid, positive, shaped, tags, text, textList, valueObject } from '../core/validate';

const COMPARTMENT_FIX = 'pass the OCID of a compartment (ocid1.compartment... or the tenancy OCID for the root compartment)';
// Only the form here: whether the region exists is rule OIT006, which suggests the closest known ones.
const REGION_RULE = { maxChars: 64 };
const NAME_FIX = 'use 1-256 letters, digits, "-", "_" or "."';
const ORIGINS = ['CUSTOM', 'PLATFORM', 'MARKETPLACE', 'MARKETPLACE_DERIVED'];
const ARCHITECTURES = ['x86_64', 'aarch64'];
/** Longest create timeout accepted: beyond 30 days it is a unit mistake (seconds for minutes), not a wait. */
export const MAX_TIMEOUT_MINUTES = 43_200;
/** OCI's largest custom image import is 400 GB (F-14); a size far above that is a unit mistake. */
const MAX_IMAGE_GB = 65_536;

/** The props object itself: missing, or not an object (another language may pass anything). */
export function propsObject(path: string, props: unknown, what: string): void {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) fail(path, 'props', props, `must be an object of ${what}`, `pass { ... } with the ${what} fields`);
}

export function compartment(path: string, name: string, value: unknown, required: boolean, facts: string[]): void {
  ocid(path, name, value, ['compartment', 'tenancy'], required, COMPARTMENT_FIX, facts);
}

export function region(path: string, name: string, value: unknown, required = false): void {
  text(path, name, value, { ...REGION_RULE, required, fix: 'use the region identifier, e.g. "us-ashburn-1" (see the regions table in the README)', facts: ['F-01'] });
}

export function provider(path: string, name: string, value: unknown, required: boolean, facts: string[] = ['F-68'],
  fix = 'pass the provider of the region (and tenancy) this step runs in'): void {
  if (value === undefined && !required) return;
  if (value === undefined) fail(path, name, value, 'a value is required', fix, facts);
  if (!(value instanceof TerraformProvider)) fail(path, name, value, 'must be an oci provider (OciProvider or your generated one)', fix, facts);
}

export function bucketName(path: string, name: string, value: unknown, required: boolean): void {
  text(path, name, value, { required, maxChars: 256, pattern: /^[A-Za-z0-9._-]+$/, patternRule: 'letters, digits, "-", "_" or "." (OCI bucket names)', fix: NAME_FIX });
}

export function namespace(path: string, name: string, value: unknown, required: boolean): void {
  text(path, name, value, { required, maxChars: 128, pattern: /^[a-z0-9]+$/, patternRule: 'lowercase letters and digits (an Object Storage namespace)', fix: 'pass the tenancy\'s Object Storage namespace (oci os ns get)', facts: ['F-50'] });
}

export function objectName(path: string, name: string, value: unknown, required: boolean): void {
  text(path, name, value, { required, maxBytes: 1024, fix: 'use an object name of 1-1024 UTF-8 bytes without control characters, e.g. "images/web.oci"', facts: ['F-50'] });
  if (value === '.' || value === '..') fail(path, name, value, 'is a dot segment, which HTTP clients rewrite', 'use a real file name, e.g. "images/web.oci"', ['F-50']);
}

export function displayName(path: string, name: string, value: unknown): void {
  text(path, name, value, { maxChars: 255, fix: 'use a display name of 1-255 characters without control characters' });
}

export function timeoutMinutes(path: string, name: string, value: unknown, facts: string[]): void {
  integer(path, name, value, 1, MAX_TIMEOUT_MINUTES, 'minutes', `use a whole number of minutes from 1 to ${MAX_TIMEOUT_MINUTES} (it becomes the Terraform timeout "<n>m")`, facts);
}

export function imageSize(path: string, name: string, value: unknown): void {
  positive(path, name, value, MAX_IMAGE_GB, 'GB', 'pass the image size in GB (e.g. 50), or leave it unset', ['F-14']);
}

/** An `AuthMode` constant (F-68); the static names are listed in the message, e.g. `AuthMode.INSTANCE_PRINCIPAL`. */
export function authMode(path: string, name: string, value: unknown): void {
  if (value === undefined) return;
  const v = (value as { value?: unknown } | null)?.value;
  if (value === null || typeof value !== 'object' || !AuthMode.ALL.some((m) => m === value || m.value === v)) {
    fail(path, name, value, `must be one of ${staticNames(AuthMode, AuthMode.ALL)}`, 'pass an AuthMode constant, or leave it unset to read the provider\'s auth', ['F-68']);
  }
}

/** `Class.NAME` of each member of an enum-like class, e.g. `AuthMode.API_KEY`. */
function staticNames(cls: Function, members: ReadonlyArray<unknown>): string {
  const names = Object.keys(cls).filter((k) => k !== 'DEFAULT' && members.includes((cls as any)[k]));
  return names.map((k) => `${cls.name}.${k}`).join(', ');
}

export function freeformAndDefinedTags(path: string, p: { freeformTags?: unknown; definedTags?: unknown }): void {
  tags(path, 'freeformTags', p.freeformTags);
  tags(path, 'definedTags', p.definedTags);
}

/** What is known of a source image (`SourceImage`, `ReplicationSource`). */
export function sourceImage(path: string, name: string, image: any, required: boolean): void {
  if (image === undefined && !required) return;
  if (image === null || typeof image !== 'object') fail(path, name, image, 'must be an object with imageId and what is known of the image', 'pass { imageId: "ocid1.image..." }', ['F-02']);
  ocid(path, `${name}.imageId`, image.imageId, ['image'], true, 'pass the OCID of the custom image (ocid1.image...)', ['F-02']);
  region(path, `${name}.region`, image.region);
  text(path, `${name}.operatingSystem`, image.operatingSystem, { maxChars: 255, fix: 'name the OS as OCI does, e.g. "Oracle Linux", or leave it unset', facts: ['F-30'] });
  text(path, `${name}.operatingSystemVersion`, image.operatingSystemVersion, { maxChars: 255, fix: 'give the OS version as OCI does, e.g. "8", or leave it unset', facts: ['F-30'] });
  member(path, `${name}.windowsEdition`, image.windowsEdition, WindowsEdition.ALL, 'WindowsEdition');
  enumValue(path, `${name}.origin`, image.origin, 'ImageOrigin', ORIGINS);
  member(path, `${name}.hostGeneration`, image.hostGeneration, HostGeneration.ALL, 'HostGeneration');
  imageSize(path, `${name}.sizeInGbs`, image.sizeInGbs);
  enumValue(path, `${name}.architecture`, image.architecture, 'CpuArchitecture', ARCHITECTURES);
}

export function imageObject(path: string, name: string, value: unknown, required: boolean, facts: string[] = []): void {
  shaped(path, name, value, ['namespace', 'bucketName', 'objectName', 'dependables'], 'an image object (ExportedImage, ImageObjectCopy or ExportedImage.fromExistingObject)', required,
    'pass the export or copy whose object is read', facts);
}

export function transitBucket(path: string, name: string, value: unknown, required: boolean): void {
  shaped(path, name, value, ['namespace', 'bucketName', 'node'], 'a TransitBucket (or TransitBucket.fromBucketName)', required, 'pass a TransitBucket', ['F-02']);
}

// ---- per construct -------------------------------------------------------

export function checkTransitBucketProps(path: string, p: any): void {
  propsObject(path, p, 'TransitBucketProps');
  compartment(path, 'compartmentId', p.compartmentId, true, ['F-63']);
  bucketName(path, 'bucketName', p.bucketName, false);
  namespace(path, 'namespace', p.namespace, false);
  provider(path, 'provider', p.provider, false);
  region(path, 'region', p.region);
  ocid(path, 'kmsKeyId', p.kmsKeyId, ['key'], false, 'pass the OCID of a Vault key (ocid1.key...), or leave it unset for Oracle-managed keys', ['F-63']);
  integer(path, 'expireObjectsAfterDays', p.expireObjectsAfterDays, 0, 36_500, 'days', 'use a whole number of days (0 turns the rule off)', ['F-67']);
  text(path, 'expiringPrefix', p.expiringPrefix, { maxBytes: 1024, fix: 'use an object name prefix such as "images/"', facts: ['F-67'] });
  freeformAndDefinedTags(path, p);
}

export function checkExistingBucketProps(path: string, p: any): void {
  propsObject(path, p, 'ExistingBucketProps');
  namespace(path, 'namespace', p.namespace, true);
  bucketName(path, 'bucketName', p.bucketName, true);
  region(path, 'region', p.region);
  provider(path, 'provider', p.provider, false);
}

/** ExportedImage, except timeoutMinutes and pollSeconds (checked by the export step's own code). */
export function checkExportedImageProps(path: string, p: any, isDestination: (x: unknown) => boolean, isRunner: (x: unknown) => boolean): void {
  propsObject(path, p, 'ExportedImageProps');
  sourceImage(path, 'image', p.image, true);
  instance(path, 'destination', p.destination, isDestination, 'ExportDestination.toBucket(...) or ExportDestination.toUrl(...)', true);
  objectName(path, 'objectName', p.objectName, false);
  member(path, 'format', p.format, ExportFormat.ALL, 'ExportFormat');
  provider(path, 'provider', p.provider, false);
  authMode(path, 'authMode', p.authMode);
  text(path, 'configFileProfile', p.configFileProfile, { maxChars: 255, fix: 'name a profile of your OCI config file, e.g. "DEFAULT"', facts: ['F-68'] });
  bool(path, 'federatedUser', p.federatedUser);
  // The runner checks its own options when the export binds it (lib/export/export-runner.ts).
  instance(path, 'runner', p.runner, isRunner, 'ExportRunner.nodeSdk(...) or ExportRunner.ociCli()', false);
  text(path, 'revision', p.revision, { allowEmpty: true, maxChars: 256, fix: 'use a short label such as "2"' });
}

export function checkExistingExportProps(path: string, p: any): void {
  propsObject(path, p, 'ExistingExportProps');
  namespace(path, 'namespace', p.namespace, true);
  bucketName(path, 'bucketName', p.bucketName, true);
  objectName(path, 'objectName', p.objectName, true);
  region(path, 'region', p.region);
  member(path, 'format', p.format, ExportFormat.ALL, 'ExportFormat');
  sourceImage(path, 'image', p.image, false);
  provider(path, 'provider', p.provider, false);
}

export function checkImageObjectCopyProps(path: string, p: any): void {
  propsObject(path, p, 'ImageObjectCopyProps');
  imageObject(path, 'source', p.source, true, ['F-02']);
  provider(path, 'provider', p.provider, true, ['F-62'], 'pass the target region\'s provider: the copy lands in the provider\'s region');
  region(path, 'targetRegion', p.targetRegion);
  transitBucket(path, 'destinationBucket', p.destinationBucket, false);
  compartment(path, 'compartmentId', p.compartmentId, false, ['F-63']);
  bucketName(path, 'bucketName', p.bucketName, false);
  objectName(path, 'objectName', p.objectName, false);
  timeoutMinutes(path, 'createTimeoutMinutes', p.createTimeoutMinutes, ['F-62']);
  freeformAndDefinedTags(path, p);
}

export function checkImageReadAccessProps(path: string, p: any, isExpiry: (x: unknown) => boolean, accessTypes: string[]): void {
  propsObject(path, p, 'ImageReadAccessProps');
  imageObject(path, 'object', p.object, true, ['F-03']);
  instance(path, 'expiry', p.expiry, isExpiry, 'ParExpiry.at("2030-01-01T00:00:00Z") or ParExpiry.afterDays(7)', true);
  enumValue(path, 'accessType', p.accessType, 'ParAccessType', accessTypes);
  bool(path, 'bucketLevel', p.bucketLevel);
  text(path, 'name', p.name, { maxChars: 255, fix: 'use a PAR name of 1-255 characters without control characters', facts: ['F-54'] });
  provider(path, 'provider', p.provider, false);
  text(path, 'realmDomain', p.realmDomain, { pattern: /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, patternRule: 'a domain like "oraclegovcloud.com"', maxChars: 253, fix: 'pass the realm\'s domain, e.g. "oraclecloud.com" (see the regions table)', facts: ['F-50'] });
}

export function checkImportedImageProps(path: string, p: any, isSource: (x: unknown) => boolean): void {
  propsObject(path, p, 'ImportedImageProps');
  compartment(path, 'compartmentId', p.compartmentId, true, ['F-60']);
  instance(path, 'source', p.source, isSource, 'ImportSource.fromObject(...), fromPar(...), fromUrl(...) or retained()', true);
  provider(path, 'provider', p.provider, false);
  region(path, 'region', p.region);
  displayName(path, 'displayName', p.displayName);
  member(path, 'importType', p.importType, ImageImportType.ALL, 'ImageImportType');
  text(path, 'operatingSystem', p.operatingSystem, { maxChars: 255, fix: 'name the OS as OCI does, e.g. "Oracle Linux", or leave it unset', facts: ['F-30'] });
  text(path, 'operatingSystemVersion', p.operatingSystemVersion, { maxChars: 255, fix: 'give the OS version as OCI does, e.g. "8", or leave it unset', facts: ['F-30'] });
  member(path, 'windowsEdition', p.windowsEdition, WindowsEdition.ALL, 'WindowsEdition');
  // Values the library does not list are rule OIT015's (a newer provider may know them); only the form is checked here.
  valueObject(path, 'launchMode', p.launchMode, 'LaunchMode', LaunchMode.ALL);
  bool(path, 'windowsRealTimeIsUniversalSet', p.windowsRealTimeIsUniversalSet);
  textList(path, 'compatibleShapes', p.compatibleShapes, { maxChars: 255, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternRule: 'a shape name like "VM.Standard.E4.Flex"', fix: 'list shape names as OCI writes them, e.g. "VM.Standard.E4.Flex"', facts: ['F-64'] });
  if (p.capabilitySchema !== undefined) {
    const c = p.capabilitySchema;
    if (c === null || typeof c !== 'object') fail(path, 'capabilitySchema', c, 'must be { globalSchemaVersionName, schemaData }', 'pass the capability schema as an object', ['F-65']);
    text(path, 'capabilitySchema.globalSchemaVersionName', c.globalSchemaVersionName, { required: true, maxChars: 255, fix: 'pass the global capability schema version name', facts: ['F-65'] });
    const data = c.schemaData;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(path, 'capabilitySchema.schemaData', data, 'must be a map of capability name to JSON string', 'pass { "Compute.Firmware": "{...}" }', ['F-65']);
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      text(path, 'capabilitySchema.schemaData key', k, { required: true, fix: 'name capabilities as OCI does, e.g. "Compute.Firmware"', facts: ['F-65'] });
      text(path, `capabilitySchema.schemaData[${JSON.stringify(k)}]`, v, { required: true, fix: 'pass each capability as a JSON string', facts: ['F-65'] });
    }
  }
  enumValue(path, 'architecture', p.architecture, 'CpuArchitecture', ARCHITECTURES);
  imageSize(path, 'sizeInGbs', p.sizeInGbs);
  bool(path, 'crossTenancy', p.crossTenancy);
  authMode(path, 'authMode', p.authMode);
  bool(path, 'federatedUser', p.federatedUser);
  timeoutMinutes(path, 'createTimeoutMinutes', p.createTimeoutMinutes, ['F-23', 'F-60']);
  freeformAndDefinedTags(path, p);
}

/** IAM policy subjects: `<name>`, `'<domain>'/'<name>'` or `id <ocid>` (group names: letters, digits, ".", "_", "+", "@", "-"). */
const PRINCIPAL = /^([A-Za-z0-9._+@-]+|'[A-Za-z0-9._+@ -]+'\/'[A-Za-z0-9._+@ -]+'|id ocid1\.(group|dynamicgroup)\.[a-z0-9]+\.[a-z0-9-]*\.[A-Za-z0-9_-]+)$/;

export function checkImageReplicationProps(path: string, p: any, layouts: string[], isExpiry: (x: unknown) => boolean): void {
  propsObject(path, p, 'ImageReplicationProps');
  text(path, 'rolloutName', p.rolloutName, { required: true, maxChars: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, patternRule: 'letters, digits, "-" and "_"', fix: 'name the rollout with letters, digits, "-" and "_" (it names tags, outputs and stacks)' });
  const src = p.source;
  sourceImage(path, 'source', src, true);
  region(path, 'source.region', src.region, true);
  compartment(path, 'source.compartmentId', src.compartmentId, true, ['F-63']);
  provider(path, 'source.provider', src.provider, false);
  transitBucket(path, 'source.exportBucket', src.exportBucket, false);
  if (!Array.isArray(p.targets)) fail(path, 'targets', p.targets, 'must be a list of targets', 'pass targets: [{ region: "us-ashburn-1", compartmentId: "ocid1.compartment..." }]', ['F-01']);
  p.targets.forEach((t: any, i: number) => {
    const n = `targets[${i}]`;
    propsObject(path, t, 'ReplicationTarget');
    text(path, `${n}.name`, t.name, { maxChars: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, patternRule: 'letters, digits, "-" and "_"', fix: 'name targets with letters, digits, "-" and "_" (or leave the name unset to use the region)' });
    region(path, `${n}.region`, t.region, true);
    compartment(path, `${n}.compartmentId`, t.compartmentId, true, ['F-60']);
    // With another layout a provider is refused outright (resolveWaves says why).
    if ((p.stackLayout ?? 'SINGLE_STACK') === 'SINGLE_STACK') provider(path, `${n}.provider`, t.provider, false);
    bool(path, `${n}.otherTenancy`, t.otherTenancy);
    bool(path, `${n}.directFromPar`, t.directFromPar);
    text(path, `${n}.sourceRegionReason`, t.sourceRegionReason, { maxChars: 1000, fix: 'say in words why the source region is also a target', facts: ['F-02'] });
    transitBucket(path, `${n}.transitBucket`, t.transitBucket, false);
    ocid(path, `${n}.kmsKeyId`, t.kmsKeyId, ['key'], false, 'pass the OCID of a Vault key (ocid1.key...), or leave it unset', ['F-63']);
    textList(path, `${n}.compatibleShapes`, t.compatibleShapes, { maxChars: 255, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternRule: 'a shape name like "VM.Standard.E4.Flex"', fix: 'list shape names as OCI writes them, e.g. "VM.Standard.E4.Flex"', facts: ['F-64'] });
    freeformAndDefinedTags(path, { freeformTags: t.freeformTags, definedTags: t.definedTags });
  });
  enumValue(path, 'stackLayout', p.stackLayout, 'StackLayout', layouts);
  member(path, 'exportFormat', p.exportFormat, ExportFormat.ALL, 'ExportFormat');
  instance(path, 'parExpiry', p.parExpiry, isExpiry, 'ParExpiry.afterDays(3) or ParExpiry.at(...)', false);
  timeoutMinutes(path, 'copyTimeoutMinutes', p.copyTimeoutMinutes, ['F-62']);
  timeoutMinutes(path, 'importTimeoutMinutes', p.importTimeoutMinutes, ['F-23', 'F-60']);
  freeformAndDefinedTags(path, p);
  bool(path, 'provenanceTags', p.provenanceTags);
  bool(path, 'retired', p.retired);
  text(path, 'exportRunnerCommand', p.exportRunnerCommand, { maxChars: 4096, fix: 'pass a command line without control characters', facts: ['F-24'] });
  if (p.iam !== undefined) {
    propsObject(path, p.iam, 'ReplicationIamOptions');
    compartment(path, 'iam.policyCompartmentId', p.iam.policyCompartmentId, true, ['F-21']);
    text(path, 'iam.principal', p.iam.principal, { required: true, maxChars: 255, pattern: PRINCIPAL, patternRule: 'a group name, \'<domain>\'/\'<group>\' or id <group OCID>', fix: 'name the group (or dynamic group) that runs terraform apply, e.g. "image-publishers"', facts: ['F-21'] });
    const type = p.iam.principalType;
    if (type !== undefined && !PrincipalType.ALL.some((t) => t === type || (type !== null && typeof type === 'object' && t.value === type.value))) {
      fail(path, 'iam.principalType', type, `must be one of ${staticNames(PrincipalType, PrincipalType.ALL)} (a rollout policy never grants any-user)`, 'pass PrincipalType.GROUP or PrincipalType.DYNAMIC_GROUP', ['F-21']);
    }
  }
}

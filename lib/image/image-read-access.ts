import { Fn, ITerraformDependable, TerraformOutput, TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { sameStackDependencies } from './dependencies';
import { CompatChecks } from '../compat/compat-checks';
import { OciImageTransferError } from '../core/errors';
import { ObjectstoragePreauthrequest } from '../provider';
import { ObjectStorageUrl } from '../storage-url';
import { encodeObjectName } from '../storage-url/components';
import { IImageObject } from './image-object';
import { lineageOf, setLineage } from './lineage';
import { nameFromPath } from './names';
import { ParAccessType } from './par-access-type';
import { ParExpiry } from './par-expiry';
import { checkImageReadAccessProps } from './prop-checks';
import { show } from '../core/validate';
import { isUnresolved } from '../core/tokens';

/** Props of `ImageReadAccess`. */
export interface ImageReadAccessProps {
  /** The object to share. */
  readonly object: IImageObject;
  /** When the PAR expires: `ParExpiry.at(...)` or `ParExpiry.afterDays(...)`. */
  readonly expiry: ParExpiry;
  /** @default ParAccessType.OBJECT_READ (all an import needs, F-54) */
  readonly accessType?: ParAccessType;
  /**
   * Make the PAR for the whole bucket and append `/o/<object>` to its URL
   * (F-52). Wider than needed; the checks warn. @default false
   */
  readonly bucketLevel?: boolean;
  /** PAR name. @default derived from the construct path */
  readonly name?: string;
  /** Provider of the object's region and tenancy. @default the object's provider */
  readonly provider?: TerraformProvider;
  /** Realm domain of the URL, e.g. `oraclegovcloud.com` (F-50). @default the region's realm (commercial realm when the region is a token) */
  readonly realmDomain?: string;
}

/** Read access to one image object through a PAR, as an import consumes it (`ImportSource.fromPar`). */
export interface IImageReadAccess extends IConstruct {
  /** Full PAR URL; a bearer secret, so it must be sensitive (`Fn.sensitive`, F-55). */
  readonly url: string;
  /** The object the PAR reads. */
  readonly object: IImageObject;
  /** Resources an import through the PAR must wait for. */
  readonly dependables: ITerraformDependable[];
}

/**
 * A read-only pre-authenticated request (PAR) on one image object, for a
 * cross-tenancy import (F-03). The usable URL is built from `access_uri`
 * and the region's endpoint, and exposed only as a sensitive value (F-55).
 */
export class ImageReadAccess extends Construct implements IImageReadAccess {
  /** The PAR resource. */
  public readonly par: ObjectstoragePreauthrequest;
  /** Full PAR URL, sensitive: never put it in a plain output or a log (F-55). */
  public readonly url: string;
  /** Expiry as applied (a token when captured at apply). */
  public readonly expiresAt: string;
  public readonly object: IImageObject;
  public readonly dependables: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ImageReadAccessProps) {
    super(scope, id);
    const path = this.node.path;
    checkImageReadAccessProps(path, props, ParExpiry.isParExpiry, Object.values(ParAccessType));
    const object = props.object;
    this.object = object;
    const accessType = props.accessType ?? ParAccessType.OBJECT_READ;
    const region = object.region;
    const provider = props.provider ?? object.provider;
    const expiry = props.expiry;
    if (!expiry) throw new OciImageTransferError(path, 'expiry is undefined', 'pass ParExpiry.at("2030-01-01T00:00:00Z") or ParExpiry.afterDays(7)', ['F-54']);
    const deps: ITerraformDependable[] = [...object.dependables];
    const expiryConfig = expiry.bind(this);
    const timeExpires = expiryConfig.timeExpires;
    const bucketLevel = props.bucketLevel ?? false;
    this.par = new ObjectstoragePreauthrequest(this, 'Par', {
      provider,
      accessType,
      namespace: object.namespace,
      bucket: object.bucketName,
      name: props.name ?? nameFromPath(this, 200),
      objectName: bucketLevel ? undefined : object.objectName,
      timeExpires,
      dependsOn: sameStackDependencies(this, deps),
    });
    this.expiresAt = this.par.timeExpires;
    this.dependables = [this.par];

    if (!region) {
      throw new OciImageTransferError(path, `the object ${object.node.path} has no known region`, 'give its bucket a region or provider so the PAR URL can name the endpoint', ['F-50', 'F-51']);
    }
    const host = isUnresolved(region)
      ? `objectstorage.${region}.${props.realmDomain ?? 'oraclecloud.com'}`
      : regionalHost(path, region, props.realmDomain);
    const objectPart = isUnresolved(object.objectName) ? Fn.urlencode(object.objectName) : encodeObjectName(object.objectName);
    const uri = bucketLevel
      ? `${Fn.trimsuffix(Fn.trimsuffix(this.par.accessUri, '/'), '/o')}/o/${objectPart}`
      : this.par.accessUri;
    this.url = Fn.sensitive(`https://${host}${uri}`);

    const lineage = lineageOf(object);
    CompatChecks.of(this)._record({
      kind: 'par', path, upstreamPath: lineage.copyPath ?? lineage.exportPath ?? object.node.path, accessType,
      expiryKind: expiryConfig.expiryKind, expiresAt: expiryConfig.expiresAt, expiryHours: expiryConfig.hoursFromApply, region, bucketLevel,
      realmDomainAssumed: isUnresolved(region) && !props.realmDomain,
      objectName: object.objectName,
    });
    setLineage(this, { ...lineage, parPath: path, parExpiryHours: expiryConfig.hoursFromApply, parExpiresAt: expiryConfig.expiresAt });
  }

  /** A sensitive output holding the PAR URL (the only safe way to export it, F-55). */
  public addUrlOutput(id: string, description?: string): TerraformOutput {
    const output = new TerraformOutput(this, id, { value: this.url, sensitive: true, description });
    // Output names are what pipelines read: keep the one the user chose.
    output.overrideLogicalId(id);
    return output;
  }
}

/** The PAR URL's host, or the library error naming the region the host could not be made from (F-50). */
function regionalHost(path: string, region: string, realmDomain: string | undefined): string {
  try {
    return ObjectStorageUrl.hostForRegion(region, realmDomain);
  } catch (e) {
    throw new OciImageTransferError(path, `the PAR URL's host cannot be made for region ${show(region)}: ${(e as Error).message}`,
      'give the bucket a region identifier such as "us-ashburn-1" (and realmDomain for a region this library does not know)', ['F-50']);
  }
}

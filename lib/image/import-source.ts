import { Fn, ITerraformDependable, TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { OciImageTransferError } from '../core/errors';
import { checkImageObjectArgument, checkUrlArgument } from '../core/factory-checks';
import { isUnresolved } from '../core/tokens';
import { shaped } from '../core/validate';
import { CoreImageImageSourceDetails } from '../provider';
import { ObjectStorageUrl } from '../storage-url';
import { IImageObject } from './image-object';
import { IImageReadAccess } from './image-read-access';
import { addBrand, hasBrand } from '../core/brand';

/** What an import reads, as `ImportedImage` needs it. */
export interface ImportSourceConfig {
  /**
   * `image_source_details` without the OS fields and `source_image_type`.
   * @default none: the source is retained, nothing is read
   */
  readonly sourceDetails?: CoreImageImageSourceDetails;
  /** The construct the object comes from: its lineage and tenancy feed the checks. @default none (a URL) */
  readonly origin?: IConstruct;
  /** Provider of the source side. @default unknown */
  readonly sourceProvider?: TerraformProvider;
  /** Resources the import must wait for. */
  readonly dependables: ITerraformDependable[];
  /** The URL read, sensitive when it may be a PAR. @default none (a tuple) */
  readonly url?: string;
  /** Object name of a tuple source, for the import type (F-11). @default none (a URL: the URL's file name) */
  readonly objectName?: string;
  /** How the compatibility checks describe it: `tuple`, `par`, `url` or `retained`. */
  readonly sourceKind: string;
}

/**
 * Where `ImportedImage` reads the image from. Enum-like class for jsii:
 * build one with a static factory; the import calls `bind`.
 *
 * - `fromObject`: a bucket/object tuple in this tenancy (F-02 copy path).
 *   Not usable across tenancies (F-03) nor with instance/resource principals
 *   or federated users (F-53): use a PAR there.
 * - `fromPar`: a PAR made by `ImageReadAccess` (F-03).
 * - `fromUrl`: any object URL or PAR URL, e.g. a PAR URL another tenancy
 *   sent you (pass it from a sensitive variable), or a BYOI QCOW2/VMDK URL.
 */
export abstract class ImportSource {
  /** True for any ImportSource, also one made by another copy of this library (a `Symbol.for` brand, not `instanceof`). */
  public static isImportSource(x: any): x is ImportSource {
    return hasBrand(x, 'ImportSource');
  }

  protected constructor() {
    addBrand(this, 'ImportSource');
  }

  public static fromObject(imageObject: IImageObject): ImportSource {
    checkImageObjectArgument('ImportSource.fromObject', imageObject);
    return new TupleSource(imageObject);
  }

  /** A PAR on an image object (`ImageReadAccess`, or your own `IImageReadAccess` whose `url` is sensitive). */
  public static fromPar(access: IImageReadAccess): ImportSource {
    shaped('ImportSource.fromPar', 'access', access, ['url', 'imageObject', 'dependables', 'node'], 'an IImageReadAccess such as new ImageReadAccess(...)', true,
      'pass new ImageReadAccess(...)', ['F-03']);
    return new ParSource(access);
  }

  public static fromUrl(url: string): ImportSource {
    checkUrlArgument('ImportSource.fromUrl', url, ['F-50']);
    return new UrlSource(url);
  }

  /**
   * The image was imported by an earlier apply and its transit artifacts are
   * gone: keep the image, read nothing. `image_source_details` is ignored
   * after creation (F-60, F-61), so dropping it changes nothing in the plan.
   * Such an image cannot be re-created by this program if it is deleted.
   */
  public static retained(): ImportSource {
    return new RetainedSource();
  }

  /** Called by the import (`scope`). */
  public abstract bind(scope: IConstruct): ImportSourceConfig;
}

class TupleSource extends ImportSource {
  constructor(private readonly object: IImageObject) {
    super();
  }

  public bind(_scope: IConstruct): ImportSourceConfig {
    const o = this.object;
    return {
      sourceDetails: { sourceType: 'objectStorageTuple', namespaceName: o.namespaceName, bucketName: o.bucketName, objectName: o.objectName },
      origin: o, sourceProvider: o.provider, dependables: o.dependables ?? [], objectName: o.objectName, sourceKind: 'tuple',
    };
  }
}

class ParSource extends ImportSource {
  constructor(private readonly access: IImageReadAccess) {
    super();
  }

  public bind(scope: IConstruct): ImportSourceConfig {
    const a = this.access;
    if (!a.url) throw new OciImageTransferError(scope.node.path, 'the PAR URL is empty', 'pass an IImageReadAccess whose url is the full PAR URL', ['F-50']);
    // ImageReadAccess.url is already sensitive; a literal URL from another IImageReadAccess is made so (F-55).
    const url = isUnresolved(a.url) ? a.url : Fn.sensitive(a.url);
    return {
      sourceDetails: { sourceType: 'objectStorageUri', sourceUri: url },
      origin: a, sourceProvider: a.imageObject.provider, dependables: a.dependables ?? [], url, sourceKind: 'par',
    };
  }
}

class UrlSource extends ImportSource {
  constructor(private readonly url: string) {
    super();
  }

  public bind(scope: IConstruct): ImportSourceConfig {
    const url = this.url;
    if (!url) throw new OciImageTransferError(scope.node.path, 'the source URL is empty', 'pass an object URL or PAR URL', ['F-50']);
    // A PAR URL, or a value we cannot see, may be a bearer secret (F-55): keep it out of plans and logs.
    const secret = isUnresolved(url) || ObjectStorageUrl.isParUrl(url);
    return { sourceDetails: { sourceType: 'objectStorageUri', sourceUri: secret ? Fn.sensitive(url) : url }, dependables: [], url, sourceKind: 'url' };
  }
}

class RetainedSource extends ImportSource {
  public bind(_scope: IConstruct): ImportSourceConfig {
    return { dependables: [], sourceKind: 'retained' };
  }
}

import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { IImageObject } from './image-object';
import { ImageReadAccess } from './image-read-access';
import { checkImageObjectArgument, checkUrlArgument } from '../core/factory-checks';
import { instance } from '../core/validate';
import { addBrand, hasBrand } from '../core/brand';

/**
 * Where `ImportedImage` reads the image from. Enum-like class for jsii.
 *
 * - `fromObject`: a bucket/object tuple in this tenancy (F-02 copy path).
 *   Not usable across tenancies (F-03) nor with instance/resource principals
 *   or federated users (F-53): use a PAR there.
 * - `fromPar`: a PAR made by `ImageReadAccess` (F-03).
 * - `fromUrl`: any object URL or PAR URL, e.g. a PAR URL another tenancy
 *   sent you (pass it from a sensitive variable), or a BYOI QCOW2/VMDK URL.
 */
export class ImportSource {
  /** Whether `x` is an `ImportSource` (from any copy of this library). */
  public static isImportSource(x: any): x is ImportSource {
    return hasBrand(x, 'ImportSource');
  }

  public static fromObject(object: IImageObject): ImportSource {
    checkImageObjectArgument('ImportSource.fromObject', object);
    return new ImportSource('tuple', object, undefined, undefined);
  }

  public static fromPar(access: ImageReadAccess): ImportSource {
    instance('ImportSource.fromPar', 'access', access, ImageReadAccess.isImageReadAccess, 'new ImageReadAccess(...)', true);
    return new ImportSource('par', access, access.url, access.object.provider);
  }

  public static fromUrl(url: string): ImportSource {
    checkUrlArgument('ImportSource.fromUrl', url, ['F-50']);
    return new ImportSource('url', undefined, url, undefined);
  }

  /**
   * The image was imported by an earlier apply and its transit artifacts are
   * gone: keep the image, read nothing. `image_source_details` is ignored
   * after creation (F-60, F-61), so dropping it changes nothing in the plan.
   * Such an image cannot be re-created by this program if it is deleted.
   */
  public static retained(): ImportSource {
    return new ImportSource('retained', undefined, undefined, undefined);
  }

  private constructor(
    /** `tuple`, `par`, `url` or `retained`. */
    public readonly kind: string,
    /** The construct the source comes from, if any. */
    public readonly origin: IConstruct | undefined,
    /** URL for `par` and `url` (sensitive for a PAR). */
    public readonly url: string | undefined,
    /** Provider of the source side, if known. */
    public readonly sourceProvider: TerraformProvider | undefined,
  ) {}

  /** @internal resources the import must wait for. */
  public get _dependables(): ITerraformDependable[] {
    const o = this.origin as { dependables?: ITerraformDependable[] } | undefined;
    return o?.dependables ?? [];
  }
}
addBrand(ImportSource.prototype, 'ImportSource');

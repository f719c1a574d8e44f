import { checkRegionArgument, checkUrlArgument } from '../core/factory-checks';
import { transitBucket } from './prop-checks';
import { ITransitBucket } from './transit-bucket';
import { addBrand, hasBrand } from '../core/brand';

/**
 * Where `ExportedImage` writes the image. Enum-like class for jsii: build
 * one with a static factory.
 */
export class ExportDestination {
  /** Whether `x` is an `ExportDestination` (from any copy of this library). */
  public static isExportDestination(x: any): x is ExportDestination {
    return hasBrand(x, 'ExportDestination');
  }

  /** A bucket managed by this program (or referenced with `TransitBucket.fromBucketName`). */
  public static toBucket(bucket: ITransitBucket): ExportDestination {
    transitBucket('ExportDestination.toBucket', 'bucket', bucket, true);
    return new ExportDestination('bucket', bucket, undefined);
  }

  /**
   * An Object Storage URL or a PAR URL (write access). A PAR URL is a bearer
   * secret (F-55): pass it from a sensitive `TerraformVariable`; it is only
   * ever put in the runner's environment, never on a command line. A PAR made
   * for a bucket needs `/o/<object>` appended (F-52): pass `objectName` and it
   * is done for you.
   */
  public static toUrl(url: string, region?: string): ExportDestination {
    checkUrlArgument('ExportDestination.toUrl', url, ['F-50']);
    checkRegionArgument('ExportDestination.toUrl', region);
    return new ExportDestination('url', undefined, url, region);
  }

  private constructor(
    /** `bucket` or `url`. */
    public readonly kind: string,
    /** The bucket, for `bucket`. */
    public readonly bucket: ITransitBucket | undefined,
    /** The URL, for `url`. */
    public readonly url: string | undefined,
    /** Region of the URL's bucket, when known (for the F-02 check). */
    public readonly region?: string,
  ) {}
}
addBrand(ExportDestination.prototype, 'ExportDestination');

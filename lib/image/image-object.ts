import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { ImageLineage } from '../compat/lineage';

/**
 * An image file in Object Storage that the next step (copy, PAR, import)
 * consumes. `ExportedImage` and `ImageObjectCopy` implement it.
 */
export interface IImageObject extends IConstruct {
  /** Object Storage namespace. */
  readonly namespaceName: string;
  /** Bucket name. */
  readonly bucketName: string;
  /** Object name (may contain `/`). */
  readonly objectName: string;
  /** Region of the bucket, if known (may be a token). */
  readonly region?: string;
  /** Provider of the bucket's region and tenancy, if known. */
  readonly provider?: TerraformProvider;
  /** Resources that must exist before the object can be read (a frozen array: read it, never change it). */
  readonly dependables: ITerraformDependable[];
  /**
   * What is known of the object's history (source image, export, copies),
   * read by the next step and its checks; `{}` when nothing is known.
   */
  readonly lineage: ImageLineage;
}

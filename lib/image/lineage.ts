import { IConstruct } from 'constructs';
import { ImageLineage } from '../compat/lineage';

/**
 * The lineage an object carries (`IImageObject.lineage`, `ImageReadAccess.lineage`),
 * or nothing known for a construct that carries none (e.g. a user's own `IImageObject`).
 */
export function lineageOf(object: IConstruct | undefined): ImageLineage {
  return (object as { readonly lineage?: ImageLineage } | undefined)?.lineage ?? {};
}

import { IConstruct } from 'constructs';
import { LineageFacts } from '../compat/model';

/**
 * What is known of an object's history (export format, source image, PAR
 * expiry), attached to the construct that produced it so that the import's
 * checks see the whole chain. Internal: not re-exported from the package.
 */
const lineages = new WeakMap<IConstruct, LineageFacts>();

/** Attach what is known of an object's history. */
export function setLineage(object: IConstruct, lineage: LineageFacts): void {
  lineages.set(object, lineage);
}

export function lineageOf(object: IConstruct): LineageFacts {
  return lineages.get(object) ?? {};
}

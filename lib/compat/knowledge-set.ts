import { ShapeGenerations } from '../knowledge/host-generations';
import { SupportMatrix } from '../knowledge/support-matrix';
import { RegionTable } from '../knowledge/regions';

/** The knowledge tables the rules read; replaceable per stack through `CompatChecks`. */
export interface CompatKnowledge {
  readonly supportMatrix: SupportMatrix;
  readonly shapeGenerations: ShapeGenerations;
  readonly regions: RegionTable;
}

export function defaultKnowledge(): CompatKnowledge {
  return { supportMatrix: SupportMatrix.SEED_EDITION, shapeGenerations: ShapeGenerations.DEFAULT, regions: RegionTable.DEFAULT };
}

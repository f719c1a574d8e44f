/**
 * A frozen copy typed as a plain array. jsii has no ReadonlyArray, so public
 * collections keep the `T[]` type and are frozen instead: a caller can read
 * them and never change what the construct holds.
 */
export function frozenArray<T>(items: readonly T[]): T[] {
  return Object.freeze([...items]) as T[];
}

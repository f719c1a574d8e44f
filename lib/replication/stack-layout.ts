/** Where the rollout's resources go. */
export enum StackLayout {
  /** Everything in the scope's stack; waves are ordered with `depends_on`. */
  SINGLE_STACK = 'SINGLE_STACK',
  /** The export in the scope's stack, each wave in a stack of its own, applied in wave order. */
  STACK_PER_WAVE = 'STACK_PER_WAVE',
  /** The export in the scope's stack, each target in a stack of its own; waves order the stacks. */
  STACK_PER_REGION = 'STACK_PER_REGION',
}

/** Path a target's image takes. */
export enum TransferPath {
  /** Copy to the target region, import from the copy (F-02). */
  COPY_THEN_IMPORT = 'copy-then-import',
  /** Read-only PAR on the exported object, import in the other tenancy (F-03). */
  PAR_THEN_IMPORT = 'par-then-import',
  /** PAR on the source-region object, import without a copy (F-04). */
  DIRECT_PAR = 'direct-par',
  /** Import in the source region from the exported object. */
  SOURCE_REGION = 'source-region',
  /** Retired version: the image is kept, nothing is transferred. */
  RETAINED = 'retained',
}

/** Severity of a rule or finding. Enum-like for jsii. */
export enum FindingLevel {
  /** Fails `app.synth()` unless acknowledged. */
  ERROR = 'error',
  /** Annotation; the rollout may still work. */
  WARNING = 'warning',
  /** Annotation; something to know. */
  INFO = 'info',
}

/** One result of one rule on one construct. */
export interface Finding {
  readonly ruleId: string;
  readonly level: FindingLevel;
  readonly path: string;
  readonly message: string;
  readonly facts: string[];
  /** The rule could not run at synth (a token, or a case its table does not cover). */
  readonly notCheckable: boolean;
  readonly acknowledged: boolean;
  readonly acknowledgedReason?: string;
}

/** Severity of a rule or finding. Enum-like for jsii. */
export enum FindingLevel {
  /** Fails `app.synth()` unless acknowledged. */
  ERROR = 'error',
  /** Annotation; the rollout may still work. */
  WARNING = 'warning',
  /** Annotation; something to know. */
  INFO = 'info',
}

/** The precondition (or, for a warning, the `check` block) that checks a finding at `terraform plan`. */
export interface PlanCheckRef {
  /** Terraform address of the resource that carries it, e.g. `terraform_data.Export_ExportStep_1A2B3C4D`, or `check.<name>`. */
  readonly resource: string;
  /** 1-based position in that resource's `lifecycle.precondition` list. */
  readonly precondition: number;
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
  /** Set when a precondition checks this finding against the image read at plan. @default not checked at plan */
  readonly checkedAtPlan?: PlanCheckRef;
}

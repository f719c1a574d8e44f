/**
 * Rules that `terraform plan` also checks: preconditions over the image read
 * at plan (image-conditions.ts) or over shape names given as variables
 * (shape-conditions.ts); the warning OIT036 as a `check` block. All of them
 * run at synth too, on what the program states.
 */
export const RULES_CHECKED_AT_PLAN: readonly string[] = Object.freeze(['OIT016', 'OIT020', 'OIT030', 'OIT031', 'OIT033', 'OIT036', 'OIT039', 'OIT040', 'OIT043']);

/** `synth`, or `both` for a rule that is checked at synth and at plan. */
export function whenChecked(ruleId: string): string {
  return RULES_CHECKED_AT_PLAN.includes(ruleId) ? 'both' : 'synth';
}

/**
 * Rules that `terraform plan` also checks, as preconditions over the image
 * read at plan (see image-conditions.ts). All of them run at synth too, on
 * what the program states.
 */
export const RULES_CHECKED_AT_PLAN: readonly string[] = Object.freeze(['OIT016', 'OIT020', 'OIT030', 'OIT031', 'OIT033', 'OIT039']);

/** `synth`, or `both` for a rule that is checked at synth and at plan. */
export function whenChecked(ruleId: string): string {
  return RULES_CHECKED_AT_PLAN.includes(ruleId) ? 'both' : 'synth';
}

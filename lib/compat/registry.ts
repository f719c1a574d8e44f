import { CompatRule } from './rule';
import { RULES } from './rules';

/** Every rule, in the order of the README table. */
export const ALL_RULES: readonly CompatRule[] = RULES;

export function ruleById(id: string): CompatRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

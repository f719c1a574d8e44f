import { FindingLevel } from './finding';
import { ALL_RULES } from './registry';
import { whenChecked } from './rules-at-plan';

/** Public description of one rule (the rule functions themselves stay internal). */
export interface RuleDescription {
  readonly id: string;
  readonly level: FindingLevel;
  readonly facts: string[];
  readonly summary: string;
  readonly acknowledgeable: boolean;
  /** When it is checked: `synth`, `plan` or `both` (plan: a precondition over the image read at plan). */
  readonly when: string;
}

/** The rule registry, for documentation and tools. */
export class RuleCatalog {
  /** Every rule, ordered by id. */
  public static all(): RuleDescription[] {
    return ALL_RULES.map((r) => ({ id: r.id, level: r.level, facts: [...r.facts], summary: r.summary, acknowledgeable: r.acknowledgeable !== false, when: whenChecked(r.id) }));
  }

  /** The README table (id, level, facts, what it checks), generated so it cannot drift. */
  public static markdownTable(): string {
    const rows = RuleCatalog.all().map((r) =>
      `| ${r.id} | ${r.level} | ${r.facts.join(', ')} | ${r.summary.replace(/\|/g, '\\|')} | ${r.when} | ${r.acknowledgeable ? 'yes' : 'no'} |`);
    return ['| Rule | Level | Facts | What it checks | When | Acknowledgeable |', '|---|---|---|---|---|---|', ...rows].join('\n');
  }
}

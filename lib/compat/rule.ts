import { CompatKnowledge } from './knowledge-set';
import { FindingLevel } from './finding';
import { CompatModel } from './model';

/** What a rule reports before acknowledgements are applied. */
export interface RawFinding {
  readonly path: string;
  readonly message: string;
  /** Overrides the rule's level (e.g. a "not checkable" note is INFO). */
  readonly level?: FindingLevel;
  readonly notCheckable?: boolean;
}

/** A compatibility rule: a pure function over the recorded model. One file per rule under rules/. */
export interface CompatRule {
  /** Stable id, used in messages, reports and acknowledgements. */
  readonly id: string;
  readonly level: FindingLevel;
  /** Fact ids (F-nn) the rule enforces. */
  readonly facts: string[];
  /** One line for the README rule table. */
  readonly summary: string;
  /** Plain misuse that can never work is not acknowledgeable. @default true */
  readonly acknowledgeable?: boolean;
  check(model: CompatModel, knowledge: CompatKnowledge): RawFinding[];
}

/** Quote a value for a message. */
export function q(value: unknown): string {
  return JSON.stringify(value);
}

/** A finding that says the rule could not run at synth, and why. */
export function notCheckable(path: string, what: string, reason: string): RawFinding {
  return { path, level: FindingLevel.INFO, notCheckable: true, message: `not checkable at synth: ${what} ${reason}` };
}

/** The usual "token" reason. */
export const TOKEN_REASON = 'is a token known only at apply, so it was not guessed';

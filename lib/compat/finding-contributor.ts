import { IConstruct } from 'constructs';
import { Finding } from './finding';
import { CompatKnowledge } from './knowledge-set';

const FINDING_CONTRIBUTOR = Symbol.for('cdktf-oci-image-transfer.FindingContributor');

/**
 * A construct that takes part in the checks beyond stating facts: it
 * prepares its stack before the checks run at synth (e.g. writes the
 * plan-time preconditions) and adds or decides findings (e.g. "checked at
 * plan"). The checker finds contributors by walking its stack's tree.
 *
 * @internal (not part of the jsii surface)
 */
export interface IFindingContributor extends IConstruct {
  /**
   * Called once per synth of the stack, before the rules run.
   * @internal
   */
  _beforeChecks(knowledge: CompatKnowledge): void;
  /**
   * Returns the findings with this contributor's own added or decided.
   * @internal
   */
  _contributeFindings(findings: Finding[], knowledge: CompatKnowledge): Finding[];
}

export function markFindingContributor(contributor: IFindingContributor): void {
  Object.defineProperty(contributor, FINDING_CONTRIBUTOR, { value: true });
}

export function isFindingContributor(x: unknown): x is IFindingContributor {
  return typeof x === 'object' && x !== null && (x as { [FINDING_CONTRIBUTOR]?: boolean })[FINDING_CONTRIBUTOR] === true;
}

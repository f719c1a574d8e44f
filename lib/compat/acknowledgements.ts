import { IConstruct } from 'constructs';

/** Minimum length of an acknowledgement reason: a reviewer must learn why. */
export const MIN_REASON_LENGTH = 10;

/** Acknowledgements per construct; they apply to the construct and its children. */
const byConstruct = new WeakMap<IConstruct, Map<string, string>>();
let generation = 0;

/** Changes whenever an acknowledgement is added (invalidates cached findings). */
export function acknowledgementGeneration(): number {
  return generation;
}

export function addAcknowledgement(scope: IConstruct, ruleId: string, reason: string): void {
  let map = byConstruct.get(scope);
  if (!map) byConstruct.set(scope, (map = new Map()));
  map.set(ruleId, reason);
  generation++;
}

/** The reason a rule is acknowledged on this construct or an ancestor, if any. */
export function findAcknowledgement(scope: IConstruct, ruleId: string): string | undefined {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    const reason = byConstruct.get(c)?.get(ruleId);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

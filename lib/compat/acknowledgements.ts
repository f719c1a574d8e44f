import { IConstruct } from 'constructs';

/** Minimum length of an acknowledgement reason: a reviewer must learn why. */
export const MIN_REASON_LENGTH = 10;

/**
 * Construct metadata type of an acknowledgement (as cdk-nag keeps its
 * suppressions on the construct). It applies to the construct and its children.
 */
export const ACKNOWLEDGEMENT_METADATA = 'cdktf-oci-image-transfer:acknowledgement';

/** The data of one acknowledgement entry. */
interface AcknowledgementEntry {
  readonly ruleId: string;
  readonly reason: string;
}

export function addAcknowledgement(scope: IConstruct, ruleId: string, reason: string): void {
  const entry: AcknowledgementEntry = { ruleId, reason };
  scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, entry);
}

/** The reason a rule is acknowledged on this construct or an ancestor, if any (the latest entry on a construct wins). */
export function findAcknowledgement(scope: IConstruct, ruleId: string): string | undefined {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    const own = acknowledgementsOn(c);
    for (let i = own.length - 1; i >= 0; i--) {
      if (own[i].ruleId === ruleId) return own[i].reason;
    }
  }
  return undefined;
}

/** The acknowledgements written on this construct itself, oldest first. */
export function acknowledgementsOn(scope: IConstruct): AcknowledgementEntry[] {
  return scope.node.metadata.filter((m) => m.type === ACKNOWLEDGEMENT_METADATA).map((m) => m.data as AcknowledgementEntry);
}

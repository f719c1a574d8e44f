/**
 * Who an IAM policy statement grants to: the subject types of the OCI policy
 * syntax (`Allow group ...`, `Allow dynamic-group ...`, F-21). `any-user` is
 * left out on purpose: a rollout policy never grants to everyone.
 */
export class PrincipalType {
  /** A group of users (`Allow group <name> ...`), e.g. the CI user's group. */
  public static readonly GROUP = new PrincipalType('group');
  /** A dynamic group of instances or resources (`Allow dynamic-group <name> ...`), e.g. for instance-principal runners. */
  public static readonly DYNAMIC_GROUP = new PrincipalType('dynamic-group');
  /** Every type, in the order above. */
  public static readonly ALL: PrincipalType[] = Object.freeze([PrincipalType.GROUP, PrincipalType.DYNAMIC_GROUP]) as PrincipalType[];

  private constructor(
    /** The keyword in the policy statement. */
    public readonly value: string,
  ) {}

  public toString(): string {
    return this.value;
  }
}

import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * Per-stack state lives on a hidden construct at the root of the stack,
 * found by its id, so that it goes away with the stack and two apps (or
 * two copies of the library) never share it. It writes nothing to Terraform.
 */
export function stackState<T extends Construct>(scope: IConstruct, id: string, create: (stack: TerraformStack, id: string) => T): T {
  const stack = TerraformStack.of(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack, id);
}

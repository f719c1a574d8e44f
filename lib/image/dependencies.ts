import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * Dependencies that can be written as `depends_on`: those in the same stack.
 * Terraform cannot depend on a resource of another stack, so for those the
 * stacks are ordered instead (the other stack is applied first).
 */
export function sameStackDependencies(scope: IConstruct, deps: ITerraformDependable[]): ITerraformDependable[] | undefined {
  const here = TerraformStack.of(scope);
  const local: ITerraformDependable[] = [];
  for (const dep of deps) {
    if (!Construct.isConstruct(dep)) { local.push(dep); continue; }
    const there = TerraformStack.of(dep);
    if (there === here) local.push(dep);
    else if (!here.dependencies.includes(there)) here.addDependency(there);
  }
  return local.length ? local : undefined;
}

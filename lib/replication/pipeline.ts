import { TerraformStack } from 'cdktf';

/**
 * How a pipeline applies a rollout: which stacks may run at once, and with
 * which `terraform apply -parallelism`. Written into the rollout manifest.
 */
export interface RolloutPipelinePhase {
  /** 1-based; a phase starts when every stack of the previous phase has applied. */
  readonly order: number;
  /** Wave this phase applies; `export` for the phase of the source stack. */
  readonly wave: string;
  /** Stacks to apply in parallel, sorted. */
  readonly stacks: string[];
}

export interface RolloutPipeline {
  readonly phases: RolloutPipelinePhase[];
  /**
   * `terraform apply -parallelism=N` per stack: every long operation
   * (export, copy, import) that may run at once in the stack gets a slot, so
   * none queues behind Terraform's default of 10. Counts every rollout
   * sharing the stack. Capped by `maxParallelism`.
   */
  readonly parallelism: { [stack: string]: number };
}

/** Terraform's own default `-parallelism`. */
/** @deprecated Use `ImageReplication.TERRAFORM_DEFAULT_PARALLELISM` (a static member, visible in every jsii language). */
export const TERRAFORM_DEFAULT_PARALLELISM = 10;

/** Long operations one rollout may have in flight at once, per stack. */
export type InFlight = Map<TerraformStack, number>;

/** Adds `count` operations running at once in `stack` (keeps the largest phase). */
export function noteInFlight(inFlight: InFlight, stack: TerraformStack, count: number): void {
  inFlight.set(stack, Math.max(inFlight.get(stack) ?? 0, count));
}

/**
 * `-parallelism` for each stack: the sum over the rollouts in it of their
 * widest phase (rollouts in one stack run their waves side by side), never
 * below Terraform's default, never above the smallest `maxParallelism` given.
 */
export function recommendedParallelism(stacks: TerraformStack[], rollouts: Array<{ inFlight: InFlight; maxParallelism?: number }>): { [stack: string]: number } {
  const out: { [stack: string]: number } = {};
  for (const stack of stacks) {
    let sum = 0;
    let cap = Infinity;
    for (const r of rollouts) {
      const n = r.inFlight.get(stack);
      if (n === undefined) continue;
      sum += n;
      if (r.maxParallelism !== undefined) cap = Math.min(cap, r.maxParallelism);
    }
    out[stack.node.id] = Math.min(cap, Math.max(TERRAFORM_DEFAULT_PARALLELISM, sum));
  }
  return out;
}

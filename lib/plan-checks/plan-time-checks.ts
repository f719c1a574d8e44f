import { IConstruct } from 'constructs';
import { PlanCheckRegistry } from './plan-checks';

/**
 * The per-stack switch of the plan-time checks. By default every exported
 * source image is read at plan (`data "oci_core_image"`, on the source
 * provider) and the rules that depend on the image become `precondition`s,
 * so `terraform plan` fails before anything is created.
 *
 * The identity that runs `terraform plan` then needs GetImage on the source
 * image, which OCI's core policy reference puts under INSTANCE_IMAGE_INSPECT:
 * `Allow group <planners> to inspect instance-images in compartment <source>`
 * (https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/corepolicyreference.htm;
 * the rollout policy of `ImageReplication` grants `read`, which includes it). A
 * pipeline without that right turns the checks off for the stack; the
 * rules then fall back to what the program states, and the report says
 * which ones could not be checked.
 */
export class PlanTimeChecks {
  /** Turn the plan-time checks off for the stack that contains `scope` (call before synth). */
  public static disable(scope: IConstruct): void {
    PlanCheckRegistry.of(scope).enabled = false;
  }

  /** True unless `disable` was called for the stack that contains `scope`. */
  public static isEnabled(scope: IConstruct): boolean {
    return PlanCheckRegistry.tryOf(scope)?.enabled ?? true;
  }

  private constructor() {}
}

import { ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stackState } from '../core/stack-state';

/**
 * An image is EXPORTING while an export runs (F-22), and OCI answers a second
 * ExportImage of an EXPORTING image with 409 (seen in practice, issue 11).
 * Terraform would start the export steps of one image in parallel, so each
 * step of an image depends on the step created before it in the same stack.
 * Keyed by the image OCID as written (a token counts by its reference).
 */
class ExportSteps extends Construct {
  public static readonly ID = 'OciImageExportSteps';
  /** Image OCID as written -> the latest export step of that image in the stack. */
  public readonly lastStep = new Map<string, ITerraformDependable>();
}

function stepsOf(scope: IConstruct): ExportSteps {
  return stackState(scope, ExportSteps.ID, (stack, id) => new ExportSteps(stack, id));
}

/** The latest export step of `imageId` in the stack of `scope`, if any. */
export function previousExportStep(scope: IConstruct, imageId: string): ITerraformDependable | undefined {
  return stepsOf(scope).lastStep.get(imageId);
}

/** Records `step` as the latest export step of `imageId` in the stack of `scope`. */
export function recordExportStep(scope: IConstruct, imageId: string, step: ITerraformDependable): void {
  stepsOf(scope).lastStep.set(imageId, step);
}

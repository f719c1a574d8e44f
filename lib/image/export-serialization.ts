import { ITerraformDependable, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * An image is EXPORTING while an export runs (F-22), and OCI answers a second
 * ExportImage of an EXPORTING image with 409 (seen in practice, issue 11).
 * Terraform would start the export steps of one image in parallel, so each
 * step of an image depends on the step created before it in the same stack.
 * Keyed by the image OCID as written (a token counts by its reference).
 */
const lastStepByStack = new WeakMap<TerraformStack, Map<string, ITerraformDependable>>();

/** The latest export step of `imageId` in the stack of `scope`, if any. */
export function previousExportStep(scope: IConstruct, imageId: string): ITerraformDependable | undefined {
  return lastStepByStack.get(TerraformStack.of(scope))?.get(imageId);
}

/** Records `step` as the latest export step of `imageId` in the stack of `scope`. */
export function recordExportStep(scope: IConstruct, imageId: string, step: ITerraformDependable): void {
  const stack = TerraformStack.of(scope);
  let steps = lastStepByStack.get(stack);
  if (!steps) lastStepByStack.set(stack, (steps = new Map()));
  steps.set(imageId, step);
}

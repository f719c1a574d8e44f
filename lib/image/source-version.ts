import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { LineageFacts } from '../compat/model';
import { TerraformData } from '../provider/terraform-data';

/**
 * A `terraform_data` that stands for "which source image, in which format"
 * next to a copy or an import, for `lifecycle.replace_triggered_by`. The
 * export step re-runs when the source image OCID changes, but neither a copy
 * (same object name) nor an import (`image_source_details` is ignored, F-61)
 * would notice on its own, so the targets would silently keep the old image.
 * Only the source image and format count: a rotated PAR, an expired transit
 * object or an export `revision` leave this marker, and so the image, alone.
 * Lives in the consumer's own stack (replace_triggered_by cannot cross
 * stacks; the image OCID does, as a cross-stack reference).
 *
 * Every consumer of one export in a stack shares one marker (at the stack's
 * root, named after the export's path): 40 targets need one, not 80, and
 * adding or removing a target never moves it.
 *
 * Returns undefined when the lineage names no source image (an existing
 * object, a URL, a retained import): nothing to follow then.
 */
export function sourceVersionMarker(scope: Construct, lineage: LineageFacts): TerraformData | undefined {
  const imageId = lineage.image?.imageId;
  if (!imageId) return undefined;
  const triggersReplace = { image_id: imageId, format: lineage.exportFormat ?? '' };
  if (!lineage.exportPath) return new TerraformData(scope, 'SourceVersion', { triggersReplace });
  const stack = TerraformStack.of(scope);
  const id = `SourceVersion-${lineage.exportPath.replace(/\//g, '-')}`;
  return (stack.node.tryFindChild(id) as TerraformData | undefined) ?? new TerraformData(stack, id, { triggersReplace });
}

/** The `lifecycle` fragment for a marker: `{ replaceTriggeredBy: [marker] }`, or nothing. */
export function replaceWhenSourceChanges(marker: TerraformData | undefined): { replaceTriggeredBy?: string[] } {
  return marker ? { replaceTriggeredBy: [bareReference(marker)] } : {};
}

/** `{ lifecycle: { replaceTriggeredBy: [marker] } }`, or nothing at all (no empty lifecycle block). */
export function lifecycleFor(marker: TerraformData | undefined): { lifecycle?: { replaceTriggeredBy: string[] } } {
  return marker ? { lifecycle: { replaceTriggeredBy: [bareReference(marker)] } } : {};
}

/**
 * `terraform_data.<name>`: Terraform's JSON syntax wants a bare reference in
 * replace_triggered_by (cdktf renders a construct as "${...}", which
 * `terraform validate` rejects as an invalid expression).
 */
function bareReference(marker: TerraformData): string {
  return `${marker.terraformResourceType}.${marker.friendlyUniqueId}`;
}

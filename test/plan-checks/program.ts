import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  CompatChecks, ExportDestination, ExportedImage, ImportedImage, ImportSource, OciProvider, SourceImage, SupportMatrix, TransitBucket,
} from '../../lib';
import { newApp } from '../support/synth';

export interface ProgramOptions {
  /** What the program states about the source image (the OCID is always a variable). */
  readonly image?: Omit<SourceImage, 'imageId'>;
  /** Props added to the import. */
  readonly importProps?: Record<string, unknown>;
  readonly matrix?: SupportMatrix;
  /** Rule ids to acknowledge on the export and the import. */
  readonly acknowledge?: string[];
  /** Construct id of the export (so that each case has its own path). */
  readonly id?: string;
  /** Props added to the export (e.g. format). */
  readonly exportProps?: Record<string, unknown>;
  /** Mark one shape compatible, given as variable `shape` (known only at plan). */
  readonly shapeVariable?: boolean;
}

/** The README shape in small: image OCID from a variable, export in Phoenix, import in the same region. */
export function program(options: ProgramOptions = {}, app: App = newApp()) {
  const stack = new TerraformStack(app, 'plan-checks');
  const phoenix = new OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
  const imageId = new TerraformVariable(stack, 'image_ocid', { type: 'string' });
  const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: 'ns1', bucketName: 'transit', region: 'us-phoenix-1' });
  const id = options.id ?? 'Export';
  const exported = new ExportedImage(stack, id, {
    image: { imageId: imageId.stringValue, ...options.image }, destination: ExportDestination.toBucket(bucket), provider: phoenix, ...options.exportProps,
  });
  const shapes = options.shapeVariable ? { compatibleShapes: [new TerraformVariable(stack, 'shape', { type: 'string' }).stringValue] } : {};
  const imported = new ImportedImage(stack, `${id}Import`, {
    compartmentId: 'ocid1.compartment.oc1..target', source: ImportSource.fromObject(exported), provider: phoenix, ...shapes, ...options.importProps,
  });
  if (options.matrix) CompatChecks.of(stack).useSupportMatrix(options.matrix);
  for (const rule of options.acknowledge ?? []) {
    CompatChecks.acknowledge(exported, rule, 'tested by the platform team, ticket OPS-1');
    CompatChecks.acknowledge(imported, rule, 'tested by the platform team, ticket OPS-1');
  }
  return { app, stack, exported, imported, phoenix };
}

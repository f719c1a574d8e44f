import { App, LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import { byoiQcow2ImportStack } from './byoi-qcow2-import';
import { crossRegionCopyStack } from './cross-region-copy';
import { crossTenancyShareStack } from './cross-tenancy-share';
import { multiRegionRolloutStack, multiRegionStacksExample } from './multi-region-rollout';

/** Every example stack, in one App. */
export function buildExamples(app: App): void {
  multiRegionRolloutStack(app);
  multiRegionStacksExample(app);
  crossRegionCopyStack(app);
  crossTenancyShareStack(app);
  byoiQcow2ImportStack(app);
  // cdktf's default local backend embeds the absolute working directory; a
  // relative state path keeps cdk.tf.json identical on every machine.
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    if (!stack.node.children.some((c) => c instanceof TerraformBackend)) {
      new LocalBackend(stack, { path: `terraform.${stack.node.id}.tfstate` });
    }
  }
}

/** `npm run synth` and `cdktf synth`: writes cdktf.out/ offline, with no OCI credentials. */
function main(): void {
  const app = new App();
  buildExamples(app);
  try {
    app.synth();
  } catch (e) {
    // A synth-time check failed: print its message (path, value, fact, fix), not a stack trace.
    console.error((e as Error).message);
    process.exit(1);
  }
  console.log(`Synthesized ${app.node.children.length} stacks to ${app.outdir}/stacks`);
}

if (require.main === module) main();

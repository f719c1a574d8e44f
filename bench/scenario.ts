/**
 * One benchmark scenario in its own process, so that wall time, synth time
 * and peak RSS are those of a fresh `cdktf synth`:
 *   node dist/bench/scenario.js <library|nochecks|bare> <images> <regions> <outdir>
 * Prints one JSON line: { synthMs, buildMs, maxRssMb, resources }.
 */
import { App, TerraformStack } from 'cdktf';
import { buildBare } from './bare-baseline';
import { SOURCE_REGION, TARGET_REGIONS } from './regions';

function main(): void {
  const [mode, imagesArg, regionsArg, outdir] = process.argv.slice(2);
  const images = Number(imagesArg);
  const regions = TARGET_REGIONS.slice(0, Number(regionsArg));
  const t0 = performance.now();
  // The library is loaded inside the timed process, as in a real synth.
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  if (mode === 'bare') {
    buildBare(stack, images, regions);
  } else {
    const lib = require('../lib');
    for (let i = 0; i < images; i++) {
      new lib.ImageReplication(stack, `Image${i}`, {
        rolloutName: `golden-v${i}`,
        source: {
          imageId: `ocid1.image.oc1.phx.v${i}`, region: SOURCE_REGION, compartmentId: 'ocid1.compartment.oc1..bench',
          operatingSystem: 'Oracle Linux', operatingSystemVersion: '8',
        },
        targets: regions.map((region) => ({ region, compartmentId: 'ocid1.compartment.oc1..bench', compatibleShapes: ['VM.Standard.E4.Flex'] })),
        waves: [
          { name: 'canary', targets: regions.slice(0, 1) },
          ...(regions.length > 1 ? [{ name: 'rest', targets: regions.slice(1) }] : []),
        ],
      });
    }
    if (mode === 'nochecks') lib.CompatChecks.of(stack).disable();
  }
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const resources = stack.node.findAll().filter((c: any) => typeof c.terraformResourceType === 'string' && c.terraformResourceType !== 'oci').length;
  console.log(JSON.stringify({
    buildMs: t1 - t0, synthMs: t2 - t1, maxRssMb: process.resourceUsage().maxRSS / 1024, resources,
  }));
}

main();

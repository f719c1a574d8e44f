import { StackLayout } from '../../lib';
import { World } from '../../test/acceptance/support/world';
import { DEFAULT_MODEL } from './latency-model';
import { measureRollout } from './measure';

async function main() {
  const [images, regions, layout, par, conc] = process.argv.slice(2);
  const world = await World.start();
  try {
    const f = await measureRollout(world, DEFAULT_MODEL, { images: Number(images), regions: Number(regions), layout: layout as StackLayout }, { parallelism: Number(par ?? 10), stackConcurrency: Number(conc ?? 100) });
    console.log(JSON.stringify(f, null, 1));
  } finally { await world.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });

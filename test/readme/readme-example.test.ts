import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { tempDir } from '../support/synth';

/** The README's quick example must run as written (against this checkout's lib/). */
test('the README quick example synthesizes', () => {
  const readme = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const block = /## Quick example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const outdir = tempDir('readme-');
  const code = (block as RegExpExecArray)[1]
    .replace("from 'cdktf-oci-image-transfer'", `from ${JSON.stringify(resolve(__dirname, '..', '..', 'lib'))}`)
    .replace('new App()', `new App({ outdir: ${JSON.stringify(outdir)} })`);
  const file = join(tempDir('readme-src-'), 'example.ts');
  writeFileSync(file, code);
  require(file);
  const stackDir = join(outdir, 'stacks', 'golden-image-rollout');
  expect(existsSync(join(stackDir, 'cdk.tf.json'))).toBe(true);
  expect(existsSync(join(stackDir, 'oci-image-rollout-golden-ol8.json'))).toBe(true);
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(json.resource.oci_core_image)).toHaveLength(3);
});

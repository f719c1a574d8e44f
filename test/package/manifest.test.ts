/**
 * The package manifest and the files around it, checked without packing
 * (fast, so part of `npm test`; test:package checks the packed result).
 */
import { readFileSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { RUNNER_BIN } from '../../lib/export/runner-contract';

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const SDK_PACKAGES = ['oci-common', 'oci-core', 'oci-objectstorage', 'oci-workrequests'];

test('the library has no runtime dependency: jsii accepts only jsii modules there, and the runner bundle carries the SDK', () => {
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.bundledDependencies ?? manifest.bundleDependencies).toBeUndefined();
  expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['cdktf', 'constructs']);
});

test('the SDK the bundle is built from is pinned to one exact version', () => {
  const versions = SDK_PACKAGES.map((name) => manifest.devDependencies[name]);
  expect(versions.every((v) => /^\d+\.\d+\.\d+$/.test(v))).toBe(true);
  expect(new Set(versions).size).toBe(1);
});

test('the bin is the bundle scripts/bundle-runner.js writes, under the name the export step runs', () => {
  expect(manifest.bin).toEqual({ [RUNNER_BIN]: 'dist/runner/oci-image-export.js' });
  expect(readFileSync(join(ROOT, 'scripts', 'bundle-runner.js'), 'utf8')).toContain("join(outDir, 'oci-image-export.js')");
});

test('the runner program ships only as the bundle: its compiled modules are left out of the package', () => {
  // Construct code never imports lib/export/runner (test/architecture/structure.test.ts), so nothing in dist/lib needs them,
  // and the modules that load the OCI SDK must not be reachable outside the bundle.
  const dir = join(ROOT, 'lib', 'export', 'runner');
  const sdk = /from\s*'(?:oci-common|oci-core|oci-objectstorage|oci-workrequests)/;
  expect(readdirSync(dir).some((f) => f.endsWith('.ts') && sdk.test(readFileSync(join(dir, f), 'utf8')))).toBe(true); // the check looks at the right folder
  expect(manifest.files).toContain('!dist/lib/export/runner/**');
});

test('npm pack builds what it ships: the jsii assembly, API.md and the runner bundle', () => {
  expect(manifest.files).toEqual(expect.arrayContaining(['dist/lib', 'dist/runner', '.jsii', 'API.md', 'CHANGELOG.md', 'LICENSE', 'README.md']));
  expect(manifest.scripts.prepack).toMatch(/npm run --silent docs:api && npm run --silent bundle:runner$/);
  expect(manifest.scripts['docs:api']).toMatch(/^npm run --silent build:jsii && jsii-docgen -o API\.md$/);
});

test('Construct Hub metadata: keywords, stability, licence file matching the licence field, Python target', () => {
  expect(manifest.keywords).toEqual(expect.arrayContaining(['cdktf', 'cdk', 'terraform', 'oci', 'oracle-cloud', 'custom-image']));
  expect(manifest.stability).toBe('experimental');
  expect(manifest.license).toBe('Apache-2.0');
  const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  expect(licence).toContain('END OF TERMS AND CONDITIONS');
  expect(Object.keys(manifest.jsii.targets)).toEqual(['python']);
});

test('no placeholder URL: without a public repository, the manifest says so instead of inventing one', () => {
  const urls = [manifest.homepage, manifest.bugs?.url, manifest.author?.url, manifest.repository?.url].filter(Boolean);
  expect(urls.filter((u: string) => /^https?:/.test(u))).toEqual([]);
  expect(manifest.repository.url).toMatch(/^UNPUBLISHED: /);
});

test('CHANGELOG.md keeps an Unreleased section with a Renamed subsection for pre-1.0 renames', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  const unreleased = /## \[Unreleased\]\n([\s\S]*?)(\n## |$)/.exec(changelog);
  expect(unreleased).not.toBeNull();
  const body = (unreleased as RegExpExecArray)[1];
  expect(body).toMatch(/^### Added$/m);
  expect(body).toMatch(/^### Renamed$/m);
});

#!/usr/bin/env node
/**
 * Builds the export runner (`oci-image-export`, the package's bin) into one
 * file, dist/runner/oci-image-export.js, with the official OCI TypeScript SDK
 * inside it. The construct library then has no runtime dependency on the SDK
 * (jsii accepts only jsii modules in `dependencies`, and bundling the SDK's
 * packages cost 39 MB installed); see README "Design notes".
 *
 * Also writes the licence notices of every package inside the bundle next to
 * it (the SDK is UPL-1.0 / Apache-2.0 and its dependencies have their own).
 *
 *   node scripts/bundle-runner.js          # build, print sizes
 */
'use strict';
const esbuild = require('esbuild');
const { mkdirSync, readFileSync, readdirSync, writeFileSync, chmodSync, existsSync } = require('fs');
const { dirname, join, relative } = require('path');
const { gzipSync } = require('zlib');

const root = join(__dirname, '..');
const outDir = join(root, 'dist', 'runner');
const outFile = join(outDir, 'oci-image-export.js');
const noticesFile = join(outDir, 'oci-image-export.licenses.txt');

async function main() {
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['lib/export/runner/cli.ts'],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Whole-file minification halves the size; keepNames keeps function and
    // class names readable in the stack trace of an unexpected error.
    minify: true,
    keepNames: true,
    // Licence texts go into their own file (below), complete.
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  chmodSync(outFile, 0o755);
  writeFileSync(noticesFile, notices(Object.keys(result.metafile.inputs)));

  const bytes = readFileSync(outFile);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`${relative(root, outFile)}: ${kb(bytes.length)} minified, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`);
}

/** The licence text of each npm package that contributed a file to the bundle, sorted by name. */
function notices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const dir = packageDirOf(input);
    if (dir && !packages.has(dir)) packages.set(dir, JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')));
  }
  const sections = [...packages.entries()]
    .sort(([a, pa], [b, pb]) => pa.name.localeCompare(pb.name) || a.localeCompare(b))
    .map(([dir, pkg]) => {
      const texts = readdirSync(join(root, dir))
        .filter((f) => /^(licen[cs]e|copying|notice)(\.|-|$)/i.test(f))
        .sort()
        .map((f) => readFileSync(join(root, dir, f), 'utf8').trim());
      if (texts.length === 0) texts.push(`(no licence file in the package; package.json says: ${JSON.stringify(pkg.license ?? 'nothing')})`);
      return `${pkg.name}@${pkg.version} (${licenseOf(pkg)})\n${'-'.repeat(72)}\n${texts.join('\n\n')}\n`;
    });
  return (
    'oci-image-export.js bundles the following npm packages. Their licences follow.\n' +
    'Package versions are those of the package-lock.json this bundle was built from.\n\n' +
    sections.join('\n')
  );
}

/** `node_modules/a/node_modules/@s/b/lib/x.js` -> `node_modules/a/node_modules/@s/b`; undefined for the runner's own sources. */
function packageDirOf(input) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!m) return undefined;
  // A package may keep a nested package.json (e.g. "type" markers): walk to the one with a name.
  let dir = m[1];
  while (!existsSync(join(root, dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function licenseOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && pkg.license.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'see text';
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

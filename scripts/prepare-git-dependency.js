#!/usr/bin/env node
/**
 * `prepare` hook. npm runs `prepare`, never `prepack`, when it installs this
 * package from a git URL, so without this the install would have no dist/,
 * no .jsii and no runner. npm also runs `prepare` on every local `npm ci`
 * and `npm install`, which must stay fast: build only when npm is packing
 * this directory as a dependency (it then sets npm_package_resolved) and the
 * prepack build has not already run (as it has during `npm pack`).
 */
'use strict';
const { execSync } = require('child_process');
const { existsSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const packingAsDependency = Boolean(process.env.npm_package_resolved);
const built = existsSync(join(root, 'dist', 'runner', 'oci-image-export.js')) && existsSync(join(root, '.jsii'));
if (packingAsDependency && !built) {
  execSync('npm run --silent prepack', { cwd: root, stdio: 'inherit' });
}

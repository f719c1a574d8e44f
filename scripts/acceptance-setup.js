/**
 * Jest globalSetup of `npm run test:acceptance`: starts from no figures, so
 * ACCEPTANCE.md reflects this run only, and installs the provider once
 * (test/acceptance/support/prepare-provider.ts), failing the tier up front
 * with how to provide one when none can be had.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

module.exports = async function acceptanceSetup() {
  fs.rmSync(path.join(ROOT, 'test/.tmp/acceptance-figures'), { recursive: true, force: true });
  require(path.join(ROOT, 'test/support/fake-oci/register-ts.js'));
  const { prepareProvider } = require(path.join(ROOT, 'test/acceptance/support/prepare-provider.ts'));
  const provider = prepareProvider(ROOT);
  process.env.ACCEPTANCE_PROVIDER = provider;
  console.log(`\nacceptance: ${provider}`);
};

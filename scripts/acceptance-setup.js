/** Jest globalSetup of `npm run test:acceptance`: starts from no figures, so ACCEPTANCE.md reflects this run only. */
'use strict';
const fs = require('fs');
const path = require('path');

module.exports = async function acceptanceSetup() {
  fs.rmSync(path.resolve(__dirname, '../test/.tmp/acceptance-figures'), { recursive: true, force: true });
};

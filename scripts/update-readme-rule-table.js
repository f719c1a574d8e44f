#!/usr/bin/env node
// Regenerates the rule table in README.md from the rule registry (run after `npm run build`).
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');
const { RuleCatalog } = require('../dist/lib');

const readme = join(__dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- rule-table:start -->';
const end = '<!-- rule-table:end -->';
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} / ${end} markers`);
writeFileSync(readme, `${text.slice(0, i + start.length)}\n${RuleCatalog.markdownTable()}\n${text.slice(j)}`);
console.log('README rule table updated');

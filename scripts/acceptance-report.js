/**
 * Jest globalTeardown of `npm run test:acceptance`: turns the figures each
 * scenario file wrote (test/.tmp/acceptance-figures/*.json) into
 * ACCEPTANCE.md. Written only after a run of every scenario file, so a
 * single-file run while developing never overwrites the committed figures.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'test/.tmp/acceptance-figures');

module.exports = async function acceptanceReport() {
  const files = fs.readdirSync(path.join(ROOT, 'test/acceptance')).filter((f) => f.endsWith('.acceptance.ts'));
  const expected = files.map((f) => f.replace(/\.acceptance\.ts$/, ''));
  if (!fs.existsSync(DIR)) return;
  const fragments = expected.filter((f) => fs.existsSync(path.join(DIR, `${f}.json`)));
  if (fragments.length !== expected.length) {
    console.log(`acceptance-report: ${fragments.length}/${expected.length} scenario files ran; ACCEPTANCE.md left as it is`);
    return;
  }
  const data = fragments.map((f) => JSON.parse(fs.readFileSync(path.join(DIR, `${f}.json`), 'utf8')));
  const byExample = new Map();
  for (const d of data) for (const e of d.examples) byExample.set(e.example, { ...byExample.get(e.example), ...e });
  // Files run in parallel: order by file, keeping each file's own order.
  const byFile = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const passed = data.flatMap((d) => d.passed).sort(byFile);
  const expectedFailures = data.flatMap((d) => d.expectedFailures || []).sort(byFile);
  const tf = execFileSync('terraform', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  const lines = [
    '# Acceptance',
    '',
    '`npm run test:acceptance` applies every example with the real `oracle/oci`',
    'provider against the HTTPS fake OCI in `test/support/fake-oci/` (a CONNECT',
    'proxy with a test CA: `HTTPS_PROXY` + `custom_cert_location`). The export',
    'step runs the package\'s runner from this checkout. This file is written by',
    'that run; the numbers are counts of API calls the fake answered, not timings.',
    '',
    `Toolchain: ${tf}; provider ${(process.env.ACCEPTANCE_PROVIDER || 'oracle/oci').replace(/ from .*/, '')}.`,
    '',
    '## Per example',
    '',
    '| Example | Stacks | Resources | ExportImage / CopyObject / CreateImage per apply | API calls per apply | API calls per no-op plan |',
    '|---|---|---|---|---|---|',
    ...[...byExample.values()].map((e) => `| ${e.example} | ${e.stacks ?? '–'} | ${e.resources ?? '–'} | ${e.exports ?? '–'} / ${e.copies ?? '–'} / ${e.imports ?? '–'} | ${e.applyCalls ?? '–'} | ${e.planCalls ?? '–'} |`),
    '',
    '## Scenarios passed',
    '',
    '| File | Example | Scenario |',
    '|---|---|---|',
    ...passed.map((p) => `| \`test/acceptance/${p.file}.acceptance.ts\` | ${p.example} | ${p.scenario} |`),
    '',
    ...(expectedFailures.length ? [
      '## Expected failures (`test.failing`: they fail today, and the run fails if one starts passing)',
      '',
      '| File | Example | Scenario | Why |',
      '|---|---|---|---|',
      ...expectedFailures.map((p) => `| \`test/acceptance/${p.file}.acceptance.ts\` | ${p.example} | ${p.scenario} | ${p.reason} |`),
      '',
    ] : []),
  ];
  fs.writeFileSync(path.join(ROOT, 'ACCEPTANCE.md'), lines.join('\n'));
  console.log(`acceptance-report: wrote ACCEPTANCE.md (${passed.length} scenarios passed)`);
};

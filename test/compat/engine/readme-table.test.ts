/** README.md carries the generated rule table, so the documentation cannot drift from the registry. */
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { RuleCatalog } from '../../../lib';

const README = resolve(__dirname, '..', '..', '..', 'README.md');
const START = '<!-- rule-table:start -->';
const END = '<!-- rule-table:end -->';

/** What to paste between the markers, or run `npm run docs:rules` (scripts/update-readme-rule-table.js). */
function howToFix(expected: string): string {
  return [
    'Regenerate it with `npm run docs:rules`, or replace the README section by hand with:',
    '',
    START,
    expected,
    END,
  ].join('\n');
}

test('README.md holds the current RuleCatalog.markdownTable() between the rule-table markers', () => {
  const expected = RuleCatalog.markdownTable();
  if (!existsSync(README)) {
    throw new Error(`README.md is missing at ${README}; it must contain the rule table. ${howToFix(expected)}`);
  }
  const text = readFileSync(README, 'utf8').replace(/\r\n/g, '\n');
  const starts = text.split(START).length - 1;
  const ends = text.split(END).length - 1;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (starts !== 1 || ends !== 1 || end < start) {
    throw new Error(`README.md must contain ${START} and then ${END} exactly once each (found ${starts} and ${ends}). ${howToFix(expected)}`);
  }
  const actual = text.slice(start + START.length, end).trim();
  if (actual !== expected) {
    throw new Error(`The rule table in README.md is out of date. ${howToFix(expected)}`);
  }
  expect(actual).toBe(expected);
});

test('the table has one row per rule, in registry order', () => {
  const rows = RuleCatalog.markdownTable().split('\n').slice(2);
  expect(rows.map((r) => r.split('|')[1].trim())).toEqual(RuleCatalog.all().map((r) => r.id));
});

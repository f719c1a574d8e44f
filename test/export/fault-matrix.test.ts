/** The fault matrix, first half of the classes; plus the size of the matrix and the table in the docs. */
import { join } from 'path';
import { CLASS_ORDER, FAULT_CASES, matrixTable } from './fault-matrix';
import { describeMatrix } from './fault-matrix-runner';
import { expectGeneratedSection } from '../support/generated-section';
import { REPO_ROOT } from '../support/runner-cli';

const FIRST_HALF = new Set(CLASS_ORDER.slice(0, 6));
describeMatrix((c) => FIRST_HALF.has(c.cls));

test('the matrix has at least 80 faults, every class has cases, names are unique', () => {
  expect(FAULT_CASES.length).toBeGreaterThanOrEqual(80);
  for (const cls of CLASS_ORDER) expect(FAULT_CASES.filter((c) => c.cls === cls).length).toBeGreaterThan(0);
  expect(new Set(FAULT_CASES.map((c) => c.name)).size).toBe(FAULT_CASES.length);
});

test('docs/export-runner.md shows the matrix as generated from the cases', () => {
  expectGeneratedSection(
    join(REPO_ROOT, 'docs/export-runner.md'),
    '<!-- fault-matrix:begin (generated from test/export/fault-matrix.ts; UPDATE_FAULT_MATRIX=1 npx jest test/export/fault-matrix.test.ts rewrites it) -->',
    '<!-- fault-matrix:end -->',
    matrixTable(),
  );
});

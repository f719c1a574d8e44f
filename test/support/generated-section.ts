/**
 * A generated table kept in a document between two marker comments: the
 * test fails when the document is out of date, or, with
 * UPDATE_FAULT_MATRIX=1, rewrites the section in place.
 */
import { readFileSync, writeFileSync } from 'fs';

export function expectGeneratedSection(file: string, begin: string, end: string, content: string): void {
  const doc = readFileSync(file, 'utf8');
  const expected = `${begin}\n${content}\n${end}`;
  const current = doc.includes(begin) ? doc.slice(doc.indexOf(begin), doc.indexOf(end) + end.length) : '';
  if (process.env.UPDATE_FAULT_MATRIX === '1' && current) writeFileSync(file, doc.replace(current, expected));
  else expect(current).toBe(expected);
}

/**
 * The shape of lib/ (issue 13): imports only go down the layers, no import
 * cycles, no module-level mutable state, no `instanceof` for identity of
 * cdktf or library types (two copies of cdktf break it: use brands), and no
 * public `kind` discriminators on union-like classes (they `bind()` instead).
 *
 * Read from the source text, so a violation names the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const LIB = join(ROOT, 'lib');

/** Layers, lowest first. A layer may import its own and any lower layer. */
const LAYERS = ['core', 'knowledge', 'storage-url', 'provider', 'compat', 'plan-checks', 'export', 'image', 'replication', 'index'];
/** The export runner is a separate program: it may use the runner contract and the lowest layers only. */
const RUNNER_MAY_IMPORT = ['runner', 'export', 'core', 'storage-url'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(LIB);
const rel = (file: string) => relative(ROOT, file);

function layerOf(file: string): string {
  const parts = relative(LIB, file).split('/');
  if (parts.length === 1) return 'index';
  if (parts[0] === 'export' && parts[1] === 'runner') return 'runner';
  return parts[0];
}

function resolveImport(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try { if (statSync(candidate).isFile()) return candidate; } catch { /* next */ }
  }
  throw new Error(`${rel(from)}: cannot resolve import ${spec}`);
}

/** Relative imports of a file, with their line numbers (type-only imports count: they still couple layers). */
function importsOf(file: string): Array<{ target: string; line: number }> {
  const text = readFileSync(file, 'utf8');
  const found: Array<{ target: string; line: number }> = [];
  for (const m of text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.push({ target: resolveImport(file, m[1]), line: text.slice(0, m.index).split('\n').length });
  }
  return found;
}

/** Lines of non-runner lib/ source (the runner is a program, not construct code), without comments. */
function codeLines(file: string): Array<{ text: string; line: number }> {
  return readFileSync(file, 'utf8').split('\n')
    .map((text, i) => ({ text: text.replace(/\/\/.*$/, ''), line: i + 1 }))
    .filter(({ text }) => !/^\s*(\*|\/\*\*)/.test(text));
}
const CONSTRUCT_FILES = FILES.filter((f) => layerOf(f) !== 'runner');


describe('lib/ structure', () => {
  test('every file belongs to a known layer', () => {
    const unknown = FILES.map(layerOf).filter((l) => l !== 'runner' && !LAYERS.includes(l));
    expect([...new Set(unknown)]).toEqual([]);
  });

  test('imports only go down the layers', () => {
    const upward: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file);
      for (const { target, line } of importsOf(file)) {
        const to = layerOf(target);
        const allowed = from === 'runner'
          ? RUNNER_MAY_IMPORT.includes(to)
          : to !== 'runner' && LAYERS.indexOf(to) <= LAYERS.indexOf(from);
        if (!allowed) upward.push(`${rel(file)}:${line} (${from}) imports ${rel(target)} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('no import cycles', () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f).map((i) => i.target)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    FILES.forEach((f) => state.has(f) || visit(f));
    expect(cycles).toEqual([]);
  });

  test('no module-level mutable state in construct code', () => {
    const found: string[] = [];
    for (const file of CONSTRUCT_FILES) {
      for (const { text, line } of codeLines(file)) {
        // A `ReadonlySet`/`ReadonlyMap` constant is a lookup table, not state.
        if (/:\s*Readonly(Set|Map)</.test(text)) continue;
        if (/^(export )?let\s/.test(text) || /^(export )?const\s+\w+(\s*:\s*[^=]+)?\s*=\s*new\s+(Weak)?(Map|Set)\b/.test(text)) {
          found.push(`${rel(file)}:${line}: ${text.trim()}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('identity by brands, not instanceof (built-in types excepted)', () => {
    const BUILT_INS = ['Error', 'Date', 'RegExp', 'Array', 'Map', 'Set', 'Buffer', 'URL', 'Uint8Array', 'Object', 'Function', 'Promise'];
    const found: string[] = [];
    for (const file of CONSTRUCT_FILES) {
      for (const { text, line } of codeLines(file)) {
        for (const m of text.matchAll(/instanceof\s+([A-Za-z_$][\w$]*)/g)) {
          if (!BUILT_INS.includes(m[1])) found.push(`${rel(file)}:${line}: instanceof ${m[1]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('no public `kind` discriminator on classes', () => {
    const found: string[] = [];
    for (const file of CONSTRUCT_FILES) {
      for (const { text, line } of codeLines(file)) {
        if (/^\s*public\s+(readonly\s+)?kind\b/.test(text) || /^\s*constructor\([^)]*public\s+(readonly\s+)?kind\b/.test(text)) {
          found.push(`${rel(file)}:${line}: ${text.trim()}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

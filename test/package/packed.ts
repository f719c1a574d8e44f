/** Packs this repository with `npm pack` and installs the tarball into an empty project, as a user would. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME: string = require(join(REPO_ROOT, 'package.json')).name;

/** The peers a user installs next to the library (the versions CI tests). */
export const PEERS = ['cdktf@0.21.0', 'constructs@10.7.0'];

export interface PackResult {
  readonly tarball: string;
  /** Size of the .tgz in bytes. */
  readonly size: number;
  /** Paths inside the package, as npm lists them. */
  readonly files: readonly string[];
}

/** Runs a command and fails with its output when it exits non-zero. */
export function run(cmd: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${opts.cwd}) exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r.stdout;
}

/** Temp folders made by pack() and installIntoEmptyProject(); removeTempDirs() deletes them. */
const tempDirs: string[] = [];

function newTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Deletes the temp folders (kept with KEEP_PACKAGE_TEST_DIRS=1, for debugging). */
export function removeTempDirs(): void {
  if (process.env.KEEP_PACKAGE_TEST_DIRS === '1') {
    console.log(`kept ${tempDirs.join(' ')}`);
    return;
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `npm pack` with its lifecycle scripts (prepack builds .jsii, the runner bundle and API.md). */
export function pack(): PackResult {
  const dest = newTempDir('oit-pack-');
  const env = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
  const stdout = run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO_ROOT, env });
  // The prepack scripts print to stdout too; npm's JSON report is the last top-level array.
  const start = stdout.lastIndexOf('\n[\n');
  const report = JSON.parse(start >= 0 ? stdout.slice(start + 1) : stdout)[0];
  return {
    tarball: join(dest, report.filename),
    size: statSync(join(dest, report.filename)).size,
    files: report.files.map((f: { path: string }) => f.path).sort(),
  };
}

/** The README's cdktn set-up: cdktn installed under the name `cdktf`. */
export const CDKTN_PEERS = ['cdktf@npm:cdktn@0.24.0', 'constructs@10.7.0'];

/** A fresh project with the tarball and the peers installed from the npm registry (or npm's cache). */
export function installIntoEmptyProject(tarball: string, peers: readonly string[] = PEERS): string {
  const dir = newTempDir('oit-install-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'package-test-consumer', version: '1.0.0', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...peers], { cwd: dir });
  return dir;
}

/** Total size in bytes of the files under `dir` (what `npm pack` reports as unpacked size). */
export function treeSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += treeSize(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

/** Every file under `dir`, relative to it. */
export function treeFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? treeFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

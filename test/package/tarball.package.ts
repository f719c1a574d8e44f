/**
 * What a user gets from `npm pack`: the tarball is packed once (prepack
 * builds .jsii, the runner bundle and API.md), installed with its peers into
 * an empty project, and checked there: size, file list, no OCI SDK among the
 * installed packages, the README example synthesizes, and the packed runner
 * (`npx --no-install oci-image-export`, the export step's default command)
 * exports an image from the fake OCI.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, posix } from 'path';
import * as ts from 'typescript';
import { RUNNER_EXIT, RUNNER_FLAGS } from '../../lib/export/runner-contract';
import { envNameForFlag } from '../../lib/export/runner/options';
import { BUCKET, Harness, NS, REGION } from '../export/harness';
import { runProcess } from '../support/process';
import { CDKTN_PEERS, PACKAGE_NAME, PackResult, REPO_ROOT, installIntoEmptyProject, pack, removeTempDirs, run, treeFiles, treeSize } from './packed';

/** Issue 13's limits, in bytes (decimal megabytes). */
const MAX_TARBALL_BYTES = 1_000_000;
const MAX_INSTALLED_BYTES = 5_000_000;

const SDK_PACKAGES = ['oci-common', 'oci-core', 'oci-objectstorage', 'oci-workrequests'];
const SDK_NAME = '(oci-common|oci-core|oci-objectstorage|oci-workrequests)(/[^"\']*)?["\']';
const RUNNER_BIN = 'dist/runner/oci-image-export.js';

let apiMdBefore: string | undefined;
let packed: PackResult;
let project: string;
let installed: string;

beforeAll(() => {
  // The apply test below needs terraform; this tier never skips it.
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).error) throw new Error('terraform is not on PATH: npm run test:package needs it');
  const apiMd = join(REPO_ROOT, 'API.md');
  apiMdBefore = existsSync(apiMd) ? readFileSync(apiMd, 'utf8') : undefined;
  packed = pack();
  project = installIntoEmptyProject(packed.tarball);
  installed = join(project, 'node_modules', PACKAGE_NAME);
  // Figures for the record (the report of issue 13 quotes them).
  console.log(
    `tarball ${packed.size} bytes, ${packed.files.length} files; installed ${treeSize(installed)} bytes; ` +
      `runner bundle ${readFileSync(join(installed, RUNNER_BIN)).length} bytes`,
  );
});

afterAll(() => removeTempDirs());

describe('size', () => {
  test(`the tarball is at most ${MAX_TARBALL_BYTES} bytes`, () => {
    expect(packed.size).toBeLessThanOrEqual(MAX_TARBALL_BYTES);
  });

  test(`the installed library (without peers) is at most ${MAX_INSTALLED_BYTES} bytes`, () => {
    expect(treeSize(installed)).toBeLessThanOrEqual(MAX_INSTALLED_BYTES);
  });

  test('installing the library installs no OCI SDK package (the runner bundle carries it)', () => {
    for (const name of SDK_PACKAGES) {
      expect(existsSync(join(project, 'node_modules', name))).toBe(false);
    }
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bundledDependencies ?? manifest.bundleDependencies).toBeUndefined();
  });
});

describe('file list', () => {
  test('ships the assembly, the docs, the licences and both entry points', () => {
    for (const f of [
      '.jsii', 'API.md', 'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json',
      'dist/lib/index.js', 'dist/lib/index.d.ts', RUNNER_BIN, 'dist/runner/oci-image-export.licenses.txt',
    ]) {
      expect(packed.files).toContain(f);
    }
  });

  test('ships nothing but built library files, the runner bundle and the top-level documents', () => {
    const allowed = /^(dist\/lib\/.+\.(js|d\.ts)|dist\/runner\/oci-image-export\.(js|licenses\.txt)|docs\/export-runner\.md|\.jsii|API\.md|CHANGELOG\.md|LICENSE|README\.md|package\.json)$/;
    expect(packed.files.filter((f) => !allowed.test(f))).toEqual([]);
  });

  test('npm installed exactly the packed files', () => {
    expect(treeFiles(installed).sort()).toEqual([...packed.files]);
  });

  test('no shipped library file loads the OCI SDK (only the runner bundle contains it)', () => {
    const load = new RegExp(`(require\\(|import\\()\\s*["']${SDK_NAME}`);
    const offenders = packed.files.filter((f) => f.startsWith('dist/lib/') && f.endsWith('.js') && load.test(readFileSync(join(installed, f), 'utf8')));
    // A new runner module that imports the SDK belongs in package.json's "files" exclusions.
    expect(offenders).toEqual([]);
  });

  test('no type declaration reachable from the library entry point names the OCI SDK', () => {
    const sdkType = new RegExp(`(from|import\\()\\s*["']${SDK_NAME}`);
    const reachable = declarationsReachableFrom('dist/lib/index.d.ts');
    expect(reachable.length).toBeGreaterThan(10);
    expect(reachable.filter((f) => sdkType.test(readFileSync(join(installed, f), 'utf8')))).toEqual([]);
  });

  test('.jsii is the assembly of this package version and API.md documents it', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const assembly = JSON.parse(readFileSync(join(installed, '.jsii'), 'utf8'));
    expect(assembly.schema).toBe('jsii/0.10.0');
    expect([assembly.name, assembly.version]).toEqual([manifest.name, manifest.version]);
    expect(Object.keys(assembly.dependencies ?? {}).sort()).toEqual(['cdktf', 'constructs']);
    const apiMd = readFileSync(join(installed, 'API.md'), 'utf8');
    for (const fqn of Object.keys(assembly.types)) expect(apiMd).toContain(`id="${fqn}"`);
  });

  test('the committed API.md is fresh (npm pack regenerated it without changes)', () => {
    const regenerated = readFileSync(join(REPO_ROOT, 'API.md'), 'utf8');
    if (apiMdBefore !== regenerated) {
      throw new Error('API.md was stale: npm pack (npm run docs:api) has just regenerated it from .jsii; review and commit API.md');
    }
    expect(readFileSync(join(installed, 'API.md'), 'utf8')).toBe(regenerated);
  });
});

describe('in a project that installed the tarball', () => {
  test('the README quick example synthesizes with the export step calling the packed runner', () => {
    const tf = synthReadmeExample(project);
    expect(Object.keys(tf.resource.oci_core_image)).toHaveLength(3);
    expect(JSON.stringify(tf)).toContain('"command":"npx --no-install oci-image-export"');
  });

  test('with cdktn installed as cdktf (README "Using with cdktn"), the same example synthesizes', () => {
    const cdktnProject = installIntoEmptyProject(packed.tarball, CDKTN_PEERS);
    expect(JSON.parse(readFileSync(join(cdktnProject, 'node_modules', 'cdktf', 'package.json'), 'utf8')).name).toBe('cdktn');
    const tf = synthReadmeExample(cdktnProject);
    expect(Object.keys(tf.resource.oci_core_image)).toHaveLength(3);
    expect(tf['//'].metadata.version).toBe('0.24.0');
  });

  test('`npx --no-install oci-image-export --help` exits 0 with the usage', async () => {
    const r = await runProcess('npx', ['--no-install', 'oci-image-export', '--help'], { cwd: project, env: userEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: oci-image-export /);
  });

  describe('against the fake OCI', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await Harness.start();
    });
    afterAll(() => h.stop());

    test('the packed runner exports with a signed request (API key config) and verifies the object', async () => {
      const image = h.image({ exportPolls: 2 });
      const name = 'packed/signed.oci';
      const r = await runProcess('npx', ['--no-install', 'oci-image-export', ...h.tupleArgs(image.id, name)], { cwd: project, env: userEnv() });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(RUNNER_EXIT.OK);
      expect(r.stdout).toMatch(/verified: a fresh object exists/);
      expect(h.object(name)).toBeDefined();
      expect(h.object(`${name}.export.json`)).toBeDefined();
    });

    test('terraform apply in the project runs the export step with its default command and the packed runner', async () => {
      const image = h.image({ exportPolls: 2 });
      const name = 'packed/terraform.oci';
      const env = (flag: string) => JSON.stringify(envNameForFlag(flag));
      // A user's program: the default runner (`npx --no-install oci-image-export`), pointed at the fake.
      writeFileSync(join(project, 'export-stack.js'), [
        "const { App, TerraformStack } = require('cdktf');",
        `const { ExportDestination, ExportedImage, ExportRunner, TransitBucket } = require(${JSON.stringify(PACKAGE_NAME)});`,
        // The fake answers in milliseconds: the internal test-timing context lifts the synth bounds on polling.
        "const app = new App({ outdir: 'cdktf.out', context: { 'cdktf-oci-image-transfer:internal-test-timing': true } });",
        "const stack = new TerraformStack(app, 'export');",
        `const bucket = TransitBucket.fromBucketAttributes(stack, 'Bucket', { namespaceName: '${NS}', bucketName: '${BUCKET}', region: '${REGION}' });`,
        'const runner = ExportRunner.nodeSdk({ environment: {',
        `  [${env(RUNNER_FLAGS.configFile)}]: ${JSON.stringify(h.creds.configFile)},`,
        `  [${env(RUNNER_FLAGS.computeEndpoint)}]: ${JSON.stringify(h.url)},`,
        `  [${env(RUNNER_FLAGS.objectStorageEndpoint)}]: ${JSON.stringify(h.url)},`,
        '} });',
        "new ExportedImage(stack, 'Export', {",
        `  image: { imageId: ${JSON.stringify(image.id)}, region: '${REGION}' }, destination: ExportDestination.toBucket(bucket),`,
        `  objectName: '${name}', pollSeconds: 0.05, timeoutMinutes: 1, runner,`,
        '});',
        'app.synth();',
      ].join('\n'));
      run(process.execPath, ['export-stack.js'], { cwd: project });
      const tf = JSON.parse(readFileSync(join(project, 'cdktf.out', 'stacks', 'export', 'cdk.tf.json'), 'utf8'));
      delete tf.terraform.backend; // apply in place, without `terraform init`: builtin resources need no provider
      writeFileSync(join(project, 'main.tf.json'), JSON.stringify(tf, null, 2));
      writeFileSync(join(project, 'empty.tfrc'), '');

      const apply = await runProcess('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], {
        cwd: project,
        env: { ...userEnv(), TF_CLI_CONFIG_FILE: join(project, 'empty.tfrc'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
      });
      expect(apply.stderr).toBe('');
      expect(apply.code).toBe(0);
      expect(apply.stdout).toMatch(/Export_ExportStep_\w+ \(local-exec\): Executing: \["\/bin\/sh" "-c" "npx --no-install oci-image-export"\]/);
      expect(apply.stdout).toMatch(/\(local-exec\): oci-image-export: verified: a fresh object exists/);
      expect(h.object(name)).toBeDefined();
    });

    test('the packed runner exports through a PAR given in the environment (unsigned requests)', async () => {
      const image = h.image({ exportPolls: 1 });
      const name = 'packed/par.oci';
      const par = h.parUrl(name);
      const r = await runProcess('npx', ['--no-install', 'oci-image-export', ...h.commonArgs(image.id)], {
        cwd: project,
        env: { ...userEnv(), OCI_IMAGE_EXPORT_DESTINATION_URI: par.url },
      });
      expect(r.code).toBe(RUNNER_EXIT.OK);
      expect(`${r.stdout}\n${r.stderr}`).not.toContain(par.token);
      expect(h.object(name)).toBeDefined();
    });
  });
});

/** What local-exec passes on: PATH and HOME (npx needs a home for its cache), nothing of the test's own environment. */
function userEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME };
}

/** The packed .d.ts files a consumer's compiler reads, following relative imports from `entry`. */
function declarationsReachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(installed, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const base = posix.join(posix.dirname(file), m[1]);
      const next = [`${base}.d.ts`, `${base}/index.d.ts`].find((c) => packed.files.includes(c));
      if (!next) throw new Error(`${file} imports ${m[1]}, which the package does not ship`);
      queue.push(next);
    }
  }
  return [...seen];
}

/** Runs the README's quick example as plain JavaScript in `dir` and returns the stack's cdk.tf.json. */
function synthReadmeExample(dir: string): any {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /## Quick example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const source = (block as RegExpExecArray)[1].replace('new App()', "new App({ outdir: 'cdktf.out' })");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  writeFileSync(join(dir, 'main.js'), js);
  run(process.execPath, ['main.js'], { cwd: dir });
  return JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'golden-image-rollout', 'cdk.tf.json'), 'utf8'));
}

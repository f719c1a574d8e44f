/** Shared set-up for the runner tests: fake endpoint, credentials, argv builders, output capture. */
import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import { join, resolve } from 'path';
import { main } from '../../lib/export/runner/main';
import { RunnerDeps } from '../../lib/export/runner/run';
import { TestCredentials, createTestCredentials } from '../support/fake-oci/credentials';
import { FakeImage, FakeOci } from '../support/fake-oci/server';

export const REGION = 'eu-frankfurt-1';
export const NS = 'fakens';
export const BUCKET = 'transit';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Harness {
  static async start(): Promise<Harness> {
    const creds = createTestCredentials();
    return new Harness(creds, await FakeOci.start({ publicKeyPem: creds.publicKeyPem, keyId: creds.keyId }));
  }

  /** Every line any run printed, for the secret scan. */
  readonly allOutput: string[] = [];
  private seq = 0;

  private constructor(readonly creds: TestCredentials, readonly fake: FakeOci) {}

  /** Temp dirs removed by stop(). */
  readonly tempDirs: string[] = [];

  async stop(): Promise<void> {
    await this.fake.stop();
    for (const dir of [this.creds.dir, ...this.tempDirs]) rmSync(dir, { recursive: true, force: true });
  }

  /** A fresh custom image in the fake. */
  image(overrides: Partial<FakeImage> = {}): FakeImage {
    const id = `ocid1.image.oc1.${REGION}.aaaa${(++this.seq).toString().padStart(4, '0')}${randomBytes(6).toString('hex')}`;
    return this.fake.addImage({ id, compartmentId: 'ocid1.compartment.oc1..aaaaapps', lifecycleState: 'AVAILABLE', ...overrides });
  }

  /** Flags shared by every run: the fake's endpoints, the test config file, fast polls. */
  commonArgs(imageId: string): string[] {
    return [
      '--image-id', imageId,
      '--region', REGION,
      '--config-file', this.creds.configFile,
      '--compute-endpoint', this.fake.url,
      '--object-storage-endpoint', this.fake.url,
      '--poll-seconds', '0.01',
    ];
  }

  tupleArgs(imageId: string, objectName: string): string[] {
    return [...this.commonArgs(imageId), '--namespace', NS, '--bucket', BUCKET, '--object-name', objectName];
  }

  /** A bucket-level read/write PAR URL for `objectName` (F-52: /o/<object> appended). */
  parUrl(objectName: string, access: { read?: boolean; write?: boolean; objectLevel?: boolean } = {}): { url: string; token: string } {
    const token = `PARtok${randomBytes(24).toString('base64url')}`;
    const base = this.fake.addPar({
      token,
      namespace: NS,
      bucket: BUCKET,
      objectName: access.objectLevel ? objectName : undefined,
      read: access.read ?? true,
      write: access.write ?? true,
    });
    return { url: access.objectLevel ? base : base + encodeURIComponent(objectName), token };
  }

  /** Runs the CLI logic in-process with fast, deterministic retry backoff. */
  async run(argv: string[], env: Record<string, string | undefined> = {}, deps: RunnerDeps = {}): Promise<RunResult> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, env, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, {
      retryPolicy: { baseMs: 5, maxMs: 20, random: () => 0.5 },
      ...deps,
    });
    this.allOutput.push(...out, ...err);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
}

/** argv with `flag` set to `value` (replaced if present, appended otherwise). */
export function withFlag(argv: readonly string[], flag: string, value: string): string[] {
  const out = [...argv];
  const i = out.indexOf(flag);
  if (i >= 0) out[i + 1] = value;
  else out.push(flag, value);
  return out;
}

export const REPO_ROOT = resolve(__dirname, '../..');
export const CLI_TS = join(REPO_ROOT, 'lib/export/runner/cli.ts');
/** Require hook that transpiles the TypeScript sources on load: no build step needed after `npm ci`. */
export const REGISTER_TS = join(REPO_ROOT, 'test/support/fake-oci/register-ts.js');

/** Node arguments that start the runner CLI from its TypeScript source. */
export function cliCommand(): string[] {
  return [process.execPath, '--require', REGISTER_TS, CLI_TS];
}

/** Runs a process without blocking the event loop (the fake endpoint lives in this process). */
export function runProcess(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

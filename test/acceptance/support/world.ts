/**
 * One acceptance run's world: the HTTPS fake OCI, a throwaway HOME with an
 * OCI config file (API key generated here, made-up OCIDs, one profile per
 * tenancy the examples name), the Terraform CLI config, and helpers that run
 * `terraform` in a synthesized stack directory against the fake.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FakeCloud } from '../../support/fake-oci/cloud';
import { generateApiKey } from '../../support/fake-oci/credentials';
import { FakeOciProxy } from '../../support/fake-oci/proxy';
import { runProcess } from '../../support/process';
import { REPO_ROOT } from '../../support/runner-cli';
import { PLUGIN_CACHE } from './prepare-provider';
import { findProviderMirror, requireTerraform, writeCliConfig } from './provider-mirror';

export const HOME_TENANCY = 'ocid1.tenancy.oc1..aaaaaaaahometenancy';
export const PARTNER_TENANCY = 'ocid1.tenancy.oc1..aaaaaaaapartnertenancy';

export interface TfResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class World {
  static async start(): Promise<World> {
    requireTerraform();
    const mirror = findProviderMirror(REPO_ROOT);
    const root = mkdtempSync(join(tmpdir(), 'oci-acceptance-'));
    const fake = await FakeOciProxy.start(new FakeCloud());
    return new World(root, mirror, fake);
  }

  readonly home: string;
  readonly cliConfig: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(readonly root: string, mirror: string | undefined, readonly fake: FakeOciProxy) {
    this.home = join(root, 'home');
    mkdirSync(join(this.home, '.oci'), { recursive: true });
    const cache = PLUGIN_CACHE;
    mkdirSync(cache, { recursive: true });
    this.cliConfig = writeCliConfig(root, mirror, cache);
    writeOciConfig(this.home);
    this.env = {
      PATH: process.env.PATH,
      HOME: this.home,
      // The provider and Go SDK read ~/.oci/config from the user database, not $HOME.
      TF_HOME_OVERRIDE: this.home,
      OCI_CONFIG_FILE: join(this.home, '.oci', 'config'),
      TMPDIR: process.env.TMPDIR,
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: '1',
      HTTPS_PROXY: fake.proxyUrl,
      https_proxy: fake.proxyUrl,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      custom_cert_location: fake.caFile,
      NODE_EXTRA_CA_CERTS: fake.caFile,
      ...(process.env.ACCEPTANCE_TF_LOG ? { TF_LOG: process.env.ACCEPTANCE_TF_LOG, TF_LOG_PATH: join(root, 'terraform.log') } : {}),
    };
  }

  get cloud(): FakeCloud {
    return this.fake.cloud;
  }

  async stop(): Promise<void> {
    await this.fake.stop();
    if (!process.env.ACCEPTANCE_KEEP) rmSync(this.root, { recursive: true, force: true });
  }

  /** A fresh directory under this run's root. */
  dir(name: string): string {
    const d = mkdtempSync(join(this.root, `${name}-`));
    return d;
  }

  terraform(cwd: string, args: readonly string[]): Promise<TfResult> {
    return runProcess('terraform', args, { cwd, env: this.env });
  }

  async init(cwd: string): Promise<void> {
    const r = await this.terraform(cwd, ['init', '-input=false', '-no-color']);
    if (r.code !== 0) throw new Error(`terraform init failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  }

  apply(cwd: string, vars: Record<string, string> = {}): Promise<TfResult> {
    return this.terraform(cwd, ['apply', '-input=false', '-no-color', '-auto-approve', ...varArgs(vars)]);
  }

  /** apply that must succeed: fails the test with Terraform's output otherwise. */
  async applyOk(cwd: string, vars: Record<string, string> = {}): Promise<TfResult> {
    const r = await this.apply(cwd, vars);
    if (r.code !== 0) throw new Error(`terraform apply failed (exit ${r.code}) in ${cwd}:\n${r.stderr}\n${r.stdout.slice(-4000)}`);
    return r;
  }

  /** `plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error. */
  plan(cwd: string, vars: Record<string, string> = {}): Promise<TfResult> {
    return this.terraform(cwd, ['plan', '-input=false', '-no-color', '-detailed-exitcode', ...varArgs(vars)]);
  }

  destroy(cwd: string, vars: Record<string, string> = {}): Promise<TfResult> {
    return this.terraform(cwd, ['destroy', '-input=false', '-no-color', '-auto-approve', ...varArgs(vars)]);
  }

  /** Resource addresses in the stack's state. */
  async stateList(cwd: string): Promise<string[]> {
    const r = await this.terraform(cwd, ['state', 'list']);
    if (r.code !== 0) return [];
    return r.stdout.split('\n').filter(Boolean).sort();
  }
}

function varArgs(vars: Record<string, string>): string[] {
  return Object.entries(vars).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
}

/** ~/.oci/config with DEFAULT and the profiles the examples name (SOURCE, TARGET, PARTNER), one generated key. */
function writeOciConfig(home: string): void {
  const { privateKeyPem, fingerprint } = generateApiKey();
  const keyFile = join(home, '.oci', 'api_key.pem');
  writeFileSync(keyFile, privateKeyPem, { mode: 0o600 });
  const profile = (name: string, tenancy: string) => [
    `[${name}]`, `user=ocid1.user.oc1..aaaaaaaafakeuser${name.toLowerCase()}`, `fingerprint=${fingerprint}`, `tenancy=${tenancy}`,
    'region=us-ashburn-1', `key_file=${keyFile}`, '',
  ];
  writeFileSync(join(home, '.oci', 'config'), [
    ...profile('DEFAULT', HOME_TENANCY), ...profile('SOURCE', HOME_TENANCY), ...profile('TARGET', PARTNER_TENANCY), ...profile('PARTNER', PARTNER_TENANCY),
  ].join('\n'), { mode: 0o600 });
}

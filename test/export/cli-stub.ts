/** A stub `oci` CLI in a temp directory (test/support/fake-oci/oci-cli-stub.sh) and a runner of the oci CLI script against it. */
import { createHash } from 'crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ociCliExportScript } from '../../lib/export/oci-cli-script';
import { REPO_ROOT } from '../support/runner-cli';
import { RunResult, runProcess } from '../support/process';

export const IMAGE = 'ocid1.image.oc1.eu-frankfurt-1.aaaascript';
export const BASE: Record<string, string> = {
  OCI_IMAGE_EXPORT_IMAGE_ID: IMAGE,
  OCI_IMAGE_EXPORT_REGION: 'eu-frankfurt-1',
  OCI_IMAGE_EXPORT_NAMESPACE: 'ns',
  OCI_IMAGE_EXPORT_BUCKET: 'transit',
  OCI_IMAGE_EXPORT_OBJECT_NAME: 'img/app.oci',
  OCI_IMAGE_EXPORT_POLL_SECONDS: '0.01',
};
export const TUPLE_KEYS = ['OCI_IMAGE_EXPORT_NAMESPACE', 'OCI_IMAGE_EXPORT_BUCKET', 'OCI_IMAGE_EXPORT_OBJECT_NAME'];
const dirs: string[] = [];
/** Removes every stub directory made so far. */
export function removeStubs(): void {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

export interface StubImage {
  state?: string;
  compartment?: string;
  polls?: number;
  outcome?: 'object' | 'no-object' | 'never' | 'empty' | 'stale';
  refuse?: boolean;
  busy?: number;
  /** Failures every call of `<group>_<verb>` gives, e.g. { image_get: 'ServiceError: …' }. */
  faults?: Record<string, string>;
}

export interface Stub {
  dir: string;
  run(env?: Record<string, string | undefined>): Promise<RunResult>;
  file(name: string): string;
  /** The `os object head` JSON the stub holds for an object, if any. */
  object(name: string): string | undefined;
  /** Each `oci` call's exact arguments. */
  calls(): string[][];
}

/** A fresh stub directory with an `oci` on PATH whose behaviour is set by `image`. */
export function stub(image: StubImage = {}): Stub {
  const dir = mkdtempSync(join(tmpdir(), 'oci-cli-stub-'));
  dirs.push(dir);
  copyFileSync(join(REPO_ROOT, 'test/support/fake-oci/oci-cli-stub.sh'), join(dir, 'oci'));
  chmodSync(join(dir, 'oci'), 0o755);
  const state: Record<string, string> = {
    state: image.state ?? 'AVAILABLE',
    compartment: image.compartment ?? 'ocid1.compartment.oc1..apps',
    polls_left: String(image.polls ?? 2),
    outcome: image.outcome ?? 'object',
    busy: String(image.busy ?? 0),
  };
  for (const [k, v] of Object.entries(state)) writeFileSync(join(dir, k), `${v}\n`);
  if (image.refuse) writeFileSync(join(dir, 'refuse'), '');
  for (const [k, v] of Object.entries(image.faults ?? {})) writeFileSync(join(dir, `fault_${k}`), v);
  const objectFile = (name: string) => join(dir, 'objects', md5(name));
  return {
    dir,
    file: (name) => join(dir, name),
    object: (name) => (existsSync(objectFile(name)) ? readFileSync(objectFile(name), 'utf8') : undefined),
    calls: () => {
      const d = join(dir, 'calls');
      if (!existsSync(d)) return [];
      return readdirSync(d).sort((a, b) => Number(a) - Number(b)).map((f) => readFileSync(join(d, f), 'utf8').split('\0').slice(0, -1));
    },
    async run(env = {}) {
      const script = join(dir, 'export.sh');
      writeFileSync(script, ociCliExportScript());
      const merged: Record<string, string> = { PATH: `${dir}:${process.env.PATH}`, STUB_DIR: dir };
      for (const [k, v] of Object.entries({ ...BASE, ...env })) if (v !== undefined) merged[k] = v;
      return runProcess('sh', [script], { env: merged });
    },
  };
}


/** The stub's file name for an object (md5 of the name keeps long names within file name limits). */
export function md5(name: string): string {
  return createHash('md5').update(name, 'utf8').digest('hex');
}

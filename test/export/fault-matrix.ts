/**
 * The fault matrix of the Node export runner: each case injects one fault
 * (or one combination) into the fake OCI endpoint and names the exit code
 * the runner must give. fault-matrix.test.ts runs every case and checks the
 * invariants; docs/export-runner.md shows the table generated from here.
 */
import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RUNNER_EXIT } from '../../lib/export/runner-contract';
import { MARKER_META, markerMetadata, markerObjectName } from '../../lib/export/runner/idempotency';
import { FakeImage } from '../support/fake-oci/cloud';
import { generateApiKey } from '../support/fake-oci/credentials';
import { Harness, Operation } from './harness';
import { RunResult } from '../support/process';

export type FaultClass =
  | 'auth and credentials' | 'other 4xx' | '409 busy' | '429 throttling' | '5xx' | 'connection reset' | 'slow and hung'
  | 'work request failed or stuck' | 'object missing, stale or empty' | 'marker lying' | 'clock skew' | 'concurrent runs'
  | 'PAR destination';

export interface CaseContext {
  readonly h: Harness;
  readonly image: FakeImage;
  readonly objectName: string;
  /** argv for this case (tuple or PAR); setup may replace it. */
  argv: string[];
  env: Record<string, string>;
  /** Secrets this case introduces (PAR token and URL); never to be printed. */
  readonly secrets: string[];
  run(argv?: string[], env?: Record<string, string>): Promise<RunResult>;
}

export interface FaultCase {
  readonly cls: FaultClass;
  readonly name: string;
  readonly exit: number;
  readonly image?: Partial<FakeImage>;
  /** Export through a PAR (read/write, bucket level unless said otherwise). */
  readonly par?: { read?: boolean; write?: boolean; objectLevel?: boolean };
  /** Overall timeout in minutes (small for faults that never end). @default 0.5 */
  readonly timeoutMinutes?: number;
  readonly setup?: (c: CaseContext) => void | Promise<void>;
  /** Replaces the single run (e.g. concurrent runs); returns every result, the first one is checked against `exit`. */
  readonly run?: (c: CaseContext) => Promise<RunResult[]>;
  /** A line the output must contain. */
  readonly says?: RegExp;
  /** On success, the run must not have exported (a verified earlier export was recognised). */
  readonly noNewExport?: boolean;
}

const E = RUNNER_EXIT;
const FOREVER = 1_000_000;
const SHORT = 0.003; // minutes (180 ms): for faults that never end
const OPS: Operation[] = ['GetImage', 'ExportImage', 'GetWorkRequest', 'HeadObject', 'PutObject'];

const inject = (op: Operation, status: number, times: number, details: { code?: string; message?: string; delayMs?: number } = {}) =>
  (c: CaseContext) => c.h.inject(op, status, times, details);

/** A config file of its own for credential faults. */
function credentialsCase(c: CaseContext, write: (dir: string) => { config: string; profile?: string }): void {
  const dir = mkdtempSync(join(tmpdir(), 'oci-export-badcreds-'));
  c.h.tempDirs.push(dir);
  const { config, profile } = write(dir);
  const at = (flag: string) => c.argv.indexOf(flag);
  c.argv[at('--config-file') + 1] = config;
  if (profile) c.argv.push('--profile', profile);
}

function configText(keyFile: string, extra: string[] = [], fingerprint = '11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00'): string {
  return ['[DEFAULT]', 'user=ocid1.user.oc1..u', `fingerprint=${fingerprint}`, 'tenancy=ocid1.tenancy.oc1..t', 'region=eu-frankfurt-1', `key_file=${keyFile}`, ...extra, ''].join('\n');
}

function encryptedKey(dir: string): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'the-right-one' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const file = join(dir, 'enc.pem');
  writeFileSync(file, privateKey, { mode: 0o600 });
  return file;
}

/** A marker next to the object, written by the test (a lying or stale marker). */
function seedMarker(c: CaseContext, meta: Record<string, string>): void {
  c.h.seedObject(markerObjectName(c.objectName), { size: 200, meta });
}

/** An earlier verified export of this image (the case then tampers with it). */
async function earlierExport(c: CaseContext): Promise<void> {
  const r = await c.run();
  if (r.code !== 0) throw new Error(`set-up export failed: ${r.stderr}`);
}

function cases(): FaultCase[] {
  const out: FaultCase[] = [];
  const add = (c: FaultCase) => out.push(c);

  // auth and credentials
  for (const op of ['GetImage', 'ExportImage', 'GetWorkRequest'] as Operation[]) {
    add({ cls: 'auth and credentials', name: `401 NotAuthenticated on ${op}`, exit: E.AUTH, setup: inject(op, 401, FOREVER, { code: 'NotAuthenticated' }), says: /authentication failed/ });
    add({ cls: 'auth and credentials', name: `404 NotAuthorizedOrNotFound on ${op}`, exit: E.AUTH, setup: inject(op, 404, FOREVER, { code: 'NotAuthorizedOrNotFound' }), says: /not found or not authorised/ });
  }
  add({ cls: 'auth and credentials', name: '403 on ExportImage (no permission to export)', exit: E.AUTH, setup: inject('ExportImage', 403, FOREVER, { code: 'NotAllowed' }) });
  add({ cls: 'auth and credentials', name: '401 on every HeadObject', exit: E.AUTH, setup: inject('HeadObject', 401, FOREVER, { code: 'NotAuthenticated' }) });
  add({ cls: 'auth and credentials', name: 'image unknown to the service', exit: E.AUTH, setup: (c) => { c.argv[c.argv.indexOf('--image-id') + 1] = 'ocid1.image.oc1.eu-frankfurt-1.unknown'; } });
  add({ cls: 'auth and credentials', name: 'a key the service does not know', exit: E.AUTH,
    setup: (c) => credentialsCase(c, (dir) => {
      writeFileSync(join(dir, 'k.pem'), generateApiKey().privateKeyPem, { mode: 0o600 });
      writeFileSync(join(dir, 'config'), configText(join(dir, 'k.pem')));
      return { config: join(dir, 'config') };
    }) });
  add({ cls: 'auth and credentials', name: 'encrypted key, no pass_phrase', exit: E.AUTH, says: /encrypted and no pass_phrase/,
    setup: (c) => credentialsCase(c, (dir) => { writeFileSync(join(dir, 'config'), configText(encryptedKey(dir))); return { config: join(dir, 'config') }; }) });
  add({ cls: 'auth and credentials', name: 'encrypted key, wrong pass_phrase', exit: E.AUTH, says: /pass_phrase does not decrypt/,
    setup: (c) => credentialsCase(c, (dir) => { writeFileSync(join(dir, 'config'), configText(encryptedKey(dir), ['pass_phrase=wrong'])); return { config: join(dir, 'config') }; }) });
  add({ cls: 'auth and credentials', name: 'key file is not a key', exit: E.AUTH, says: /not a PEM private key/,
    setup: (c) => credentialsCase(c, (dir) => {
      writeFileSync(join(dir, 'k.pem'), '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
      writeFileSync(join(dir, 'config'), configText(join(dir, 'k.pem')));
      return { config: join(dir, 'config') };
    }) });
  add({ cls: 'auth and credentials', name: 'key file missing', exit: E.AUTH,
    setup: (c) => credentialsCase(c, (dir) => { writeFileSync(join(dir, 'config'), configText(join(dir, 'absent.pem'))); return { config: join(dir, 'config') }; }) });
  add({ cls: 'auth and credentials', name: 'config file missing', exit: E.AUTH, setup: (c) => credentialsCase(c, (dir) => ({ config: join(dir, 'absent') })) });
  add({ cls: 'auth and credentials', name: 'profile missing from the config', exit: E.AUTH,
    setup: (c) => credentialsCase(c, (dir) => { writeFileSync(join(dir, 'config'), configText(c.h.creds.keyFile)); return { config: join(dir, 'config'), profile: 'NOPE' }; }) });

  // other 4xx
  add({ cls: 'other 4xx', name: 'platform or Marketplace image (no compartment)', exit: E.NOT_EXPORTABLE, image: { compartmentId: null } });
  add({ cls: 'other 4xx', name: 'ExportImage 400 (custom image from a Marketplace image)', exit: E.NOT_EXPORTABLE,
    image: { baseImageId: 'ocid1.image.oc1..mkt', exportRefusal: { status: 400, code: 'InvalidParameter', message: 'Image cannot be exported.' } } });
  add({ cls: 'other 4xx', name: 'image DELETED', exit: E.NOT_EXPORTABLE, image: { lifecycleState: 'DELETED' } });
  add({ cls: 'other 4xx', name: 'image DISABLED', exit: E.NOT_EXPORTABLE, image: { lifecycleState: 'DISABLED' } });
  add({ cls: 'other 4xx', name: '412 on ExportImage', exit: E.UNEXPECTED, setup: inject('ExportImage', 412, FOREVER, { code: 'PreconditionFailed' }) });
  add({ cls: 'other 4xx', name: '400 on GetWorkRequest', exit: E.UNEXPECTED, setup: inject('GetWorkRequest', 400, FOREVER, { code: 'InvalidParameter' }) });
  add({ cls: 'other 4xx', name: '413 on the marker PutObject (warning only)', exit: E.OK, setup: inject('PutObject', 413, FOREVER), says: /could not write the marker object/ });
  add({ cls: 'other 4xx', name: '403 on the marker PutObject (warning only)', exit: E.OK, setup: inject('PutObject', 403, FOREVER), says: /could not write the marker object/ });

  // 409 busy
  for (const n of [1, 3]) add({ cls: '409 busy', name: `ExportImage 409 x${n}, then accepted`, exit: E.OK, setup: inject('ExportImage', 409, n, { code: 'Conflict' }), says: /the image is busy/ });
  add({ cls: '409 busy', name: 'ExportImage 409 until the timeout', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('ExportImage', 409, FOREVER, { code: 'Conflict' }) });
  add({ cls: '409 busy', name: 'ExportImage 409 IncorrectState x2, then accepted', exit: E.OK, setup: inject('ExportImage', 409, 2, { code: 'IncorrectState', message: 'Image is in state EXPORTING' }) });
  add({ cls: '409 busy', name: 'another export of the image runs at the same time (real 409 from the fake)', exit: E.OK,
    run: async (c) => { c.image.exportPolls = 4; return Promise.all([c.run(), c.run(c.argv.map((a) => (a === c.objectName ? `${c.objectName}.other` : a)))]); } });

  // 429 throttling
  for (const op of OPS) add({ cls: '429 throttling', name: `429 x3 on ${op}`, exit: E.OK, setup: inject(op, 429, 3) });
  add({ cls: '429 throttling', name: '429 x2 on ListWorkRequestErrors of a failed export', exit: E.EXPORT_FAILED, image: { exportOutcome: 'failed' }, setup: inject('ListWorkRequestErrors', 429, 2) });
  for (const op of ['GetImage', 'ExportImage', 'GetWorkRequest'] as Operation[]) {
    add({ cls: '429 throttling', name: `429 on ${op} until the timeout`, exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject(op, 429, FOREVER) });
  }
  // The export itself must finish inside the timeout here: 1.2 s, not SHORT, so a loaded machine does not time out before the marker.
  add({ cls: '429 throttling', name: '429 on the marker PutObject until the timeout (warning only)', exit: E.OK, timeoutMinutes: 0.02, setup: inject('PutObject', 429, FOREVER), says: /could not write the marker/ });

  // 5xx
  for (const status of [500, 502, 503, 504]) {
    for (const op of OPS) add({ cls: '5xx', name: `${status} x2 on ${op}`, exit: E.OK, setup: inject(op, status, 2) });
  }
  add({ cls: '5xx', name: '500 on ExportImage until the timeout', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('ExportImage', 500, FOREVER) });
  add({ cls: '5xx', name: '503 on every HeadObject until the timeout', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('HeadObject', 503, FOREVER) });

  // connection reset
  for (const op of OPS) add({ cls: 'connection reset', name: `reset x2 on ${op}`, exit: E.OK, setup: inject(op, -1, 2) });
  add({ cls: 'connection reset', name: 'reset on GetImage until the timeout', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('GetImage', -1, FOREVER) });
  add({ cls: 'connection reset', name: 'reset on GetWorkRequest until the timeout', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('GetWorkRequest', -1, FOREVER) });

  // slow and hung
  for (const op of OPS) add({ cls: 'slow and hung', name: `${op} answers after 150 ms (x2)`, exit: E.OK, setup: inject(op, 200, 2, { delayMs: 150 }) });
  add({ cls: 'slow and hung', name: 'ExportImage never answers', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('ExportImage', 0, 1) });
  add({ cls: 'slow and hung', name: 'GetWorkRequest never answers', exit: E.TIMEOUT, timeoutMinutes: SHORT, setup: inject('GetWorkRequest', 0, 1) });
  add({ cls: 'slow and hung', name: 'the final HeadObject never answers', exit: E.TIMEOUT, timeoutMinutes: 0.005, setup: (c) => { c.h.inject('HeadObject', 200, 1, { delayMs: 0 }); c.h.inject('HeadObject', 0, 1); } });

  // work request failed or stuck
  add({ cls: 'work request failed or stuck', name: 'work request FAILED', exit: E.EXPORT_FAILED, image: { exportOutcome: 'failed' }, says: /work request ended FAILED/ });
  add({ cls: 'work request failed or stuck', name: 'work request CANCELED', exit: E.EXPORT_FAILED, image: { exportOutcome: 'canceled' }, says: /work request ended CANCELED/ });
  add({ cls: 'work request failed or stuck', name: 'image deleted during the export', exit: E.EXPORT_FAILED, image: { exportOutcome: 'deleted' } });
  add({ cls: 'work request failed or stuck', name: 'work request stuck IN_PROGRESS', exit: E.TIMEOUT, timeoutMinutes: SHORT, image: { exportOutcome: 'never' } });
  add({ cls: 'work request failed or stuck', name: 'image stuck IMPORTING before the export', exit: E.TIMEOUT, timeoutMinutes: SHORT, image: { lifecycleState: 'IMPORTING', settlingPolls: FOREVER } });
  add({ cls: 'work request failed or stuck', name: 'image IMPORTING for a few polls, then exported', exit: E.OK, image: { lifecycleState: 'IMPORTING', settlingPolls: 3 } });

  // object missing, stale or empty
  add({ cls: 'object missing, stale or empty', name: 'SUCCEEDED but no object', exit: E.EXPORT_FAILED, image: { exportOutcome: 'no-object' }, says: /does not exist, so the export failed/ });
  add({ cls: 'object missing, stale or empty', name: 'SUCCEEDED with a 0-byte object', exit: E.EXPORT_FAILED, image: { exportOutcome: 'empty' }, says: /the object is empty/ });
  add({ cls: 'object missing, stale or empty', name: "SUCCEEDED, someone else's object left in place", exit: E.EXPORT_FAILED, image: { exportOutcome: 'stale' },
    setup: (c) => { c.h.seedObject(c.objectName); }, says: /still has the ETag it had before/ });
  add({ cls: 'object missing, stale or empty', name: 'an earlier export of this image left in place, marker lost: recognised through the retry token', exit: E.OK,
    setup: async (c) => { await earlierExport(c); c.h.deleteObject(markerObjectName(c.objectName)); c.image.exportOutcome = 'stale'; } });
  add({ cls: 'object missing, stale or empty', name: 'SUCCEEDED, the OCI export of this image left in place for a QCOW2 export', exit: E.EXPORT_FAILED,
    setup: async (c) => { await earlierExport(c); c.image.exportOutcome = 'stale'; c.argv.push('--format', 'QCOW2'); }, says: /still has the ETag it had before/ });
  add({ cls: 'object missing, stale or empty', name: 'SUCCEEDED, no object, a 0-byte object was there before', exit: E.EXPORT_FAILED, image: { exportOutcome: 'stale' },
    setup: (c) => { c.h.seedObject(c.objectName, { size: 0 }); } });
  add({ cls: 'object missing, stale or empty', name: "someone else's object is replaced by the export", exit: E.OK, setup: (c) => { c.h.seedObject(c.objectName); } });
  add({ cls: 'object missing, stale or empty', name: 'the object was deleted after an earlier export (replayed token)', exit: E.OK,
    setup: async (c) => { await earlierExport(c); c.h.deleteObject(c.objectName); }, says: /earlier, finished export/ });
  add({ cls: 'object missing, stale or empty', name: 'the object was overwritten after an earlier export (replayed token)', exit: E.OK,
    setup: async (c) => { await earlierExport(c); const o = c.h.object(c.objectName)!; Object.assign(o, { etag: 'other', origin: 'seeded', timeCreated: new Date(Date.now() + 60_000) }); } });
  add({ cls: 'object missing, stale or empty', name: 'replayed export whose object is gone, and every redo ends without an object', exit: E.EXPORT_FAILED,
    setup: async (c) => { await earlierExport(c); c.h.deleteObject(c.objectName); c.image.exportOutcome = 'no-object'; } });

  // marker lying
  const lie = (name: string, meta: (c: CaseContext) => Record<string, string>) =>
    add({ cls: 'marker lying', name, exit: E.OK, setup: async (c) => { await earlierExport(c); seedMarker(c, meta(c)); } });
  const truth = (c: CaseContext) => markerMetadata({ imageId: c.image.id, format: 'OCI', objectEtag: c.h.object(c.objectName)!.etag, objectSize: c.h.object(c.objectName)!.size });
  lie('marker with another ETag', (c) => ({ ...truth(c), [MARKER_META.objectEtag]: 'not-the-etag' }));
  lie('marker with another size', (c) => ({ ...truth(c), [MARKER_META.objectSize]: '1' }));
  lie('marker without a size (older marker)', (c) => { const { [MARKER_META.objectSize]: _s, ...rest } = truth(c); return rest; });
  lie('marker for another image', (c) => ({ ...truth(c), [MARKER_META.imageId]: 'ocid1.image.oc1.eu-frankfurt-1.someoneelse' }));
  lie('marker for another format', (c) => ({ ...truth(c), [MARKER_META.format]: 'QCOW2' }));
  lie('marker with no metadata', () => ({}));
  add({ cls: 'marker lying', name: 'marker matches, but the object is 0 bytes', exit: E.OK,
    setup: async (c) => { await earlierExport(c); const o = c.h.object(c.objectName)!; o.size = 0; seedMarker(c, markerMetadata({ imageId: c.image.id, format: 'OCI', objectEtag: o.etag, objectSize: 0 })); } });
  add({ cls: 'marker lying', name: 'true marker: already exported, nothing to do', exit: E.OK, setup: earlierExport, noNewExport: true, says: /already exported/ });
  add({ cls: 'marker lying', name: 'HeadObject of the marker fails (403): export again', exit: E.OK,
    setup: async (c) => { await earlierExport(c); c.h.inject('HeadObject', 200, 1, { delayMs: 0 }); c.h.inject('HeadObject', 403, 1); } });

  // clock skew
  for (const [label, ms] of [['runner clock 1 h ahead', 3_600_000], ['runner clock 1 h behind', -3_600_000], ['runner clock 10 years ahead', 315_360_000_000]] as const) {
    add({ cls: 'clock skew', name: label, exit: E.OK, run: async (c) => [await c.h.run(c.argv, c.env, { clock: skewedClock(ms) })] });
  }
  add({ cls: 'clock skew', name: 'runner clock 1 h ahead, object replaced after an earlier export', exit: E.OK,
    run: async (c) => {
      await earlierExport(c);
      Object.assign(c.h.object(c.objectName)!, { etag: 'other', origin: 'seeded', timeCreated: new Date(Date.now() + 60_000) });
      return [await c.h.run(c.argv, c.env, { clock: skewedClock(3_600_000) })];
    } });
  for (const [label, ms] of [['Object Storage clock 10 min ahead of Compute', 600_000], ['Object Storage clock 10 min behind Compute', -600_000]] as const) {
    add({ cls: 'clock skew', name: label, exit: E.OK, setup: (c) => { c.h.cloud.objectClockSkewMs = ms; } });
    add({ cls: 'clock skew', name: `${label}, replayed export`, exit: E.OK,
      setup: async (c) => { c.h.cloud.objectClockSkewMs = ms; await earlierExport(c); c.h.deleteObject(markerObjectName(c.objectName)); } });
  }

  // concurrent runs
  add({ cls: 'concurrent runs', name: 'two runs of one export at once', exit: E.OK,
    run: async (c) => Promise.all([c.run(), c.run()]) });
  add({ cls: 'concurrent runs', name: 'three runs of one export at once', exit: E.OK,
    run: async (c) => Promise.all([c.run(), c.run(), c.run()]) });
  add({ cls: 'concurrent runs', name: 'two exports of one image to two objects at once', exit: E.OK,
    run: async (c) => Promise.all([c.run(), c.run(c.argv.map((a) => (a === c.objectName ? `${c.objectName}.second` : a)))]) });
  add({ cls: 'concurrent runs', name: 'a run after a timed-out run resumes its export', exit: E.OK,
    run: async (c) => { c.image.exportPolls = 6; await c.run([...c.argv, '--timeout-minutes', '0.0005']); return [await c.run()]; } });

  // PAR destination
  add({ cls: 'PAR destination', name: 'success through a bucket PAR', exit: E.OK, par: {} });
  add({ cls: 'PAR destination', name: 'no object through a PAR', exit: E.EXPORT_FAILED, par: {}, image: { exportOutcome: 'no-object' } });
  add({ cls: 'PAR destination', name: 'empty object through a PAR', exit: E.EXPORT_FAILED, par: {}, image: { exportOutcome: 'empty' } });
  add({ cls: 'PAR destination', name: 'stale object through a PAR', exit: E.EXPORT_FAILED, par: {}, image: { exportOutcome: 'stale' }, setup: (c) => { c.h.seedObject(c.objectName); } });
  add({ cls: 'PAR destination', name: 'write-only PAR (cannot prove the object)', exit: E.EXPORT_FAILED, par: { read: false } });
  add({ cls: 'PAR destination', name: 'object-level PAR (no marker, warning)', exit: E.OK, par: { objectLevel: true } });
  add({ cls: 'PAR destination', name: '500 x2 on HeadObject through a PAR', exit: E.OK, par: {}, setup: inject('HeadObject', 500, 2) });
  add({ cls: 'PAR destination', name: 'PAR refused by ExportImage (400)', exit: E.NOT_EXPORTABLE, par: {},
    image: { exportRefusal: { status: 400, code: 'InvalidParameter', message: 'destinationUri https://x/p/echoedToken0123/n/ns/b/b/o/x is not valid' } } });
  add({ cls: 'PAR destination', name: 'ExportImage 500 echoing the PAR URL until the timeout', exit: E.TIMEOUT, par: {}, timeoutMinutes: SHORT,
    setup: (c) => c.h.inject('ExportImage', 500, FOREVER, { message: `cannot write to ${c.env.OCI_IMAGE_EXPORT_DESTINATION_URI} (${JSON.stringify(c.env.OCI_IMAGE_EXPORT_DESTINATION_URI)})` }) });
  add({ cls: 'PAR destination', name: 'a 401 echoing the PAR token percent-encoded', exit: E.AUTH, par: {},
    setup: (c) => c.h.inject('GetImage', 401, FOREVER, { message: `token ${encodeURIComponent(c.secrets[0])} and ${c.secrets[0]} and ${c.env.OCI_IMAGE_EXPORT_DESTINATION_URI.replace(/\//g, '\\/')}` }) });
  add({ cls: 'PAR destination', name: 'true marker through a PAR: already exported', exit: E.OK, par: {}, setup: earlierExport, noNewExport: true });
  return out;
}

function skewedClock(ms: number) {
  return { now: () => Date.now() + ms, sleep: (d: number) => new Promise<void>((r) => setTimeout(r, d)) };
}

export const FAULT_CASES: readonly FaultCase[] = cases();

export const CLASS_ORDER: readonly FaultClass[] = [
  'auth and credentials', 'other 4xx', '409 busy', '429 throttling', '5xx', 'connection reset', 'slow and hung',
  'work request failed or stuck', 'object missing, stale or empty', 'marker lying', 'clock skew', 'concurrent runs', 'PAR destination',
];

/** The markdown table docs/export-runner.md shows: one row per class, with the exit codes its cases expect. */
export function matrixTable(list: readonly FaultCase[] = FAULT_CASES): string {
  const rows = CLASS_ORDER.map((cls) => {
    const of = list.filter((c) => c.cls === cls);
    const exits = Array.from(new Set(of.map((c) => c.exit))).sort().map((code) => `${code} (${of.filter((c) => c.exit === code).length})`).join(', ');
    return `| ${cls} | ${of.length} | ${exits} | ${of.map((c) => c.name).join('; ')} |`;
  });
  return [
    '| Fault class | Cases | Exit code (cases) | Faults injected |',
    '|---|---|---|---|',
    ...rows,
    `| **all** | **${list.length}** | | every case: exit code as listed, no success without a fresh object, no secret in any output |`,
  ].join('\n');
}

/**
 * Shared set-up for the runner tests: the fake OCI (FakeCloud behind a plain
 * HTTP listener for eu-frankfurt-1, which the runner reaches through its
 * endpoint overrides) with the test key trusted, credentials, argv builders,
 * output capture.
 */
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import { main } from '../../lib/export/runner/main';
import { RunnerDeps } from '../../lib/export/runner/run';
import { FakeCloud, FakeImage, FakeStoredObject, Fault, ObjectOrigin } from '../support/fake-oci/cloud';
import { TestCredentials, createTestCredentials } from '../support/fake-oci/credentials';
import { RunResult } from '../support/process';
import { issuePar } from '../support/fake-oci/objectstorage-routes';
import { FakeOciProxy } from '../support/fake-oci/proxy';

export const REGION = 'eu-frankfurt-1';
export const NS = 'fakens';
export const BUCKET = 'transit';

/** The calls the runner makes, as the fake's call log names them. */
export type Operation = 'GetImage' | 'ExportImage' | 'GetWorkRequest' | 'ListWorkRequestErrors' | 'HeadObject' | 'PutObject' | 'DeleteObject' | 'DeleteBucket';

export class Harness {
  static async start(): Promise<Harness> {
    const creds = createTestCredentials();
    const cloud = new FakeCloud();
    cloud.trustKey(creds.keyId, creds.publicKeyPem);
    cloud.namespaces.set(creds.tenancy, NS);
    cloud.implicitBuckets = true;
    const endpoint = await FakeOciProxy.start(cloud);
    return new Harness(creds, endpoint, await endpoint.regionEndpoint(REGION));
  }

  /** Every line any run printed, for the secret scan. */
  readonly allOutput: string[] = [];
  private seq = 0;

  /** `url`: the plain-HTTP endpoint of REGION (Compute, Work Requests and Object Storage). */
  private constructor(readonly creds: TestCredentials, readonly endpoint: FakeOciProxy, readonly url: string) {}

  get cloud(): FakeCloud {
    return this.endpoint.cloud;
  }

  /** Temp dirs removed by stop(). */
  readonly tempDirs: string[] = [];

  async stop(): Promise<void> {
    await this.endpoint.stop();
    for (const dir of [this.creds.dir, ...this.tempDirs]) rmSync(dir, { recursive: true, force: true });
  }

  /** Between tests: no faults left, no request held, no clock skew. */
  reset(): void {
    this.cloud.clearFaults();
    this.cloud.releaseHung();
    this.cloud.objectClockSkewMs = 0;
  }

  /** A fresh 3 GiB custom image whose export ends on the 2nd poll unless `overrides` say otherwise. */
  image(overrides: Partial<FakeImage> = {}): FakeImage {
    const id = `ocid1.image.oc1.${REGION}.aaaa${(++this.seq).toString().padStart(4, '0')}${randomBytes(6).toString('hex')}`;
    return this.cloud.addImage(REGION, { id, compartmentId: 'ocid1.compartment.oc1..aaaaapps', sizeInMBs: 3 * 1024, exportPolls: 2, ...overrides });
  }

  /** The next `times` calls of `operation` answer `status` (429, 4xx, 5xx; 0 = never answer; -1 = reset; or a delay). */
  inject(operation: Operation, status: number, times = 1, details: Partial<Pick<Fault, 'code' | 'message' | 'delayMs'>> = {}): void {
    this.cloud.inject({ operation, status, times, ...details });
  }

  /** Every call of `operation` the fake received. */
  calls(operation: Operation) {
    return this.cloud.callsOf(operation);
  }

  object(name: string, bucket = BUCKET): FakeStoredObject | undefined {
    return this.cloud.object(REGION, NS, bucket, name);
  }

  /** Names of the objects in `bucket`, sorted. */
  objectsIn(bucket = BUCKET): string[] {
    return [...(this.cloud.bucket(REGION, NS, bucket)?.objects.keys() ?? [])].sort();
  }

  deleteObject(name: string, bucket = BUCKET): void {
    this.cloud.bucket(REGION, NS, bucket)?.objects.delete(name);
  }

  /** Puts an object as if someone else had written it an hour ago (origin 'seeded' unless given). */
  seedObject(name: string, o: { size?: number; meta?: Record<string, string>; origin?: ObjectOrigin; bucket?: string } = {}): FakeStoredObject {
    const b = this.cloud.bucketForCall(REGION, NS, o.bucket ?? BUCKET)!;
    return this.cloud.storeObject(b, name, Buffer.alloc(0), o.size ?? 1024, 'application/octet-stream', o.meta ?? {}, new Date(Date.now() - 3_600_000), o.origin ?? 'seeded');
  }

  /** Flags shared by every run: the fake's endpoints, the test config file, fast polls. */
  commonArgs(imageId: string): string[] {
    return [
      '--image-id', imageId,
      '--region', REGION,
      '--config-file', this.creds.configFile,
      '--compute-endpoint', this.url,
      '--object-storage-endpoint', this.url,
      '--poll-seconds', '0.01',
    ];
  }

  tupleArgs(imageId: string, objectName: string): string[] {
    return [...this.commonArgs(imageId), '--namespace', NS, '--bucket', BUCKET, '--object-name', objectName];
  }

  /** A bucket-level read/write PAR URL for `objectName` (F-52: /o/<object> appended). */
  parUrl(objectName: string, access: { read?: boolean; write?: boolean; objectLevel?: boolean } = {}): { url: string; token: string } {
    const token = `PARtok${randomBytes(24).toString('base64url')}`;
    const read = access.read ?? true;
    const write = access.write ?? true;
    const accessType = `${access.objectLevel ? 'Object' : 'AnyObject'}${read && write ? 'ReadWrite' : read ? 'Read' : 'Write'}`;
    const bucket = this.cloud.bucketForCall(REGION, NS, BUCKET)!;
    const { accessUri } = issuePar(this.cloud, bucket, {
      token, name: `par-${token.slice(-6)}`, accessType, objectName: access.objectLevel ? objectName : undefined, timeExpires: new Date(Date.now() + 86_400_000),
    });
    return { url: `${this.url}${accessUri}${access.objectLevel ? '' : encodeURIComponent(objectName)}`, token };
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

import { TerraformStack } from 'cdktf';
import { CompatChecks, ImportedImage, ImportSource, OciProvider, TransitBucket } from '../../../lib';
import { newApp } from '../../support/synth';

const C = 'ocid1.compartment.oc1..aaaa';

function program(importUrl = 'https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/images/o/web.oci') {
  const app = newApp();
  const stack = new TerraformStack(app, 'report');
  const phx = new OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
  new TransitBucket(stack, 'Bucket', { compartmentId: C, provider: phx, namespaceName: 'ns' });
  new ImportedImage(stack, 'Import', { compartmentId: C, source: ImportSource.fromUrl(importUrl), provider: phx, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' });
  return { app, stack };
}

/** Runs `work` with stderr captured and the given environment. */
function withEnv(env: Record<string, string | undefined>, work: () => void): { stderr: string; error?: Error } {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { stderr += String(chunk); return true; });
  try {
    work();
    return { stderr };
  } catch (e) {
    return { stderr, error: e as Error };
  } finally {
    spy.mockRestore();
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

const LOUD = { OCI_IMAGE_TRANSFER_QUIET: undefined, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: undefined, OCI_IMAGE_TRANSFER_DEBUG: undefined };

describe('console report', () => {
  test('one summary line per stack with the counts and the report paths', () => {
    const { app } = program();
    const { stderr, error } = withEnv(LOUD, () => app.synth());
    expect(error).toBeUndefined();
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^oci-image-transfer: stack "report": 0 errors, \d+ warnings?, \d+ infos?, \d+ not checkable, 0 acknowledged; report: \S+oci-image-compat\.md, \S+oci-image-compat\.json$/);
  });

  test('quiet by option and by environment variable', () => {
    const a = program();
    CompatChecks.of(a.stack).quiet();
    expect(withEnv(LOUD, () => a.app.synth()).stderr).toBe('');
    const b = program();
    expect(withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1' }, () => b.app.synth()).stderr).toBe('');
  });

  test('a failed synth puts the finding first and no stack trace into the library', () => {
    const { app } = program('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/o/web.oci');
    const { error } = withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1' }, () => app.synth());
    expect(error?.message).toMatch(/^1 compatibility error in stack "report":\n\[report\/Import\] OIT050: .*Fix: .*\[F-50, F-51\]\nFull report: \S+oci-image-compat\.md$/);
    expect(error?.stack).toBe(`OciImageTransferError: ${error?.message}`);
  });

  test('the trace comes back with OCI_IMAGE_TRANSFER_DEBUG=1', () => {
    const { app } = program('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/o/web.oci');
    const { error } = withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1', OCI_IMAGE_TRANSFER_DEBUG: '1' }, () => app.synth());
    expect(error?.stack).toMatch(/\n\s+at /);
  });
});

describe('CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS', () => {
  test('does not let a non-acknowledgeable error through', () => {
    const { error } = withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1', CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: '1' },
      () => program('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/o/web.oci').app.synth());
    expect(error?.message).toContain('not acknowledgeable: CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS does not let these through');
    expect(error?.message).toContain('OIT050');
  });

  test('lets an acknowledgeable error through as an annotation, as cdktf documents', () => {
    const rocky = () => {
      const app = newApp();
      const stack = new TerraformStack(app, 'report');
      const phx = new OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1' });
      new ImportedImage(stack, 'Import', {
        compartmentId: C, provider: phx, operatingSystem: 'Rocky Linux', operatingSystemVersion: '9',
        source: ImportSource.fromUrl('https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/images/o/web.oci'),
      });
      app.synth();
    };
    expect(withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1' }, rocky).error?.message).toContain('OIT030');
    // cdktf reads the setting when a stack is created, so the whole program runs with it.
    expect(withEnv({ ...LOUD, OCI_IMAGE_TRANSFER_QUIET: '1', CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: '1' }, rocky).error).toBeUndefined();
  });
});

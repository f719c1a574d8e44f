import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformVariable } from 'cdktf';
import {
  AuthMode, CompatChecks, ExportDestination, ExportedImage, ExportRunner, FindingLevel, ImportedImage, ImportSource, OciProvider,
} from '../../lib';
import { RUNNER_AUTH_MODES } from '../../lib/export/runner-contract';
import { ociCliExportScript } from '../../lib/export/oci-cli-script';
import { parseRunnerArgs } from '../../lib/export/runner/options';
import { synthJson } from '../support/synth';
import { buildError, COMPARTMENT, IMAGE, twoRegions } from './fixtures';

const PAR_URL = 'https://objectstorage.us-phoenix-1.oraclecloud.com/p/tok3n/n/ns1/b/images/o/web.oci';

function exportEnv(json: any): Record<string, string> {
  const step = (Object.entries(json.resource.terraform_data) as [string, any][]).find(([k]) => k.includes('ExportStep'))![1];
  return step.provisioner[0]['local-exec'].environment;
}

function errors(stack: any): string[] {
  return CompatChecks.of(stack).evaluate().filter((f) => f.level === FindingLevel.ERROR).map((f) => `${f.ruleId} ${f.path}`);
}

describe('InstancePrincipalWithCerts and a PAR destination (issue 13)', () => {
  // Neither runner can load certificate files: the Node runner accepts --auth only in RUNNER_AUTH_MODES, the oci CLI
  // has no such --auth, and the provider reads ip_cert.pem/ip_key.pem/intermediate.pem from its working directory.
  // So the export is refused at synth instead of exiting 2 at apply.
  test.each([['Node SDK', undefined], ['oci CLI', ExportRunner.ociCli()]])('%s runner: a synth error naming the path, the mode, F-68 and a fix', (_name, runner) => {
    const { stack } = twoRegions();
    const certs = new OciProvider(stack, 'certs', { alias: 'certs', region: 'us-phoenix-1', auth: 'InstancePrincipalWithCerts' });
    const msg = buildError(() => new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, provider: certs, destination: ExportDestination.toUrl(PAR_URL, 'us-phoenix-1'), runner,
    }));
    expect(msg).toMatch(/^\[test\/Export\] auth mode InstancePrincipalWithCerts .* it accepts ApiKey, InstancePrincipal, SecurityToken, ResourcePrincipal \(F-68, F-24\)\. Fix: set authMode/);
    expect(msg).not.toContain('tok3n');
  });

  test('what the runner really does with it: a usage error (exit 2) before any OCI call', () => {
    const r = parseRunnerArgs([], { OCI_IMAGE_EXPORT_IMAGE_ID: IMAGE, OCI_IMAGE_EXPORT_REGION: 'us-phoenix-1', OCI_IMAGE_EXPORT_AUTH: 'InstancePrincipalWithCerts', OCI_IMAGE_EXPORT_DESTINATION_URI: PAR_URL });
    expect(r.kind).toBe('usage-error');
  });

  test('authMode on the export overrides the provider: the runner gets InstancePrincipal and no profile', () => {
    const { app, stack } = twoRegions();
    const certs = new OciProvider(stack, 'certs', { alias: 'certs', region: 'us-phoenix-1', auth: 'InstancePrincipalWithCerts', configFileProfile: 'ops' });
    new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE }, provider: certs, destination: ExportDestination.toUrl(PAR_URL, 'us-phoenix-1'), authMode: AuthMode.INSTANCE_PRINCIPAL,
    });
    const env = exportEnv(synthJson(app, stack));
    expect(env.OCI_IMAGE_EXPORT_AUTH).toBe('InstancePrincipal');
    expect(env).not.toHaveProperty('OCI_IMAGE_EXPORT_PROFILE');
  });

  test('an import with it from a bucket tuple needs a PAR (OIT053), like InstancePrincipal', () => {
    const { stack, phoenix } = twoRegions();
    const certs = new OciProvider(stack, 'certs', { alias: 'certs', region: 'us-phoenix-1', auth: 'InstancePrincipalWithCerts' });
    const source = ExportedImage.fromExistingObject(stack, 'Existing', { namespace: 'ns1', bucketName: 'images', objectName: 'web.oci', region: 'us-phoenix-1', provider: phoenix });
    new ImportedImage(stack, 'Import', { compartmentId: COMPARTMENT, provider: certs, source: ImportSource.fromObject(source), operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' });
    expect(errors(stack)).toContain('OIT053 test/Import');
  });
});

describe('the provider auth read through AuthMode', () => {
  test('any case, as the provider reads it: the runner gets the provider spelling and OIT053 sees the principal', () => {
    const { app, stack } = twoRegions();
    const ip = new OciProvider(stack, 'ip', { alias: 'ip', region: 'us-phoenix-1', auth: 'instanceprincipal' });
    new ExportedImage(stack, 'Export', { image: { imageId: IMAGE }, provider: ip, destination: ExportDestination.toUrl(PAR_URL, 'us-phoenix-1') });
    expect(exportEnv(synthJson(app, stack)).OCI_IMAGE_EXPORT_AUTH).toBe('InstancePrincipal');

    const tuple = twoRegions();
    const ip2 = new OciProvider(tuple.stack, 'ip', { alias: 'ip', region: 'us-phoenix-1', auth: 'INSTANCEPRINCIPAL' });
    new ExportedImage(tuple.stack, 'Export', { image: { imageId: IMAGE }, provider: ip2, destination: ExportDestination.toBucket(tuple.bucket) });
    expect(errors(tuple.stack)).toEqual(['OIT053 test/Export']);
  });

  test('a Terraform variable: passed to the runner as it is, never judged at synth', () => {
    const { app, stack, bucket } = twoRegions();
    const auth = new TerraformVariable(stack, 'auth', { type: 'string' });
    const p = new OciProvider(stack, 'v', { alias: 'v', region: 'us-phoenix-1', auth: auth.stringValue, configFileProfile: 'ops' });
    new ExportedImage(stack, 'Export', { image: { imageId: IMAGE }, provider: p, destination: ExportDestination.toBucket(bucket) });
    expect(errors(stack)).toEqual([]);
    const env = exportEnv(synthJson(app, stack));
    expect(env.OCI_IMAGE_EXPORT_AUTH).toBe('${var.auth}');
    expect(env.OCI_IMAGE_EXPORT_PROFILE).toBe('ops');
  });

  test('a value the provider would refuse: a library error at synth', () => {
    const { stack, bucket } = twoRegions();
    const p = new OciProvider(stack, 'odd', { alias: 'odd', region: 'us-phoenix-1', auth: 'Kerberos' });
    const msg = buildError(() => new ExportedImage(stack, 'Export', { image: { imageId: IMAGE }, provider: p, destination: ExportDestination.toBucket(bucket) }));
    expect(msg).toMatch(/^\[test\/Export\] the provider test\/odd has auth "Kerberos", which is not one of ApiKey, .*OKEWorkloadIdentity \(F-68\)\. Fix: /);
  });

  test('OKE workload identity: refused at synth by both runners', () => {
    const { stack, bucket } = twoRegions();
    const msg = buildError(() => new ExportedImage(stack, 'Export', {
      image: { imageId: IMAGE, region: 'us-phoenix-1' }, destination: ExportDestination.toBucket(bucket), authMode: AuthMode.OKE_WORKLOAD_IDENTITY,
    }));
    expect(msg).toContain('auth mode OKEWorkloadIdentity');
  });
});

describe('one list of auth modes', () => {
  test('AuthMode holds exactly the values oracle/oci 7.27.0 accepts', () => {
    expect(AuthMode.ALL.map((m) => m.value)).toEqual(['ApiKey', 'InstancePrincipal', 'InstancePrincipalWithCerts', 'SecurityToken', 'ResourcePrincipal', 'OKEWorkloadIdentity']);
    expect(AuthMode.DEFAULT).toBe(AuthMode.API_KEY);
    expect(AuthMode.tryOf(' resourceprincipal ')).toBe(AuthMode.RESOURCE_PRINCIPAL);
    expect(AuthMode.tryOf('Kerberos')).toBeUndefined();
    expect(() => AuthMode.of('Kerberos')).toThrow(/\[AuthMode\.of\] auth mode "Kerberos" is not one of .*Fix: /);
  });

  test('the Node runner contract is derived from it', () => {
    expect([...RUNNER_AUTH_MODES]).toEqual(AuthMode.ALL.filter((m) => m.nodeSdkRunner).map((m) => m.value).sort());
  });

  test('the oci CLI script accepts exactly the modes AuthMode marks ociCliRunner', () => {
    const block = /case "\$AUTH" in\n([\s\S]*?)\n {2}\*\)/.exec(ociCliExportScript())![1];
    const accepted = block.split('\n').map((l) => l.trim().split(')')[0]).flatMap((labels) => labels.split('|'));
    expect(accepted.sort()).toEqual(AuthMode.ALL.filter((m) => m.ociCliRunner).map((m) => m.value).sort());
  });

  test('the runner documentation lists the same modes', () => {
    const doc = readFileSync(join(__dirname, '../../docs/export-runner.md'), 'utf8');
    const row = doc.split('\n').find((l) => l.startsWith('| `--auth` |'))!;
    const listed = [...new Set([...row.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]))].filter((v) => AuthMode.tryOf(v));
    expect(listed.sort()).toEqual([...RUNNER_AUTH_MODES]);
  });
});

describe('the auth mode table in docs/export-runner.md', () => {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const table = [
    '| `AuthMode` | provider `auth` | Node runner | oci CLI runner | config file profile | bucket tuple (F-53) | What it is |',
    '|---|---|---|---|---|---|---|',
    ...Object.keys(AuthMode).filter((k) => k !== 'DEFAULT' && AuthMode.ALL.includes((AuthMode as any)[k])).map((k) => {
      const m: AuthMode = (AuthMode as any)[k];
      return `| \`${k}\` | \`${m.value}\` | ${yes(m.nodeSdkRunner)} | ${yes(m.ociCliRunner)} | ${yes(m.readsConfigFile)} | ${m.needsPar ? 'refused: use a PAR' : 'allowed'} | ${m.description} |`;
    }),
  ].join('\n');

  test('is generated from AuthMode and fresh', () => {
    const file = join(__dirname, '../../docs/export-runner.md');
    const doc = readFileSync(file, 'utf8');
    const re = /(<!-- auth-modes:begin[^\n]*-->\n)[\s\S]*?(<!-- auth-modes:end -->)/;
    expect(doc).toMatch(re);
    const fresh = doc.replace(re, `$1${table}\n$2`);
    if (process.env.UPDATE_AUTH_MODES === '1') require('fs').writeFileSync(file, fresh);
    else expect(doc).toBe(fresh);
  });
});

/**
 * The runner where the provider runs (F-84): through an HTTPS proxy that
 * intercepts TLS with a private CA, trusted through `custom_cert_location`
 * or `NODE_EXTRA_CA_CERTS`; NO_PROXY honoured with Go's rules. The CLI runs
 * as a child process with no endpoint override, so it addresses the real
 * OCI host names, which only the test proxy answers (it forwards to the fake).
 */
import { spawnSync } from 'child_process';
import { networkInterfaces } from 'os';
import { RUNNER_EXIT } from '../../lib/export/runner-contract';
import { proxyFor, proxySettings, trustedCas } from '../../lib/export/runner/transport';
import { findSecrets, secretNeedles } from '../support/fake-oci/credentials';
import { cliCommand } from '../support/runner-cli';
import { Harness, NS, REGION } from '../export/harness';
import { RunResult, runProcess } from '../support/process';
import { InterceptingProxy, TestPki, makeTestPki, startTlsFront } from './tls-proxy';

describe('proxy rules (Go http.ProxyFromEnvironment)', () => {
  const s = (env: Record<string, string>) => proxySettings(env);
  const via = (url: string, env: Record<string, string>) => proxyFor(new URL(url), s(env))?.toString();

  test('HTTPS_PROXY for https, HTTP_PROXY for http, upper case first, scheme-less taken as http://', () => {
    expect(via('https://iaas.eu-frankfurt-1.oraclecloud.com/x', { https_proxy: 'proxy:3128' })).toBe('http://proxy:3128/');
    expect(via('https://a.example/x', { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })).toBe('http://upper:1/');
    expect(via('http://a.example/x', { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(via('http://a.example/x', { HTTP_PROXY: 'http://p:1' })).toBe('http://p:1/');
    expect(via('https://a.example/x', {})).toBeUndefined();
  });

  test.each([
    ['*', 'https://iaas.eu-frankfurt-1.oraclecloud.com', true],
    ['oraclecloud.com', 'https://iaas.eu-frankfurt-1.oraclecloud.com', true],
    ['oraclecloud.com', 'https://oraclecloud.com', true],
    ['.oraclecloud.com', 'https://oraclecloud.com', false],
    ['.oraclecloud.com', 'https://objectstorage.eu-frankfurt-1.oraclecloud.com', true],
    ['*.oraclecloud.com', 'https://objectstorage.eu-frankfurt-1.oraclecloud.com', true],
    ['cloud.com', 'https://iaas.eu-frankfurt-1.oraclecloud.com', false],
    ['oraclecloud.com:443', 'https://iaas.eu-frankfurt-1.oraclecloud.com', true],
    ['oraclecloud.com:8443', 'https://iaas.eu-frankfurt-1.oraclecloud.com', false],
    ['10.0.0.0/8', 'https://10.1.2.3:8443', true],
    ['10.0.0.0/8', 'https://11.1.2.3', false],
    ['10.1.2.3', 'https://10.1.2.3', true],
    ['10.1.2.3:80', 'https://10.1.2.3', false],
    ['[fd00::2]:443', 'https://[fd00::2]/x', true],
    ['fd00::/8', 'https://[fd00::2]/x', true],
    ['other.example, IAAS.EU-FRANKFURT-1.ORACLECLOUD.COM ', 'https://iaas.eu-frankfurt-1.oraclecloud.com', true],
  ])('NO_PROXY=%j for %s bypasses the proxy: %s', (noProxy, url, bypass) => {
    expect(via(url, { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy }) === undefined).toBe(bypass);
  });

  test('localhost and loopback addresses are never proxied', () => {
    for (const url of ['https://localhost:8443', 'https://127.0.0.1', 'https://127.9.9.9', 'https://[::1]:1']) {
      expect(via(url, { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    }
  });

  test('a socks proxy or a malformed value is a usage error that does not echo the value', () => {
    expect(() => s({ HTTPS_PROXY: 'socks5://user:pw@p:1080' })).toThrow(/only http:\/\/ and https:\/\/ proxies are supported, not socks5:/);
    expect(() => s({ HTTPS_PROXY: 'socks5://user:pw@p:1080' })).not.toThrow(/pw/);
  });

  test('custom_cert_location adds to Node\'s roots, with NODE_EXTRA_CA_CERTS kept; alone NODE_EXTRA_CA_CERTS is left to Node', () => {
    const read = (p: string) => `PEM of ${p}`;
    const cas = trustedCas({ custom_cert_location: '/ca.pem', NODE_EXTRA_CA_CERTS: '/extra.pem' }, read)!;
    expect(cas.slice(-2)).toEqual(['PEM of /ca.pem', 'PEM of /extra.pem']);
    expect(cas.length).toBeGreaterThan(100);
    expect(trustedCas({ NODE_EXTRA_CA_CERTS: '/extra.pem' }, read)).toBeUndefined();
    expect(() => trustedCas({ custom_cert_location: '/nope.pem' })).toThrow(/custom_cert_location: cannot read the CA file \/nope\.pem \(ENOENT\)/);
  });
});

const hasOpenssl = !spawnSync('openssl', ['version'], { stdio: 'ignore' }).error;
if (!hasOpenssl && process.env.CI === 'true') throw new Error('openssl is not on PATH: the proxy test needs it to make a test CA');
if (!hasOpenssl) console.warn('openssl is not on PATH: skipping the export-through-a-proxy tests');
const describeNet = hasOpenssl ? describe : describe.skip;
jest.setTimeout(60_000);

/** A non-loopback IPv4 address of this machine, for a direct (NO_PROXY) connection that is not exempt anyway. */
const localIp = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describeNet('export through an intercepting HTTPS proxy', () => {
  let h: Harness;
  let pki: TestPki;
  let proxy: InterceptingProxy;
  const outputs: string[] = [];

  beforeAll(async () => {
    h = await Harness.start();
    pki = makeTestPki(localIp ? [localIp] : []);
    proxy = await InterceptingProxy.start(h.url, pki);
  });
  afterAll(async () => {
    await proxy.stop();
    await h.stop();
    pki.ca.dispose();
  });

  async function runner(args: string[], env: Record<string, string>): Promise<RunResult> {
    const [node, ...rest] = cliCommand();
    const bounded = args.includes('--timeout-minutes') ? args : [...args, '--timeout-minutes', '0.3'];
    const r = await runProcess(node, [...rest, ...bounded, '--config-file', h.creds.configFile, '--poll-seconds', '0.02'], {
      env: { PATH: process.env.PATH, HOME: h.creds.dir, ...env },
    });
    outputs.push(r.stdout, r.stderr);
    return r;
  }
  const tuple = (imageId: string, name: string) => ['--image-id', imageId, '--region', REGION, '--namespace', NS, '--bucket', 'proxied', '--object-name', name];

  test('HTTPS_PROXY + custom_cert_location: every call goes through the tunnel to the OCI host names, export and cleanup succeed', async () => {
    const image = h.image({ exportPolls: 1 });
    const env = { HTTPS_PROXY: proxy.url, custom_cert_location: pki.caFile };
    const r = await runner(tuple(image.id, 'images/p1.oci'), env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(new Set(proxy.connects)).toEqual(new Set(['iaas.eu-frankfurt-1.oraclecloud.com:443', 'objectstorage.eu-frankfurt-1.oraclecloud.com:443']));
    expect(proxy.requests).toContainEqual(expect.stringMatching(/^POST iaas\.eu-frankfurt-1\.oraclecloud\.com\/20160918\/images\/.*\/actions\/export$/));
    expect(h.object('images/p1.oci', 'proxied')).toBeDefined();
    // Every request the fake saw was signed for the real host name.
    expect(h.cloud.calls.every((q) => q.signed && String(q.headers.host).endsWith('.oraclecloud.com'))).toBe(true);

    const cleanup = await runner([...tuple(image.id, 'images/p1.oci'), '--mode', 'cleanup'], env);
    expect(cleanup.code).toBe(RUNNER_EXIT.OK);
    expect(h.object('images/p1.oci', 'proxied')).toBeUndefined();
  });

  test('NODE_EXTRA_CA_CERTS works as well, and proxy credentials are sent as Proxy-Authorization', async () => {
    const image = h.image({ exportPolls: 1 });
    const url = new URL(proxy.url);
    url.username = 'svc';
    url.password = 'pa ss';
    const r = await runner(tuple(image.id, 'images/p2.oci'), { https_proxy: url.toString(), NODE_EXTRA_CA_CERTS: pki.caFile });
    expect(r.code).toBe(RUNNER_EXIT.OK);
    expect(proxy.authorizations[proxy.authorizations.length - 1]).toBe(`Basic ${Buffer.from('svc:pa ss').toString('base64')}`);
  });

  test('without the CA the certificate check fails at once (exit 1, not retried), naming the variables that add a CA', async () => {
    const r = await runner(tuple(h.image().id, 'images/p3.oci'), { HTTPS_PROXY: proxy.url });
    expect(r.code).toBe(RUNNER_EXIT.UNEXPECTED);
    expect(r.stderr).toMatch(/GetImage failed: no answer from the service \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: the TLS certificate presented for iaas\.eu-frankfurt-1\.oraclecloud\.com through the proxy 127\.0\.0\.1:\d+ is not trusted/);
    expect(r.stderr).toMatch(/custom_cert_location or NODE_EXTRA_CA_CERTS/);
    expect(r.stderr).not.toMatch(/retrying/);
  });

  (localIp ? test : test.skip)('NO_PROXY: a listed host is reached directly, the same host without it goes through the proxy', async () => {
    const front = await startTlsFront(h.url, pki, localIp!);
    try {
      const endpoints = ['--compute-endpoint', front.url, '--object-storage-endpoint', front.url];
      const before = proxy.connects.length;
      const direct = await runner([...tuple(h.image({ exportPolls: 1 }).id, 'images/p4.oci'), ...endpoints],
        { HTTPS_PROXY: proxy.url, NO_PROXY: `example.com,${localIp}`, custom_cert_location: pki.caFile });
      expect(direct.code).toBe(RUNNER_EXIT.OK);
      expect(proxy.connects.length).toBe(before);
      expect(front.requests.length).toBeGreaterThan(3);

      const proxied = await runner([...tuple(h.image({ exportPolls: 1 }).id, 'images/p5.oci'), ...endpoints],
        { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com', custom_cert_location: pki.caFile });
      expect(proxied.code).toBe(RUNNER_EXIT.OK);
      expect(proxy.connects.slice(before)).toContain(new URL(front.url).host);
    } finally {
      await front.stop();
    }
  });

  test('no key material, fingerprint or proxy password in any output', () => {
    expect(findSecrets(outputs.join('\n'), secretNeedles(h.creds, ['pa ss', 'pa%20ss']))).toEqual([]);
  });
});

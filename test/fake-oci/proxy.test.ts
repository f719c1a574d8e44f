import { request as httpRequest } from 'http';
import { connect } from 'tls';
import { FakeCloud } from '../support/fake-oci/cloud';
import { FakeOciProxy } from '../support/fake-oci/proxy';

/**
 * The acceptance tier's HTTPS fake, checked on its own (quick tier): a
 * CONNECT tunnel with TLS verified against the test CA, routing by host,
 * OCI's error shape and request id header, the call log, injected faults.
 */
let fake: FakeOciProxy;
beforeAll(async () => { fake = await FakeOciProxy.start(new FakeCloud()); });
afterAll(async () => { await fake.stop(); });

interface Answer { status: number; headers: Record<string, string>; body: string }

/**
 * One HTTPS request through the proxy, verifying the server certificate with
 * the test CA only. `tenancy` goes into a bare signature header: the fake
 * reads the namespace's tenancy from the keyId and does not check signatures.
 */
function viaProxy(host: string, method: string, path: string, opts: { body?: string; tenancy?: string } = {}): Promise<Answer> {
  const proxy = new URL(fake.proxyUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: `${host}:443` });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return reject(new Error(`CONNECT answered ${res.statusCode}`));
      const tls = connect({ socket, servername: host, ca: fake.ca.caPem }, () => {
        const payload = opts.body ?? '';
        const auth = opts.tenancy ? `Authorization: Signature version="1",keyId="${opts.tenancy}/user/fp"\r\n` : '';
        tls.write(`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
      });
      let raw = '';
      tls.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      tls.on('end', () => {
        const [head, ...rest] = raw.split('\r\n\r\n');
        const [statusLine, ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
      });
      tls.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('answers GetNamespace for a region host through a TLS tunnel the test CA verifies, and logs the call', async () => {
  const r = await viaProxy('objectstorage.us-phoenix-1.oraclecloud.com', 'GET', '/n/');
  expect(r.status).toBe(200);
  expect(r.headers['opc-request-id']).toMatch(/^[0-9A-F]{32}$/);
  expect(JSON.parse(r.body)).toMatch(/^ns[0-9a-f]{10}$/);
  expect(fake.cloud.calls.at(-1)).toMatchObject({ region: 'us-phoenix-1', service: 'objectstorage', operation: 'GetNamespace', status: 200 });
});

test('an unknown route is a 404 in OCI\'s error shape and is recorded as unrouted', async () => {
  const r = await viaProxy('iaas.eu-frankfurt-1.oraclecloud.com', 'GET', '/20160918/nothingHere');
  expect(r.status).toBe(404);
  expect(JSON.parse(r.body)).toEqual({ code: 'NotFound', message: expect.stringContaining('no route') });
  expect(fake.unrouted).toContain('GET iaas.eu-frankfurt-1.oraclecloud.com/20160918/nothingHere');
});

test('an injected 429 carries Retry-After and hits only the next matching call', async () => {
  fake.cloud.inject({ operation: 'GetNamespace', region: 'uk-london-1', status: 429 });
  const throttled = await viaProxy('objectstorage.uk-london-1.oraclecloud.com', 'GET', '/n/');
  expect(throttled.status).toBe(429);
  expect(throttled.headers['retry-after']).toBe('1');
  expect((await viaProxy('objectstorage.uk-london-1.oraclecloud.com', 'GET', '/n/')).status).toBe(200);
});

test('a PAR reads its object until it expires, then answers 404 like a deleted one', async () => {
  const cloud = fake.cloud;
  const bucket = cloud.createBucket('ap-tokyo-1', 'ocid1.tenancy.oc1..t', 'b', 'ocid1.compartment.oc1..c');
  cloud.putObject('ap-tokyo-1', bucket.namespace, 'b', 'images/x.oci', 10);
  const created = await viaProxy('objectstorage.ap-tokyo-1.oraclecloud.com', 'POST', `/n/${bucket.namespace}/b/b/p/`, {
    tenancy: 'ocid1.tenancy.oc1..t',
    body: JSON.stringify({ name: 'p', accessType: 'ObjectRead', objectName: 'images/x.oci', timeExpires: new Date(Date.now() + 3600_000).toISOString() }),
  });
  expect(created.status).toBe(200);
  const accessUri: string = JSON.parse(created.body).accessUri;
  expect((await viaProxy('objectstorage.ap-tokyo-1.oraclecloud.com', 'HEAD', accessUri)).status).toBe(200);
  cloud.advance(2 * 3600_000);
  expect((await viaProxy('objectstorage.ap-tokyo-1.oraclecloud.com', 'HEAD', accessUri)).status).toBe(404);
});

/**
 * A throwaway certificate authority for the HTTPS fake and the runner's
 * proxy tests: the `openssl` CLI signs one CA and server certificates on
 * demand (node:crypto can verify X.509 but cannot issue it). Terraform's
 * provider trusts the CA through `custom_cert_location`; the Node SDK
 * through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export interface HostCertificate {
  readonly key: string;
  readonly cert: string;
}

export class TestCa {
  /** Fails with an actionable message when openssl is missing. */
  static create(): TestCa {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
    } catch {
      throw new Error('the HTTPS fake needs the `openssl` command to sign its test certificates (apt-get install openssl)');
    }
    const dir = mkdtempSync(join(tmpdir(), 'fake-oci-ca-'));
    const ca = new TestCa(dir);
    ca.openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', ca.caKeyFile, '-out', ca.caCertFile,
      '-days', '2', '-subj', '/CN=fake-oci test CA', '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    return ca;
  }

  readonly caCertFile: string;
  private readonly caKeyFile: string;
  private readonly issued = new Map<string, HostCertificate>();
  private serial = 1;

  private constructor(readonly dir: string) {
    this.caCertFile = join(dir, 'ca.pem');
    this.caKeyFile = join(dir, 'ca.key');
  }

  get caPem(): string {
    return readFileSync(this.caCertFile, 'utf8');
  }

  /**
   * A certificate (cached) whose SANs are `host` and `more`: host names
   * (`*.` wildcards allowed) or IPv4 addresses.
   */
  certificateFor(host: string, ...more: string[]): HostCertificate {
    const names = [host, ...more];
    for (const n of names) if (!/^(\*\.)?[a-z0-9.-]+$/i.test(n)) throw new Error(`refusing to issue a certificate for '${n}'`);
    const key = names.join(',');
    const hit = this.issued.get(key);
    if (hit) return hit;
    const sans = names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    const base = join(this.dir, `host-${this.serial++}`);
    writeFileSync(`${base}.ext`, `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\n`);
    this.openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${host.replace('*', 'any')}`);
    this.openssl('x509', '-req', '-in', `${base}.csr`, '-CA', this.caCertFile, '-CAkey', this.caKeyFile, '-set_serial', String(this.serial),
      '-days', '2', '-out', `${base}.pem`, '-extfile', `${base}.ext`);
    const issued = { key: readFileSync(`${base}.key`, 'utf8'), cert: readFileSync(`${base}.pem`, 'utf8') };
    this.issued.set(key, issued);
    return issued;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

/**
 * The teardown of the oci CLI runner through a real `terraform apply` and
 * `terraform destroy`, against the stub `oci` (test/export/cli-stub.ts).
 * The teardown hands the stored input back as its environment (`self.output`),
 * so this proves, end to end, that the script's cleanup mode gets its region,
 * and that literal template and shell syntax in the object name reaches `oci`
 * unchanged: escaped exactly once (twice would arrive as `$${`), never run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformVariable } from 'cdktf';
import { ExportDestination, ExportedImage, ExportRunner, TransitBucket } from '../../lib';
import { removeStubs, stub } from '../export/cli-stub';
import { BUCKET, NS, REGION } from '../export/harness';
import { describeWithTerraform, terraform } from '../support/terraform';
import { synthStack } from '../export/terraform-run';

const pwnDir = mkdtempSync(join(tmpdir(), 'oci-teardown-pwn-'));
const tempDirs: string[] = [pwnDir];
afterAll(() => {
  removeStubs();
  tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const deletes = (calls: string[][]) => calls.filter((c) => c.includes('delete'));

describeWithTerraform('terraform destroy runs the oci CLI teardown', () => {
  test('a literal object name with template and shell syntax: destroy deletes that object and its marker in the image region', async () => {
    const s = stub();
    const name = `50%{off}/\${file("/etc/hostname")}/$\${x}/x'; touch ${pwnDir}/1; '.oci`;
    const dir = synthStack((st) => {
      new ExportedImage(st, 'Export', {
        image: { imageId: 'ocid1.image.oc1.eu-frankfurt-1.aaaacliteardown', region: REGION },
        destination: ExportDestination.toBucket(TransitBucket.fromBucketAttributes(st, 'Bucket', { namespaceName: NS, bucketName: BUCKET, region: REGION })),
        objectName: name,
        runner: ExportRunner.ociCli(),
        pollSeconds: 0.05,
      });
    }, tempDirs);
    const env = { PATH: `${s.dir}:${process.env.PATH}`, STUB_DIR: s.dir };
    const apply = await terraform(dir, ['apply', '-auto-approve'], env);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Resources: 2 added/); // the step and its teardown
    expect(s.object(name)).toBeDefined();
    expect(s.object(`${name}.export.json`)).toBeDefined();

    const destroy = await terraform(dir, ['destroy', '-auto-approve'], env);
    expect(destroy.stderr).toBe('');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toMatch(/Export_Cleanup_\w+ \(local-exec\): oci-image-export: cleanup done/);
    const del = (n: string) => ['--region', REGION, 'os', 'object', 'delete', '--namespace', NS, '--bucket-name', BUCKET, '--name', n, '--force'];
    expect(deletes(s.calls())).toEqual([del(name), del(`${name}.export.json`)]);
    expect(s.object(name)).toBeUndefined();
    expect(s.object(`${name}.export.json`)).toBeUndefined();
    expect(readdirSync(pwnDir)).toEqual([]);
  }, 60_000);

  test('a PAR URL from a sensitive variable: destroy deletes the object it names with a signed call, the token is in no state or output', async () => {
    const s = stub();
    const token = 'PARtokenTeardown0123';
    const url = `https://objectstorage.eu-frankfurt-1.oraclecloud.com/p/${token}/n/ns/b/transit/o/images%2Fpar.oci`;
    const dir = synthStack((st) => {
      new ExportedImage(st, 'Export', {
        image: { imageId: 'ocid1.image.oc1.eu-frankfurt-1.aaaaclipar', region: REGION },
        destination: ExportDestination.toUrl(new TerraformVariable(st, 'par_url', { type: 'string', sensitive: true }).stringValue, REGION),
        runner: ExportRunner.ociCli(),
        pollSeconds: 0.05,
      });
    }, tempDirs);
    const env = { PATH: `${s.dir}:${process.env.PATH}`, STUB_DIR: s.dir, TF_VAR_par_url: url };
    const apply = await terraform(dir, ['apply', '-auto-approve'], env);
    expect(apply.code).toBe(0);
    expect(s.object('images/par.oci')).toBeDefined();
    const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');

    const destroy = await terraform(dir, ['destroy', '-auto-approve'], env);
    expect(destroy.stderr).toBe('');
    expect(destroy.code).toBe(0);
    const del = (n: string) => ['--region', REGION, 'os', 'object', 'delete', '--namespace', 'ns', '--bucket-name', 'transit', '--name', n, '--force'];
    expect(deletes(s.calls())).toEqual([del('images/par.oci'), del('images/par.oci.export.json')]);
    expect(s.object('images/par.oci')).toBeUndefined();
    expect(apply.stdout + destroy.stdout + state).not.toContain(token);
  }, 60_000);
});

/**
 * The support-matrix condition that Terraform evaluates at plan agrees with
 * `SupportMatrix.lookup`, which decides the same question at synth: for each
 * built-in edition and a corpus of OS names as OCI and users write them,
 * terraform 1.11 evaluates the emitted condition (as outputs over literal
 * stand-ins for the image read) and the verdicts must match.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { SupportMatrix, SupportStatus } from '../../lib';
import { supportMatrix, windowsEdition } from '../../lib/plan-checks/image-conditions';
import { tempDir } from '../support/synth';
import { describeWithTerraform, terraformSync } from '../support/terraform';

const CORPUS: Array<[string, string]> = [
  ['Oracle Linux', '8'], ['Oracle Linux', '8.10'], ['Oracle Linux', '9.4'], ['Oracle Linux', '7.9'], ['Oracle Linux', '6.10'], ['Oracle Linux', '10'],
  ['Oracle Linux', '80'], ['OracleLinux', '8'], ['Oracle Linux Cloud Developer', '8'], ['Oracle Autonomous Linux', '7.9'],
  ['CentOS', '7'], ['CentOS', '8'], ['CentOS Stream', '8'], ['CentOS', 'Stream 8'], ['CentOS Linux', '7.9.2009'],
  ['Canonical Ubuntu', '22.04'], ['Canonical Ubuntu', '22.04 Minimal'], ['Ubuntu', '20.04'], ['Canonical Ubuntu', '24.04'], ['Canonical Ubuntu', '18.04'],
  ['Canonical Ubuntu', '22.10'], ['Debian', '12'], ['Rocky Linux', '9.3'], ['AlmaLinux', '9'], ['Red Hat Enterprise Linux', '8.8'],
  ['Windows', 'Server 2019 Standard'], ['Windows', 'Server 2019 Datacenter'], ['Windows', 'Server 2022 Standard'], ['Windows', 'Server 2025 Datacenter'],
  ['Windows', 'Server 2012 R2 Standard'], ['Windows', 'Server 2012 Datacenter'], ['Windows', 'Server 2016'], ['Windows', 'Server 2019 Essentials'],
  ['Windows Server', '2022'], ['Microsoft Windows', 'Server 2016 Datacenter'], ['Windows', '10'], ['Windows', 'Server'],
  ['Linux', '6.1'], ['Custom', 'Custom'], ['', ''],
];
const EDITIONS = SupportMatrix.EDITIONS;

describeWithTerraform('support matrix: Terraform at plan agrees with SupportMatrix.lookup at synth', () => {
  let values: Record<string, boolean>;

  beforeAll(() => {
    const output: Record<string, { value: string }> = {};
    const locals: Record<string, unknown> = {};
    CORPUS.forEach(([os, version], i) => {
      locals[`image_${i}`] = { id: `ocid1.image.oc1..${i}`, operating_system: os, operating_system_version: version };
      EDITIONS.forEach((matrix, m) => {
        const ctx = { image: `local.image_${i}`, path: 'parity', matrix };
        output[`supported_${i}_${m}`] = { value: `\${${supportMatrix(ctx).condition}}` };
      });
      output[`edition_${i}`] = { value: `\${${windowsEdition({ image: `local.image_${i}`, path: 'parity', matrix: EDITIONS[0] }).condition}}` };
    });
    const dir = tempDir('plan-parity-');
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ locals, output }));
    for (const args of [['init'], ['apply', '-auto-approve']]) {
      const r = terraformSync(dir, args);
      if (r.code !== 0) throw new Error(`terraform ${args[0]} failed:\n${r.stdout}${r.stderr}`);
    }
    const out = JSON.parse(terraformSync(dir, ['output', '-json']).stdout);
    values = Object.fromEntries(Object.entries<any>(out).map(([k, v]) => [k, v.value]));
  }, 180_000);

  test.each(CORPUS.map(([os, version], i) => [`${os} ${version}`.trim() || '(empty)', i] as const))('%s', (_name, i) => {
    const [os, version] = CORPUS[i];
    EDITIONS.forEach((matrix, m) => {
      const synth = matrix.lookup(os, version).status !== SupportStatus.UNSUPPORTED;
      expect({ edition: matrix.edition, passes: values[`supported_${i}_${m}`] }).toEqual({ edition: matrix.edition, passes: synth });
    });
  });

  test('the Windows edition condition fails exactly for editions outside Standard and Datacenter', () => {
    const failing = CORPUS.filter((_, i) => values[`edition_${i}`] === false).map(([os, v]) => `${os} ${v}`);
    expect(failing).toEqual(['Windows Server 2019 Essentials']);
  });
});

/**
 * The synthesized preconditions, run by a real terraform 1.11 at plan over
 * a stand-in for the image read (see stand-in.ts): each bad image fails the
 * plan with its rule's message, naming the construct; good images pass.
 * All cases go into one configuration, so one `terraform plan` runs them
 * all (Terraform reports every failed precondition of a plan).
 */
import { CpuArchitecture, ExportFormat, HostGeneration, WindowsEdition } from '../../lib';
import { SupportMatrix } from '../../lib';
import { tempDir } from '../support/synth';
import { program, ProgramOptions } from './program';
import { describeWithTerraform } from '../support/terraform';
import { addStandIn, emptyConfig, FakeImage, plan } from './stand-in';

interface Case {
  readonly name: string;
  readonly program?: ProgramOptions;
  readonly image: Partial<FakeImage>;
  /** Rule ids whose precondition must fail for this case; empty for a good image. */
  readonly fails: string[];
  /** Value of the shape variable (the program then marks it compatible). */
  readonly shape?: string;
}

const GOOD: FakeImage = {
  id: 'ocid1.image.oc1.phx.good', compartment_id: 'ocid1.compartment.oc1..golden',
  operating_system: 'Oracle Linux', operating_system_version: '8.10', size_in_mbs: '47694',
};

const CASES: Case[] = [
  { name: 'good_unstated', image: {}, fails: [] },
  { name: 'good_stated', program: { image: { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', sizeInGbs: 50 } }, image: {}, fails: [] },
  { name: 'good_ubuntu', image: { operating_system: 'Canonical Ubuntu', operating_system_version: '22.04' }, fails: [] },
  { name: 'good_windows', program: { image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Standard' }, fails: [] },
  // An OS no table recognises is not judged (as at synth: "not checkable").
  { name: 'unrecognised_os', image: { operating_system: 'Custom', operating_system_version: 'build 7' }, fails: [] },
  { name: 'platform_image', image: { compartment_id: null }, fails: ['OIT020'] },
  { name: 'unsupported_os', image: { operating_system: 'Rocky Linux', operating_system_version: '9.3' }, fails: ['OIT030'] },
  { name: 'acknowledged_os', program: { acknowledge: ['OIT030'] }, image: { operating_system: 'Rocky Linux', operating_system_version: '9.3' }, fails: [] },
  { name: 'dropped_in_2025', program: { matrix: SupportMatrix.EDITION_2025_03 },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2012 R2 Datacenter' }, fails: ['OIT030', 'OIT033'] },
  { name: 'r2_is_not_2012', program: { matrix: SupportMatrix.custom({ edition: 'only-2012', source: 'test', retrievedOn: 'undated',
    entries: SupportMatrix.SEED_EDITION.entries.filter((e) => e.majorVersion === '2012') }) },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2012 R2 Standard' }, fails: ['OIT030', 'OIT033'] },
  { name: 'ubuntu_1804_in_2025', program: { matrix: SupportMatrix.EDITION_2025_03 },
    image: { operating_system: 'Canonical Ubuntu', operating_system_version: '18.04' }, fails: ['OIT030'] },
  { name: 'windows_essentials', program: { image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Essentials' }, fails: ['OIT031'] },
  { name: 'windows_unstated', image: { operating_system: 'Windows', operating_system_version: 'Server 2022 Datacenter' }, fails: ['OIT033'] },
  { name: 'too_large', image: { size_in_mbs: String(500 * 1024) }, fails: ['OIT016'] },
  { name: 'size_unknown', image: { size_in_mbs: null }, fails: [] },
  { name: 'stated_linux_is_windows', program: { image: { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Standard' }, fails: ['OIT039'] },
  { name: 'stated_ol8_is_ol9', program: { image: { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' } },
    image: { operating_system: 'Oracle Linux', operating_system_version: '9.4' }, fails: ['OIT039'] },
  { name: 'stated_edition_differs', program: { image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Datacenter' }, fails: ['OIT039'] },
  { name: 'stated_size_too_small', program: { image: { operatingSystem: 'Oracle Linux', operatingSystemVersion: '8', sizeInGbs: 20 } },
    image: {}, fails: ['OIT039'] },
  // F-12/F-35: a QCOW2 exported from OCI defaults to NATIVE; a Windows image needs PARAVIRTUALIZED (a warning: a check block).
  { name: 'qcow2_native_windows', program: { exportProps: { format: ExportFormat.QCOW2 } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Standard' }, fails: ['OIT033', 'OIT036'] },
  { name: 'qcow2_native_linux', program: { exportProps: { format: ExportFormat.QCOW2 } }, image: {}, fails: [] },
  // Target shapes given as variables, judged at plan by the shape tables (F-43, F-41, F-42).
  { name: 'shape_x7', program: { shapeVariable: true }, shape: 'VM.Standard2.4', image: {}, fails: [] },
  { name: 'shape_arm', program: { shapeVariable: true }, shape: 'VM.Standard.A1.Flex', image: {}, fails: ['OIT043'] },
  { name: 'shape_arm_aarch64', program: { shapeVariable: true, image: { architecture: CpuArchitecture.AARCH64 } }, shape: 'VM.Standard.A1.Flex', image: {}, fails: [] },
  { name: 'shape_x6_windows_on_x7', shape: 'vm.standard2.1',
    program: { shapeVariable: true, image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD, hostGeneration: HostGeneration.X6 },
      importProps: { windowsRealTimeIsUniversalSet: true } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Standard' }, fails: ['OIT040'] },
  { name: 'shape_x6_windows_on_x6', shape: 'VM.Standard.B1.2',
    program: { shapeVariable: true, image: { operatingSystem: 'Windows', operatingSystemVersion: 'Server 2019', windowsEdition: WindowsEdition.STANDARD, hostGeneration: HostGeneration.X6 },
      importProps: { windowsRealTimeIsUniversalSet: true } },
    image: { operating_system: 'Windows', operating_system_version: 'Server 2019 Standard' }, fails: [] },
  // A literal `${` in a construct id reaches the message escaped, never interpolated.
  { name: 'hostile_path', program: { id: 'hostile_path-${var.x}-%{if}' }, image: { compartment_id: null }, fails: ['OIT020'] },
];

describeWithTerraform('plan-time preconditions with terraform 1.11 (image read replaced by a variable)', () => {
  let result: { status: number; out: string };

  beforeAll(() => {
    const config = emptyConfig();
    for (const c of CASES) {
      const p = program({ id: c.name, ...c.program });
      // Each case reads its own image: its variable stands in for the data source.
      p.app.synth();
      addStandIn(config, p.app, p.stack, c.name, { ...GOOD, ...c.image } as FakeImage, c.shape);
    }
    result = plan(tempDir('plan-logic-'), config);
  }, 180_000);

  test('the plan fails', () => {
    expect(result.status).toBe(1);
  });

  test.each(CASES.map((c) => [c.name, c]))('%s', (_name, c) => {
    const mine = (rule: string) => new RegExp(`${rule}: \\[plan-checks/${escape(c.name)}[^\\]]*\\]`);
    for (const rule of c.fails) expect(result.out).toMatch(mine(rule));
    const others = ['OIT016', 'OIT020', 'OIT030', 'OIT031', 'OIT033', 'OIT036', 'OIT039', 'OIT040', 'OIT043'].filter((r) => !c.fails.includes(r));
    for (const rule of others) expect(result.out).not.toMatch(mine(rule));
  });

  test('a warning rule fails no plan: Terraform reports its check block as a warning', () => {
    expect(result.out).toMatch(/Warning: Check block assertion failed .*OIT036: \[plan-checks\/qcow2_native_windowsImport\] imports image .* with launch mode NATIVE/);
  });

  test('a message shows what was found, the fact and the fix', () => {
    expect(result.out).toMatch(/OIT030: \[plan-checks\/unsupported_os\] moves image ocid1\.image\.oc1\.phx\.good \(OS "Rocky Linux 9\.3"\), which is not in the "seed" edition .*\. Fix: use a listed OS.* \[F-30, F-31, F-32\]/);
    expect(result.out).toContain('OIT020: [plan-checks/hostile_path-${var.x}-%{if}] exports image');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

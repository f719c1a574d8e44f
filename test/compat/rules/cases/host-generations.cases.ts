/** F-40..F-43: host generations (X5, X6, X7) and Arm shapes. */
import { CpuArchitecture, HostGeneration, ImportSource } from '../../../../lib';
import { casesFor, error, notCheckable, objectUrl, RuleCase, warning, World } from '../harness';

/** Export an image built on `generation`, copy it to Ashburn, import it there for `shapes`. */
function moveTo(w: World, generation: HostGeneration, os: [string, string], shapes: string[]) {
  const exported = w.export({ image: { hostGeneration: generation, operatingSystem: os[0], operatingSystemVersion: os[1] } });
  w.import(ImportSource.fromObject(w.copy(exported)), { compatibleShapes: shapes });
}

export const hostGenerationCases: RuleCase[] = [
  ...casesFor('OIT040', [
    {
      title: 'X7 image on an X7 shape',
      build: (w) => moveTo(w, HostGeneration.X7, ['Oracle Linux', '8'], ['VM.Standard2.1']),
      expected: [],
      synth: true,
    },
    {
      title: 'X5 Oracle Linux 8 on X7 works (F-41)',
      build: (w) => moveTo(w, HostGeneration.X5, ['Oracle Linux', '8'], ['BM.Standard2.52']),
      expected: [],
    },
    {
      title: 'no host generation given with target shapes: not checkable, not silently passed (issue 12)',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/byoi.qcow2')), { compatibleShapes: ['VM.Standard2.1'] }); },
      expected: [notCheckable('Import', 'hostGeneration')],
    },
    {
      title: 'X6 CentOS 7 on X7 does not work (F-42)',
      build: (w) => moveTo(w, HostGeneration.X6, ['CentOS', '7'], ['VM.Standard2.1']),
      expected: [error('Import', '"VM.Standard2.1"', 'X6', 'X7', 'CentOS 7')],
      synth: true,
    },
    {
      title: 'X5 Windows on X7 does not work (F-41)',
      build: (w) => moveTo(w, HostGeneration.X5, ['Windows', 'Server 2016 Standard'], ['VM.DenseIO2.8']),
      expected: [error('Import', '"VM.DenseIO2.8"', 'X5')],
    },
    {
      title: 'X5 Ubuntu 22.04 on X7 needs the newest kernel (F-41)',
      build: (w) => moveTo(w, HostGeneration.X5, ['Canonical Ubuntu', '22.04'], ['VM.Standard2.4']),
      expected: [warning('Import', '"VM.Standard2.4"', 'apt-get dist-upgrade')],
    },
    {
      title: 'one finding per shape',
      build: (w) => moveTo(w, HostGeneration.X6, ['Oracle Linux', '6'], ['VM.Standard2.1', 'BM.Standard2.52']),
      expected: [error('Import', '"VM.Standard2.1"'), error('Import', '"BM.Standard2.52"')],
    },
    {
      title: 'shape not in the cited table (F-43: cannot check, not a guess)',
      build: (w) => moveTo(w, HostGeneration.X6, ['CentOS', '7'], ['VM.Standard.E4.Flex']),
      expected: [notCheckable('Import', '"VM.Standard.E4.Flex"', 'withShape')],
    },
    {
      title: 'X7 image on an X5 shape is not covered by OCI notes',
      build: (w) => moveTo(w, HostGeneration.X7, ['Oracle Linux', '8'], ['VM.Standard1.4']),
      expected: [notCheckable('Import', 'VM.Standard1.4', 'X7')],
    },
    {
      title: 'operating system not given',
      build: (w) => {
        w.import(ImportSource.fromObject(w.copy(w.existing({ image: { imageId: 'ocid1.image.oc1..x', hostGeneration: HostGeneration.X5 } }))),
          { compatibleShapes: ['VM.Standard2.1'] });
      },
      expected: [notCheckable('Import', 'operating system')],
    },
  ]),

  ...casesFor('OIT043', [
    {
      title: 'aarch64 image on an Arm shape',
      build: (w) => {
        w.import(ImportSource.fromObject(w.copy(w.export({ image: { architecture: CpuArchitecture.AARCH64 } }))), { compatibleShapes: ['VM.Standard.A1.Flex'] });
      },
      expected: [],
    },
    {
      title: 'x86_64 image (the SourceImage default) on Intel and AMD shapes',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export())), { compatibleShapes: ['VM.Standard2.1', 'VM.Standard.E4.Flex'] }); },
      expected: [],
    },
    {
      title: 'x86_64 image (the SourceImage default) on Arm shapes',
      build: (w) => { w.import(ImportSource.fromObject(w.copy(w.export())), { compatibleShapes: ['VM.Standard.A1.Flex', 'BM.Standard.A1.160', 'VM.Standard2.1'] }); },
      expected: [error('Import', '"VM.Standard.A1.Flex"', '"BM.Standard.A1.160"', 'x86_64')],
    },
    {
      title: 'BYOI URL import on an Arm shape: architecture unknown',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/arm.qcow2')), { compatibleShapes: ['VM.Standard.A2.Flex'] }); },
      expected: [notCheckable('Import', '"VM.Standard.A2.Flex"', 'architecture')],
    },
  ]),
];

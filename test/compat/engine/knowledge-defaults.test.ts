/**
 * Defaults that depend on knowledge come from the stack's chosen tables, so
 * one table decides both the default and the check of it (issue 13, point 2).
 */
import { CompatChecks, ExportFormat, ImportSource, LaunchMode, ProcessorKind, ShapeGenerations } from '../../../lib';
import { synthJson } from '../../support/synth';
import { World } from './support';

const CUSTOM_SHAPE = 'VM.Custom.Z1.Flex';

/** A QCOW2 export of this library imported for a shape the default table does not know: F-12 makes NATIVE the default. */
function qcow2ForCustomShape(): World {
  const w = new World();
  w.import(ImportSource.fromObject(w.export({ format: ExportFormat.QCOW2 })), { compatibleShapes: [CUSTOM_SHAPE] });
  return w;
}

function launchModeOf(w: World): string | undefined {
  w.app.synth();
  const images = synthJson(w.app, w.stack).resource.oci_core_image;
  return Object.values(images).map((i: any) => i.launch_mode)[0];
}

test('without a table entry for the shape, the default is NATIVE and nothing warns', () => {
  const w = qcow2ForCustomShape();
  expect(w.evaluate().filter((f) => f.ruleId === 'OIT036')).toEqual([]);
  expect(launchModeOf(w)).toBe('NATIVE');
});

test('a custom table that says the shape is AMD, set after the import, makes the default PARAVIRTUALIZED and OIT036 stays quiet', () => {
  const w = qcow2ForCustomShape();
  // Chosen after the import was built: the default must still follow it.
  CompatChecks.of(w.stack).useShapeGenerations(
    ShapeGenerations.DEFAULT.withProcessor('VM.Custom.Z1.*', ProcessorKind.AMD, 'our private AMD shape, for the test'));
  expect(w.evaluate().filter((f) => f.ruleId === 'OIT036')).toEqual([]);
  expect(launchModeOf(w)).toBe('PARAVIRTUALIZED');
});

test('an explicit NATIVE on a shape the custom table calls AMD is still reported by OIT036', () => {
  const explicit = new World();
  explicit.import(ImportSource.fromObject(explicit.export({ format: ExportFormat.QCOW2 })), { compatibleShapes: [CUSTOM_SHAPE], launchMode: LaunchMode.NATIVE });
  CompatChecks.of(explicit.stack).useShapeGenerations(
    ShapeGenerations.DEFAULT.withProcessor('VM.Custom.Z1.*', ProcessorKind.AMD, 'our private AMD shape, for the test'));
  expect(explicit.evaluate().filter((f) => f.ruleId === 'OIT036').map((f) => f.path)).toEqual(['case/Import']);
});

/** F-62, F-67, F-70, F-80, F-81: copy timeouts, transit expiry, tags. */
import { ImportSource } from '../../../../lib';
import { casesFor, COMPARTMENT, error, objectUrl, RuleCase, warning } from '../harness';

export const steadyStateCases: RuleCase[] = [
  ...casesFor('OIT060', [
    {
      title: 'default copy timeout (8 h)',
      build: (w) => { w.copy(w.export()); },
      expected: [],
    },
    {
      title: 'copy timeout of exactly 60 min',
      build: (w) => { w.copy(w.export(), { createTimeoutMinutes: 60 }); },
      expected: [],
    },
    {
      title: 'copy timeout of 20 min (the provider default)',
      build: (w) => { w.copy(w.export(), { createTimeoutMinutes: 20 }); },
      expected: [warning('Copy', '20 min')],
      synth: true,
    },
  ]),

  ...casesFor('OIT061', [
    {
      title: 'export bucket expires objects, copy bucket does not (defaults)',
      build: (w) => { w.copy(w.export()); },
      expected: [],
    },
    {
      title: 'shared copy bucket with expiry turned off explicitly',
      build: (w) => { w.copy(w.export(), { destinationBucket: w.bucket('AshBucket', { provider: w.ash, expireObjectsAfterDays: 0 }) }); },
      expected: [],
    },
    {
      title: 'copy bucket that deletes objects after 7 days',
      build: (w) => { w.copy(w.export(), { destinationBucket: w.bucket('AshBucket', { provider: w.ash, expireObjectsAfterDays: 7 }) }); },
      expected: [warning('AshBucket', '7 days', 'case/Copy')],
    },
  ]),

  ...casesFor('OIT070', [
    {
      title: 'defined tags keyed Namespace.key',
      build: (w) => {
        w.bucket('Tagged', { definedTags: { 'Operations.CostCenter': '42' } });
        w.import(ImportSource.fromUrl(objectUrl('images/web.oci')), { definedTags: { 'Operations.CostCenter': '42' }, freeformTags: { team: 'images' } });
      },
      expected: [],
    },
    {
      title: 'defined tag without namespace on an import',
      build: (w) => { w.import(ImportSource.fromUrl(objectUrl('images/web.oci')), { definedTags: { CostCenter: '42' } }); },
      expected: [error('Import', '"CostCenter"')],
      synth: true,
    },
    {
      title: 'defined tag with two dots on a bucket',
      build: (w) => { w.bucket('Tagged', { compartmentId: COMPARTMENT, definedTags: { 'Ops.Cost.Center': '42' } }); },
      expected: [error('Tagged', '"Ops.Cost.Center"')],
    },
  ]),
];

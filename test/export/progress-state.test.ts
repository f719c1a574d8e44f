/** Progress line format and the polling state machine (F-22). */
import { formatElapsed, formatProgressLine } from '../../lib/export/runner/progress';
import { POLLS_WITHOUT_WORK_REQUEST, decidePoll, decideStart } from '../../lib/export/runner/state';

test('elapsed time as hh:mm:ss, hours not wrapped', () => {
  expect([0, 999, 61_000, 3_600_000, 93_784_000].map(formatElapsed)).toEqual(['00:00:00', '00:00:00', '00:01:01', '01:00:00', '26:03:04']);
});

test('one progress line: elapsed, work request status and percent, image state', () => {
  expect(formatProgressLine({ elapsedMs: 750_000, workRequestStatus: 'IN_PROGRESS', percentComplete: 45.4, imageState: 'EXPORTING' })).toBe(
    'oci-image-export: [00:12:30] work request IN_PROGRESS 45%, image EXPORTING',
  );
  expect(formatProgressLine({ elapsedMs: 0, imageState: 'AVAILABLE' })).toBe('oci-image-export: [00:00:00] work request unknown, image AVAILABLE');
});

describe('decidePoll', () => {
  const s = (imageState: string, workRequestStatus?: string, sawExporting = false, polls = 1) => decidePoll({ imageState, workRequestStatus, sawExporting, polls }).kind;

  test('done only when the work request succeeded and the image is AVAILABLE again', () => {
    expect(s('AVAILABLE', 'SUCCEEDED')).toBe('done');
    expect(s('EXPORTING', 'SUCCEEDED')).toBe('wait'); // image state lags
    expect(s('AVAILABLE', 'ACCEPTED')).toBe('wait'); // not yet EXPORTING
    expect(s('EXPORTING', 'IN_PROGRESS')).toBe('wait');
  });

  test('fails on a failed or cancelled work request, or an image that went away', () => {
    expect(s('AVAILABLE', 'FAILED')).toBe('failed');
    expect(s('EXPORTING', 'CANCELED')).toBe('failed');
    expect(s('DELETED', 'IN_PROGRESS')).toBe('failed');
    expect(decidePoll({ imageState: 'DISABLED', sawExporting: true, polls: 2 })).toEqual({ kind: 'failed', reason: 'the image became DISABLED during the export' });
  });

  test('without a work request: AVAILABLE after EXPORTING, or after a few AVAILABLE polls', () => {
    expect(s('AVAILABLE', undefined, true, 2)).toBe('done');
    expect(s('AVAILABLE', undefined, false, 1)).toBe('wait');
    expect(s('AVAILABLE', undefined, false, POLLS_WITHOUT_WORK_REQUEST)).toBe('done');
  });
});

test('decideStart: export AVAILABLE/EXPORTING, wait for PROVISIONING/IMPORTING, refuse the rest', () => {
  expect(['AVAILABLE', 'EXPORTING', 'PROVISIONING', 'IMPORTING', 'DISABLED', 'DELETED'].map((st) => decideStart(st).kind)).toEqual([
    'export', 'export', 'wait', 'wait', 'refuse', 'refuse',
  ]);
});

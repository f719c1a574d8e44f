/**
 * The fault matrix of the oci CLI script, against the stub `oci`
 * (test/support/fake-oci/oci-cli-stub.sh). The CLI does its own retries of
 * 429/5xx, so a failure the stub reports is the CLI's final answer.
 */
import { RUNNER_EXIT } from '../../lib/export/runner-contract';
import { StubImage } from './cli-stub';

export interface CliFaultCase {
  readonly name: string;
  readonly exit: number;
  readonly image?: StubImage;
  /** Export through a PAR URL in the environment. */
  readonly par?: boolean;
  /** Before the run: an object (and marker) already at the destination. */
  readonly before?: 'object' | 'export' | 'export, marker lying about the ETag' | 'export, marker lying about the size' | 'export, marker for another image';
  readonly timeoutMinutes?: number;
}

const E = RUNNER_EXIT;
const err = (status: number, code: string, message = 'injected') => `ServiceError:\n{\n    "code": "${code}",\n    "message": "${message}",\n    "status": ${status}\n}\n`;

export const CLI_FAULT_CASES: readonly CliFaultCase[] = [
  { name: '401 on compute image get', exit: E.AUTH, image: { faults: { image_get: err(401, 'NotAuthenticated') } } },
  { name: '404 NotAuthorizedOrNotFound on compute image get', exit: E.AUTH, image: { faults: { image_get: err(404, 'NotAuthorizedOrNotFound') } } },
  { name: '403 on image export', exit: E.AUTH, image: { faults: { image_export: err(403, 'NotAllowed') } } },
  { name: '401 on os object head', exit: E.AUTH, image: { faults: { object_head: err(401, 'NotAuthenticated') } } },
  { name: 'config file missing', exit: E.AUTH, image: { faults: { image_get: 'ConfigFileNotFound: Could not find config file at /nope\n' } } },
  { name: 'profile missing', exit: E.AUTH, image: { faults: { image_get: 'ProfileNotFound: Profile NOPE not found in config file /x\n' } } },
  { name: 'encrypted key without pass_phrase', exit: E.AUTH, image: { faults: { image_get: 'MissingPrivateKeyPassphrase: The provided key requires a passphrase.\n' } } },
  { name: 'key file is not a key', exit: E.AUTH, image: { faults: { image_get: 'InvalidPrivateKey: the key_file is not a valid private key\n' } } },
  { name: 'platform or Marketplace image', exit: E.NOT_EXPORTABLE, image: { compartment: 'null' } },
  { name: 'image DELETED', exit: E.NOT_EXPORTABLE, image: { state: 'DELETED' } },
  { name: 'ExportImage 400', exit: E.NOT_EXPORTABLE, image: { refuse: true } },
  { name: 'ExportImage 409 x2, then accepted', exit: E.OK, image: { busy: 2 } },
  { name: 'ExportImage 409 until the timeout', exit: E.TIMEOUT, image: { busy: 1_000_000 }, timeoutMinutes: 0.001 },
  { name: 'ExportImage 500 after the CLI retries', exit: E.UNEXPECTED, image: { faults: { image_export: err(500, 'InternalServerError') } } },
  { name: 'export stuck EXPORTING', exit: E.TIMEOUT, image: { outcome: 'never' }, timeoutMinutes: 0.001 },
  { name: 'AVAILABLE without the object', exit: E.EXPORT_FAILED, image: { outcome: 'no-object' } },
  { name: 'AVAILABLE with a 0-byte object', exit: E.EXPORT_FAILED, image: { outcome: 'empty' } },
  { name: "AVAILABLE, someone else's object left in place", exit: E.EXPORT_FAILED, image: { outcome: 'stale' }, before: 'object' },
  { name: "someone else's object is replaced by the export", exit: E.OK, before: 'object' },
  { name: 'true marker: already exported', exit: E.OK, before: 'export' },
  { name: 'marker lying about the ETag: export again', exit: E.OK, before: 'export, marker lying about the ETag' },
  { name: 'marker lying about the size: export again', exit: E.OK, before: 'export, marker lying about the size' },
  { name: 'marker for another image: export again', exit: E.OK, before: 'export, marker for another image' },
  { name: 'marker PutObject refused (warning only)', exit: E.OK, image: { faults: { object_put: err(403, 'NotAllowed') } } },
  { name: 'success through a PAR', exit: E.OK, par: true },
  { name: 'no object through a PAR', exit: E.EXPORT_FAILED, par: true, image: { outcome: 'no-object' } },
  { name: 'ExportImage 400 echoing the PAR URL', exit: E.NOT_EXPORTABLE, par: true, image: { refuse: true } },
  { name: 'ExportImage 500 echoing the PAR token in every encoding', exit: E.UNEXPECTED, par: true, image: { faults: { image_export: 'ECHO' } } },
];

/** The markdown table of the CLI matrix in docs/export-runner.md. */
export function cliMatrixTable(list: readonly CliFaultCase[] = CLI_FAULT_CASES): string {
  return [
    '| oci CLI fault | Exit code |',
    '|---|---|',
    ...list.map((c) => `| ${c.name} | ${c.exit} |`),
    `| **all ${list.length}** | no success without a fresh object, no PAR token in any output |`,
  ].join('\n');
}

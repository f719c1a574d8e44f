/**
 * Checks of the static factories (no construct path yet: the factory's name
 * stands in for it). What needs the program (a URL's shape, a region's
 * existence) is checked later, by the construct or a rule, with its path.
 */
import { OciImageTransferError } from './errors';
import { fail, positive, rfc3339, shaped, text } from './validate';
import { isUnresolved } from './tokens';

/** Longest PAR lifetime accepted by the duration factories: 10 years, beyond is a unit mistake. */
export const MAX_PAR_HOURS = 87_600;

export function checkUrlArgument(where: string, url: unknown, facts: string[]): void {
  const fix = 'pass "https://objectstorage.<region>.<realm domain>/n/<namespace>/b/<bucket>/o/<object>" (a PAR URL from a sensitive variable)';
  if (isUnresolved(url)) return;
  if (typeof url !== 'string') fail(where, 'url', url, 'must be a string URL', fix, facts);
  if (url.trim() === '') fail(where, 'url', url, 'must not be empty', fix, facts);
  // Not shown: the value may be a PAR URL, a bearer secret (F-55).
  if (/[\u0000-\u001f\u007f]/.test(url)) throw new OciImageTransferError(where, 'url contains control characters (value not shown: it may be a PAR URL)', fix, facts);
}

export function checkRegionArgument(where: string, region: unknown): void {
  text(where, 'region', region, { maxChars: 64, fix: 'use the region identifier, e.g. "us-ashburn-1"', facts: ['F-01'] });
}

/** Type and form only: the time itself is rule OIT055's, reported at synth with the construct path. */
export function checkExpiryTime(where: string, time: unknown): void {
  text(where, 'time', time, { required: true, maxChars: 64, fix: 'pass an RFC 3339 time such as "2030-01-31T00:00:00Z"', facts: ['F-54'] });
}

export function checkExpiryHours(where: string, name: string, value: unknown, scale: number): void {
  positive(where, name, value, MAX_PAR_HOURS / scale, scale === 24 ? 'days' : 'hours', `use a positive duration, e.g. ${where.replace(/\(.*$/, '')}(${scale === 24 ? 7 : 48})`, ['F-54']);
}

export function checkImageObjectArgument(where: string, value: unknown): void {
  shaped(where, 'object', value, ['namespaceName', 'bucketName', 'objectName', 'dependables'], 'an image object (ExportedImage, ImageObjectCopy or ExportedImage.fromImageObjectAttributes)', true, 'pass the export or copy to import from', ['F-02']);
}

export function checkEnumArgument(where: string, kind: string, value: unknown, allowed: ReadonlyArray<{ value: string }>, className: string): void {
  const names = allowed.map((a) => a.value);
  if (typeof value !== 'string' || !names.includes(value)) {
    fail(where, kind, value, `is not one of ${names.join(', ')}`, `use ${className}.${names[0]} (or another listed value)`);
  }
}

export function checkShapePattern(where: string, pattern: unknown, note: unknown): void {
  text(where, 'pattern', pattern, { required: true, maxChars: 255, pattern: /^[A-Za-z0-9.*_-]+$/, patternRule: 'a shape name where * matches any text, e.g. "VM.Standard1.*"', fix: 'write the shape as OCI does ("VM.Standard.E4.Flex"), with * for any text', facts: ['F-40'] });
  text(where, 'note', note, { required: true, maxChars: 1000, fix: 'say where the mapping comes from (a doc page, a test)', facts: ['F-40'] });
}

export function checkSupportMatrixProps(where: string, p: any, builtInDistro: (d: unknown) => boolean): void {
  if (p === null || typeof p !== 'object') fail(where, 'props', p, 'must be { edition, source, retrievedOn, entries }', 'pass the four fields of SupportMatrixProps', ['F-32']);
  text(where, 'edition', p.edition, { required: true, maxChars: 100, fix: 'label the edition, e.g. "2026-09-01" or "my-team-2026"', facts: ['F-32'] });
  text(where, 'source', p.source, { required: true, maxChars: 2000, fix: 'cite where the list comes from (a URL or document)', facts: ['F-32'] });
  text(where, 'retrievedOn', p.retrievedOn, { required: true, pattern: /^(\d{4}-\d{2}-\d{2}|undated)$/, patternRule: 'a date YYYY-MM-DD or "undated"', fix: 'give the date the source was read, e.g. "2026-09-01"', facts: ['F-32'] });
  if (p.retrievedOn !== 'undated' && typeof p.retrievedOn === 'string') rfc3339(where, 'retrievedOn', `${p.retrievedOn}T00:00:00Z`, 'give a real calendar date, e.g. "2026-09-01"', ['F-32']);
  if (!Array.isArray(p.entries)) fail(where, 'entries', p.entries, 'must be a list of SupportedOsEntry', 'pass entries: [{ distro: OsDistro.ORACLE_LINUX, majorVersion: "9" }]', ['F-32']);
  p.entries.forEach((e: any, i: number) => {
    if (e === null || typeof e !== 'object' || !builtInDistro(e.distro)) fail(where, `entries[${i}].distro`, e?.distro, 'must be an OsDistro', 'use an OsDistro constant, e.g. OsDistro.ORACLE_LINUX', ['F-32']);
    text(where, `entries[${i}].majorVersion`, e.majorVersion, { required: true, maxChars: 32, fix: 'give the major version, e.g. "9" or "2019"', facts: ['F-32'] });
    text(where, `entries[${i}].minorVersion`, e.minorVersion, { maxChars: 32, fix: 'give the minor version, e.g. "04", or leave it unset', facts: ['F-32'] });
  });
}


/**
 * Input validation shared by every construct and factory (issue 12): one
 * error type, one message shape — construct path, the bad value (truncated,
 * control characters escaped), the rule or fact, the fix.
 *
 * Limits cited:
 * - Bucket names: 1-256 letters, digits, "-", "_", "." (OCI API
 *   CreateBucketDetails, oci-objectstorage 2.139.1; lib/storage-url/components.ts).
 * - Object names: 1-1024 UTF-8 bytes, no NUL, CR or LF (OCI docs "Object
 *   Names", docs.oracle.com .../concept-obj-stor-overview-objnames.html).
 * - Free-form tags: key at most 100 characters, value at most 256 (OCI docs
 *   "Tagging Overview" / tag limits, docs.oracle.com/iaas/Content/Tagging/Concepts/taggingoverview.htm).
 * - Display names: at most 255 characters (the OCI API specs' maxLength for
 *   displayName on core resources).
 * - OCIDs: `ocid1.<type>.<realm>.[region][.future].<unique id>` (OCI docs
 *   "Resource Identifiers", docs.oracle.com/iaas/Content/General/Concepts/identifiers.htm).
 */
import { OciImageTransferError } from './errors';
import { isUnresolved } from './tokens';

const MAX_SHOWN = 80;
// C0 and C1 control characters and DEL: invisible in logs, rejected or rewritten by OCI APIs and shells.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const OCID = /^ocid1\.([a-z0-9_]+)\.([a-z0-9]+)\.([a-z0-9_-]*)(\.[A-Za-z0-9_-]+)+$/;

/** A value as a message shows it: JSON (control characters escaped), truncated; other types by kind. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') {
    const cut = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    const quoted = JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return value.length > MAX_SHOWN ? `${quoted} (${value.length} characters)` : quoted;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

/** Throws the library error: `[path] <name> is <value>: <rule> (facts). Fix: <fix>`. */
export function fail(path: string, name: string, value: unknown, rule: string, fix: string, facts: string[] = []): never {
  throw new OciImageTransferError(path, `${name} is ${show(value)}: ${rule}`, fix, facts);
}

/** Options of a text check. */
export interface TextRule {
  /** Fails when undefined. @default false */
  readonly required?: boolean;
  /** Empty string allowed (e.g. "no revision"). @default false */
  readonly allowEmpty?: boolean;
  readonly maxChars?: number;
  readonly maxBytes?: number;
  readonly pattern?: RegExp;
  /** Words for the pattern, e.g. 'letters, digits, "-" and "_"'. */
  readonly patternRule?: string;
  readonly fix: string;
  readonly facts?: string[];
}

/** A string prop: type (for callers in other languages), blank, control characters, length, pattern. Tokens pass. */
export function text(path: string, name: string, value: unknown, rule: TextRule): void {
  const facts = rule.facts ?? [];
  if (value === undefined || value === null) {
    if (rule.required || value === null) fail(path, name, value, 'a value is required', rule.fix, facts);
    return;
  }
  if (isUnresolved(value)) return;
  if (typeof value !== 'string') fail(path, name, value, `must be a string, not ${typeof value}`, rule.fix, facts);
  if (value.trim() === '' && !(rule.allowEmpty && value === '')) fail(path, name, value, 'must not be empty or blank', rule.fix, facts);
  if (CONTROL.test(value)) fail(path, name, value, 'contains control characters (NUL, newline, tab, ...), which OCI rejects or rewrites', rule.fix, facts);
  if (rule.maxChars !== undefined && value.length > rule.maxChars) fail(path, name, value, `is longer than ${rule.maxChars} characters, OCI's limit`, rule.fix, facts);
  if (rule.maxBytes !== undefined && Buffer.byteLength(value, 'utf8') > rule.maxBytes) fail(path, name, value, `is longer than ${rule.maxBytes} UTF-8 bytes, OCI's limit`, rule.fix, facts);
  if (rule.pattern && !rule.pattern.test(value)) fail(path, name, value, `must be ${rule.patternRule ?? `like ${rule.pattern}`}`, rule.fix, facts);
}

/** A literal OCID of one of the given resource types (tokens pass). */
export function ocid(path: string, name: string, value: unknown, types: string[], required: boolean, fix: string, facts: string[] = []): void {
  text(path, name, value, { required, fix, facts });
  if (value === undefined || isUnresolved(value)) return;
  const m = OCID.exec(value as string);
  if (!m) fail(path, name, value, 'is not an OCID (ocid1.<type>.<realm>.[region].<unique id>)', fix, facts);
  if (types.length && !types.includes(m[1])) fail(path, name, value, `is a ${m[1]} OCID, not a ${types.join(' or ')} OCID`, fix, facts);
}

/** A whole number in [min, max] (tokens pass). */
export function integer(path: string, name: string, value: unknown, min: number, max: number, unit: string, fix: string, facts: string[] = []): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'number') fail(path, name, value, `must be a number of ${unit}, not ${value === null ? 'null' : typeof value}`, fix, facts);
  if (!Number.isInteger(value) || value < min || value > max) fail(path, name, value, `must be a whole number of ${unit} from ${min} to ${max}`, fix, facts);
}

/** A positive finite number up to max (tokens pass). */
export function positive(path: string, name: string, value: unknown, max: number, unit: string, fix: string, facts: string[] = []): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    fail(path, name, value, `must be a number of ${unit} above 0 and at most ${max}`, fix, facts);
  }
}

export function bool(path: string, name: string, value: unknown): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'boolean') fail(path, name, value, 'must be true or false', `pass a boolean for ${name}`);
}

/** An instance of one of the library's enum-like classes (a jsii caller may pass a plain string). */
export function member(path: string, name: string, value: unknown, allowed: ReadonlyArray<{ value: string }>, className: string, required = false): void {
  if (value === undefined && !required) return;
  const v = (value as { value?: unknown } | null | undefined)?.value;
  if (value === null || typeof value !== 'object' || !allowed.some((a) => a === value || a.value === v)) {
    fail(path, name, value, `must be one of ${className}.${allowed.map((a) => a.value).join(', ')}`, `pass a ${className} constant, e.g. ${className}.${allowed[0].value}`);
  }
}

/** An object with a string `value`, like the enum-like classes (the value itself is checked by a rule). */
export function valueObject(path: string, name: string, value: unknown, className: string, known: ReadonlyArray<{ value: string }>): void {
  if (value === undefined) return;
  const v = (value as { value?: unknown } | null)?.value;
  if (value === null || typeof value !== 'object' || typeof v !== 'string' || v.trim() === '' || CONTROL.test(v)) {
    fail(path, name, value, `must be a ${className} (${known.map((k) => `${className}.${k.value}`).join(', ')})`, `pass a ${className} constant, e.g. ${className}.${known[0].value}`);
  }
}

/** A plain enum value (TypeScript enum: the values are strings). */
export function enumValue(path: string, name: string, value: unknown, enumName: string, values: string[], required = false): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || !values.includes(value)) {
    fail(path, name, value, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, `pass ${enumName}.${values[0]} or another ${enumName} member`);
  }
}

/** An object the library made (ExportDestination, ImportSource, ...), not a look-alike. */
export function instance(path: string, name: string, value: unknown, isMade: (x: unknown) => boolean, how: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (!isMade(value)) fail(path, name, value, `must be made with ${how}`, `pass ${how}`);
}

/** A construct-like object with the given members (IImageObject, ITransitBucket, a provider). */
export function shaped(path: string, name: string, value: unknown, members: string[], what: string, required: boolean, fix: string, facts: string[] = []): void {
  if (value === undefined && !required) return;
  if (value === null || typeof value !== 'object' || members.some((m) => !(m in (value as object)))) {
    fail(path, name, value, `must be ${what}`, fix, facts);
  }
}

/** Free-form or defined tags: a map of strings within OCI's tag limits. */
export function tags(path: string, name: string, value: unknown, facts: string[] = ['F-70']): void {
  if (value === undefined || isUnresolved(value)) return;
  const fix = `pass ${name} as { key: "value" } with non-empty keys of at most 100 characters and string values of at most 256`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, name, value, 'must be a map of strings', fix, facts);
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    text(path, `${name} key`, key, { required: true, maxChars: 100, fix, facts });
    if (isUnresolved(v)) continue;
    if (typeof v !== 'string') fail(path, `${name}[${show(key)}]`, v, 'must be a string', fix, facts);
    if (v.length > 256) fail(path, `${name}[${show(key)}]`, v, 'is longer than 256 characters, OCI\'s limit for a tag value', fix, facts);
    if (CONTROL.test(v)) fail(path, `${name}[${show(key)}]`, v, 'contains control characters', fix, facts);
  }
}

/** A list of strings, each checked with `rule` (tokens pass). */
export function textList(path: string, name: string, value: unknown, rule: TextRule): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Array.isArray(value)) fail(path, name, value, 'must be a list of strings', rule.fix, rule.facts);
  value.forEach((item, index) => text(path, `${name}[${index}]`, item, { ...rule, required: true }));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An RFC 3339 time that names a real calendar day and time (30 February is not one). */
export function rfc3339(path: string, name: string, value: unknown, fix: string, facts: string[] = []): void {
  text(path, name, value, { required: true, fix, facts });
  if (isUnresolved(value)) return;
  const problem = rfc3339Problem(value as string);
  if (problem) fail(path, name, value, problem, fix, facts);
}

/** Why a text is not an RFC 3339 time of a real calendar day (JavaScript's Date rolls 30 February over to March). */
export function rfc3339Problem(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m) return 'is not an RFC 3339 time like "2030-01-31T00:00:00Z"';
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  const offsetOk = m[8] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    return 'is not a real calendar time (no such day of the month, or hour/minute out of range)';
  }
  return undefined;
}

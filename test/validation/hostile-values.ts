/**
 * Classes of bad values a user (or a caller in another language) can pass,
 * per kind of prop. `valid` marks values that are legitimately accepted.
 */
export interface BadValue {
  readonly cls: string;
  readonly value: unknown;
  /** The value is legitimately valid for this prop. */
  readonly valid?: boolean;
}

const v = (cls: string, value: unknown, valid = false): BadValue => ({ cls, value, valid });

export const NOT_A_STRING: BadValue[] = [v('number', 42), v('object', {}), v('array', []), v('boolean', true), v('null', null)];

export const STRING: BadValue[] = [
  v('empty', ''), v('blank', '   '), v('NUL', 'a\u0000b'), v('newline', 'line1\nline2'), v('tab', 'a\tb'), v('DEL', 'a\u007fb'),
  v('100k characters', 'x'.repeat(100_000)), ...NOT_A_STRING,
];

export const OCID: BadValue[] = [...STRING, v('not an OCID', 'my-compartment'), v('OCID of the wrong type', 'ocid1.vcn.oc1..aaaa'), v('truncated OCID', 'ocid1.compartment.oc1')];

export const REGION: BadValue[] = [...STRING, v('misspelt', 'us-phonix-1'), v('city name', 'Ashburn'), v('no number', 'eu-frankfurt'), v('region key', 'IAD')];

export const BUCKET_NAME: BadValue[] = [...STRING, v('space', 'my bucket'), v('slash', 'a/b'), v('257 characters', 'b'.repeat(257))];

export const NAMESPACE: BadValue[] = [...STRING, v('upper case', 'MyNamespace'), v('dash', 'my-ns')];

export const OBJECT_NAME: BadValue[] = [...STRING, v('dot segment', '..'), v('1025 bytes', 'é'.repeat(513))];

export const MINUTES: BadValue[] = [
  v('NaN', NaN), v('negative', -1), v('zero', 0), v('Infinity', Infinity), v('fraction', 1.5), v('numeric string', '5'),
  v('-1m string', '-1m'), v('a million minutes', 1_000_000), v('null', null), v('object', {}),
];

/** ExportedImage.timeoutMinutes: whole minutes 1–10080 (7 days). */
export const EXPORT_TIMEOUT_MINUTES: BadValue[] = [
  ...MINUTES, v('one minute past 7 days', 10081), v('7 days', 10080, true), v('one minute', 1, true),
];

/** ExportedImage.pollSeconds: whole seconds 5–3600 (an OCI poll rate that stays polite). */
export const POLL_SECONDS: BadValue[] = [
  v('NaN', NaN), v('negative', -1), v('zero', 0), v('Infinity', Infinity), v('fraction', 5.5), v('below 5', 4), v('above an hour', 3601),
  v('numeric string', '30'), v('null', null), v('object', {}), v('five', 5, true),
];

export const DAYS_OR_ZERO: BadValue[] = [
  v('NaN', NaN), v('negative', -1), v('zero (turns the rule off)', 0, true), v('Infinity', Infinity), v('fraction', 1.5), v('numeric string', '5'), v('null', null),
];

export const SIZE: BadValue[] = [v('NaN', NaN), v('negative', -5), v('zero', 0), v('Infinity', Infinity), v('numeric string', '50'), v('null', null), v('huge', 1e12)];

export const BOOLEAN: BadValue[] = [v('string', 'yes'), v('number', 1), v('object', {}), v('null', null)];

export const TAGS: BadValue[] = [
  v('empty key', { '': 'v' }), v('blank key', { ' ': 'v' }), v('number value', { team: 5 }), v('101-character key', { ['k'.repeat(101)]: 'v' }),
  v('257-character value', { team: 'v'.repeat(257) }), v('newline in key', { 'a\nb': 'v' }), v('NUL in value', { team: 'a\u0000' }),
  v('string', 'team=platform'), v('array', ['team']), v('null', null),
];

export const SHAPES: BadValue[] = [
  v('empty item', ['']), v('blank item', [' ']), v('space in name', ['VM Standard']), v('newline in name', ['VM.Standard2.1\n']),
  v('number item', [5]), v('null item', [null]), v('string, not a list', 'VM.Standard2.1'), v('object', {}),
];

export const ENUM_LIKE: BadValue[] = [v('plain string', 'OCI'), v('object', {}), v('empty value', { value: '' }), v('number', 3), v('null', null)];

/** An AuthMode prop: enum-like values, and the provider's own spelling as a plain string (the class is required). */
export const AUTH_MODE: BadValue[] = [...ENUM_LIKE, v('provider spelling as a string', 'InstancePrincipal')];
export const ENUM: BadValue[] = [v('unknown value', 'SOMETHING'), v('lower case', 'custom'), v('empty', ''), v('number', 1), v('object', {}), v('null', null)];

export const PROVIDER: BadValue[] = [v('string', 'oci'), v('object', {}), v('number', 1), v('null', null)];

export const CONSTRUCT_REF: BadValue[] = [v('string', 'bucket'), v('object', {}), v('number', 1), v('null', null)];

export const URL: BadValue[] = [
  ...STRING, v('no /o/ part', 'https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/images'), v('http', 'http://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/b/o/x.oci'),
  v('file name only', 'disk.qcow2'), v('query string', 'https://objectstorage.us-phoenix-1.oraclecloud.com/n/ns/b/b/o/x.oci?sig=1'),
];

export const TIME: BadValue[] = [
  ...STRING, v('30 February', '2030-02-30T00:00:00Z'), v('no time zone', '2030-01-01T00:00:00'), v('words', 'next tuesday'),
  v('past', '2020-01-01T00:00:00Z'), v('hour 25', '2030-01-01T25:00:00Z'),
];

export const HOURS: BadValue[] = [v('NaN', NaN), v('negative', -1), v('zero', 0), v('Infinity', Infinity), v('numeric string', '24'), v('null', null), v('a million', 1_000_000)];

export const PROPS_OBJECT: BadValue[] = [v('null', null), v('string', 'props'), v('number', 5), v('array', [])];

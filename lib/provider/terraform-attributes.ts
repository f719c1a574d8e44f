/**
 * The one shared mapper from a binding's camelCase config to the provider's
 * snake_case attributes, instead of per-class generated boilerplate.
 *
 * Keys listed in `verbatim` hold string maps (tags, metadata, schema data)
 * whose own keys belong to the user and must not be renamed.
 *
 * Every literal string (values and map keys) is escaped for Terraform's
 * template syntax on the way (see `escapeTemplateLiterals`), so a name, tag
 * or description holding `${…}` or `%{…}` arrives as written instead of
 * being evaluated.
 */
export function toTerraformAttributes(config: object, verbatim: ReadonlySet<string> = NO_VERBATIM): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || META_ARGUMENTS.has(key)) continue;
    out[snakeCase(key)] = verbatim.has(key) ? escapeTemplates(value) : convert(value);
  }
  return out;
}

/** camelCase → snake_case, the naming rule `cdktf get` uses in reverse. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * cdktf's marker of a string token (`${TfToken[TOKEN.12]}`); at synth it
 * becomes a real Terraform expression (`${var.x}`), so it is never escaped.
 */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * Escapes Terraform template sequences in the literal parts of a string:
 * `${` becomes `$${` and `%{` becomes `%%{`, which Terraform reads back as
 * the literal text (HCL template escapes). Token markers stay as they are.
 */
export function escapeTemplateLiterals(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(STRING_TOKEN)) {
    out += escapeLiteral(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + escapeLiteral(text.slice(last));
}

function escapeLiteral(text: string): string {
  // Function replacements: in a replacement string `$$` would mean a single `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** `escapeTemplateLiterals` applied to every string, map key and list element of a plain value. */
export function escapeTemplates<T>(value: T): T {
  if (typeof value === 'string') return escapeTemplateLiterals(value) as T;
  if (Array.isArray(value)) return value.map(escapeTemplates) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeTemplateLiterals(k), escapeTemplates(v)])) as T;
  }
  return value;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (isPlainObject(value)) return toTerraformAttributes(value);
  return escapeTemplates(value);
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const NO_VERBATIM: ReadonlySet<string> = new Set();

/** Terraform meta-arguments are rendered by cdktf itself, never as attributes. */
const META_ARGUMENTS: ReadonlySet<string> = new Set(['dependsOn', 'count', 'provider', 'lifecycle', 'forEach', 'provisioners', 'connection']);

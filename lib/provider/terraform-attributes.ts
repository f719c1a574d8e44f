/**
 * The one shared mapper from a binding's camelCase config to the provider's
 * snake_case attributes, instead of per-class generated boilerplate.
 *
 * Keys listed in `verbatim` hold string maps (tags, metadata, schema data)
 * whose own keys belong to the user and must not be renamed.
 */
export function toTerraformAttributes(config: object, verbatim: ReadonlySet<string> = NO_VERBATIM): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || META_ARGUMENTS.has(key)) continue;
    out[snakeCase(key)] = verbatim.has(key) ? value : convert(value);
  }
  return out;
}

/** camelCase → snake_case, the naming rule `cdktf get` uses in reverse. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (isPlainObject(value)) return toTerraformAttributes(value);
  return value;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const NO_VERBATIM: ReadonlySet<string> = new Set();

/** Terraform meta-arguments are rendered by cdktf itself, never as attributes. */
const META_ARGUMENTS = new Set(['dependsOn', 'count', 'provider', 'lifecycle', 'forEach', 'provisioners', 'connection']);

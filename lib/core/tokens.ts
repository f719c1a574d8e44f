import { Token } from 'cdktf';

/**
 * The one token check: true when a value is known only at apply — a cdktf
 * token, or a string carrying a Terraform reference (`${...}`) that a user
 * wrote by hand. Every synth-time check guards its input with this.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return Token.isUnresolved(value) || value.includes('${');
  return Token.isUnresolved(value);
}

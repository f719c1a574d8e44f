/**
 * Small helpers to write Terraform expressions as text for HCL-in-JSON
 * (`condition`, `error_message`). Every literal that can come from a user
 * goes through `hclString` or `templateText`, so a `${` or `%{` in it is
 * never read by Terraform as interpolation or a directive.
 */

/** Escapes template sequences in literal text that Terraform reads as a template. */
export function templateText(text: string): string {
  // Replacer functions: in a replacement string "$$" would collapse to "$".
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A quoted HCL string literal holding exactly `value` (JSON escapes are valid HCL escapes). */
export function hclString(value: string): string {
  return templateText(JSON.stringify(value));
}

/** `"${expr}"`: a whole-value interpolation, as HCL-in-JSON writes an expression. */
export function interpolation(expression: string): string {
  return `\${${expression}}`;
}

/** Escapes regular-expression syntax (RE2 and JavaScript agree on these). */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

/** `can(regex(pattern, text))`: true when `text` matches. */
export function matches(pattern: string, text: string): string {
  return `can(regex(${hclString(pattern)}, ${text}))`;
}

/** An attribute that may be null, as a string ("" when null). */
export function orEmpty(reference: string): string {
  return `(${reference} == null ? "" : ${reference})`;
}

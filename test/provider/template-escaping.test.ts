/** Literal strings written into Terraform config are escaped once, in the shared mapper; token markers stay. */
import { App, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { escapeTemplateLiterals, escapeTemplates, toTerraformAttributes } from '../../lib/provider/terraform-attributes';

test('escapes ${ and %{ in literal parts only', () => {
  expect(escapeTemplateLiterals('50%{off}/${file("x")}/$${y}')).toBe('50%%{off}/$${file("x")}/$$${y}');
  const stack = new TerraformStack(new App(), 's');
  const token = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
  expect(Token.isUnresolved(token)).toBe(true);
  const mixed = `\${a}-${token}-%{b}`;
  const escaped = escapeTemplateLiterals(mixed);
  expect(escaped).toBe(`$\${a}-${token}-%%{b}`);
  expect(escaped).toContain(token);
});

test('the mapper escapes values, nested blocks, list items and the keys of verbatim maps', () => {
  const out = toTerraformAttributes(
    { displayName: 'a${b}', freeformTags: { 'k%{x}': 'v${y}' }, nested: { objectName: ['%{z}'] }, count: 1 },
    new Set(['freeformTags']),
  );
  expect(out).toEqual({ display_name: 'a$${b}', freeform_tags: { 'k%%{x}': 'v$${y}' }, nested: { object_name: ['%%{z}'] } });
  expect(escapeTemplates({ n: 3, b: true, s: '${' })).toEqual({ n: 3, b: true, s: '$${' });
});

/** Config members renamed away from jsii reserved words still write the provider's attribute names. */
import {
  NAMESPACE_AND_OBJECT_ATTRIBUTES, NAMESPACE_ATTRIBUTE, toTerraformAttributes,
} from '../../lib/provider/terraform-attributes';

test('an object binding writes namespace and object, in nested blocks too, and delete in timeouts', () => {
  const out = toTerraformAttributes(
    {
      namespaceName: 'ns', objectName: 'o', bucket: 'b',
      sourceUriDetails: { namespaceName: 'src', objectName: 'so', region: 'r' },
      timeouts: { create: '1h', destroy: '2h' },
      metadata: { namespaceName: 'user key' },
    },
    new Set(['metadata']),
    NAMESPACE_AND_OBJECT_ATTRIBUTES,
  );
  expect(out).toEqual({
    namespace: 'ns', object: 'o', bucket: 'b',
    source_uri_details: { namespace: 'src', object: 'so', region: 'r' },
    timeouts: { create: '1h', delete: '2h' },
    metadata: { namespaceName: 'user key' },
  });
});

test('a PAR binding keeps object_name: only namespaceName is renamed there', () => {
  expect(toTerraformAttributes({ namespaceName: 'ns', objectName: 'o' }, undefined, NAMESPACE_ATTRIBUTE))
    .toEqual({ namespace: 'ns', object_name: 'o' });
});

test('without a table the mapper is plain camelCase to snake_case (oci_core_image writes namespace_name)', () => {
  expect(toTerraformAttributes({ imageSourceDetails: { namespaceName: 'ns', objectName: 'o' }, constructor: 'x' }))
    .toEqual({ image_source_details: { namespace_name: 'ns', object_name: 'o' }, constructor: 'x' });
});

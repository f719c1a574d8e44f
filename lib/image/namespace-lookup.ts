import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DataOciObjectstorageNamespace } from '../provider';

/**
 * One `oci_objectstorage_namespace` lookup per stack, provider and literal
 * compartment, shared by every bucket that needs it. A tenancy has one
 * namespace for all its compartments and regions (OCI documentation,
 * "Understanding Object Storage Namespaces"), and every data source costs
 * a GetNamespace call in each plan (F-85), so a lookup per bucket reads the
 * same value again and again. Compartments are compared as given: two
 * tokens are never guessed equal, even when they stand for one variable
 * (resolving them here would add cross-stack outputs as a side effect).
 */
export function sharedNamespace(scope: IConstruct, provider: TerraformProvider | undefined, compartmentId: string | undefined): string {
  const stack = TerraformStack.of(scope);
  let byKey = lookups.get(stack);
  if (!byKey) lookups.set(stack, (byKey = new Map()));
  const compartment = compartmentId ?? '';
  let perProvider = byKey.get(provider);
  if (!perProvider) byKey.set(provider, (perProvider = new Map()));
  let namespace = perProvider.get(compartment);
  if (!namespace) {
    const id = `ObjectStorageNamespace-${provider ? provider.node.id : 'default'}${perProvider.size ? `-${perProvider.size + 1}` : ''}`;
    namespace = new DataOciObjectstorageNamespace(stack, id, { provider, compartmentId }).namespace;
    perProvider.set(compartment, namespace);
  }
  return namespace;
}

const lookups = new WeakMap<TerraformStack, Map<TerraformProvider | undefined, Map<string, string>>>();

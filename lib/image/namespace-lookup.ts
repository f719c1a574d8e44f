import { TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stackState } from '../core/stack-state';
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
  const lookups = stackState(scope, NamespaceLookups.ID, (stack, id) => new NamespaceLookups(stack, id));
  const stack = lookups.node.scope as Construct;
  const compartment = compartmentId ?? '';
  let perProvider = lookups.byProvider.get(provider);
  if (!perProvider) lookups.byProvider.set(provider, (perProvider = new Map()));
  let namespace = perProvider.get(compartment);
  if (!namespace) {
    const id = `ObjectStorageNamespace-${provider ? provider.node.id : 'default'}${perProvider.size ? `-${perProvider.size + 1}` : ''}`;
    namespace = new DataOciObjectstorageNamespace(stack, id, { provider, compartmentId }).namespaceName;
    perProvider.set(compartment, namespace);
  }
  return namespace;
}

/** The stack's namespace lookups: provider (undefined: the default one) -> compartment as given -> namespace. */
class NamespaceLookups extends Construct {
  public static readonly ID = 'OciImageNamespaceLookups';
  public readonly byProvider = new Map<TerraformProvider | undefined, Map<string, string>>();
}

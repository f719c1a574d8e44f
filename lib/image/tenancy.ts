import { TerraformProvider } from 'cdktf';
import { providerProfile, providerTenancy } from './provider-facts';
import { isUnresolved } from '../core/tokens';

/** Whether an import crosses tenancies, and, when that cannot be told, a hint why it might. */
export interface TenancyVerdict {
  /** true/false when known; undefined when it cannot be told at synth. */
  readonly cross?: boolean;
  /** Set when undecided but the providers use different config profiles (a usual cross-tenancy set-up). */
  readonly differingProfiles?: [string, string];
}

/**
 * Compares the source and target sides of an import (F-03). Never assumes
 * the same tenancy: only the same provider, or two literal tenancy OCIDs,
 * decide it; everything else is undecided and reported "not checkable".
 */
export function compareTenancy(source: TerraformProvider | undefined, target: TerraformProvider | undefined, sourceTenancy?: string): TenancyVerdict {
  if (source !== undefined && source === target) return { cross: false };
  const a = sourceTenancy ?? providerTenancy(source);
  const b = providerTenancy(target);
  if (literal(a) && literal(b)) return { cross: a !== b };
  const pa = source ? providerProfile(source) ?? 'DEFAULT' : undefined;
  const pb = target ? providerProfile(target) ?? 'DEFAULT' : undefined;
  if (literal(pa) && literal(pb) && pa !== pb) return { differingProfiles: [pa, pb] };
  return {};
}

function literal(value: string | undefined): value is string {
  return typeof value === 'string' && value !== '' && !isUnresolved(value);
}

import { namespaceProblem } from './components';
import { UNRESOLVED, ensureString } from './errors';
import { OciImageTransferError } from '../core/errors';
import { RegionTable } from '../knowledge/regions';
import { isUnresolved } from '../core/tokens';

/**
 * Which DNS domain serves each OCI region (F-50: never assume oraclecloud.com).
 * The region -> realm -> domain table is lib/knowledge/regions.ts (cited
 * there); callers can always pass `realmDomain` for regions it lacks.
 */
export const OC1_DOMAIN = 'oraclecloud.com';

function knownDomain(region: string): string | undefined {
  return RegionTable.DEFAULT.lookup(region)?.realmDomain;
}

const REGION_ID = /^[a-z]+(-[a-z0-9]+)+$/;
const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const HOST_SHAPE = 'objectstorage.<region>.<realm domain>';
const DEDICATED_SHAPE = '<namespace>.objectstorage.<region>.oci.customer-oci.com';

function fail(problem: string, shape: string): OciImageTransferError {
  return OciImageTransferError.withMessage(`Cannot determine the Object Storage host: ${problem}. Expected ${shape}`);
}

function checkRegion(region: string, shape: string): void {
  ensureString(region, 'region');
  if (isUnresolved(region)) throw fail(`region ${UNRESOLVED}`, shape);
  if (!REGION_ID.test(region)) {
    throw fail(`region ${JSON.stringify(region)} is not a region identifier like "us-ashburn-1"`, shape);
  }
}

/**
 * Domain for a region. Unlisted regions are assumed to be OC1 (new
 * commercial regions are the common case, and the SDK falls back the same
 * way), except "-dcc-" (dedicated/sovereign) regions, which are never OC1.
 */
export function realmDomainForRegion(region: string, realmDomain?: string): string {
  checkRegion(region, HOST_SHAPE);
  if (realmDomain !== undefined) {
    ensureString(realmDomain, 'realmDomain');
    if (!DOMAIN.test(realmDomain)) {
      throw fail(`realmDomain ${JSON.stringify(realmDomain)} is not a domain like "oraclecloud.com"`, HOST_SHAPE);
    }
    return realmDomain;
  }
  const known = knownDomain(region);
  if (known !== undefined) return known;
  if (region.includes('-dcc-')) {
    throw fail(`region ${JSON.stringify(region)} is a dedicated region whose realm is not known here; pass realmDomain`, HOST_SHAPE);
  }
  return OC1_DOMAIN;
}

export function regionalHost(region: string, realmDomain?: string): string {
  return `objectstorage.${region}.${realmDomainForRegion(region, realmDomain)}`;
}

/**
 * The SDK defines the dedicated (namespace-prefixed) endpoint template for
 * realm oc1 only (oci-objectstorage 2.139.1, serviceEndpointTemplatePerRealm),
 * so refuse regions known to be elsewhere rather than invent a host.
 */
export function dedicatedHost(namespace: string, region: string): string {
  ensureString(namespace, 'namespace');
  if (isUnresolved(namespace)) throw fail(`namespace ${UNRESOLVED}`, DEDICATED_SHAPE);
  const problem = namespaceProblem(namespace);
  if (problem !== undefined) throw fail(problem, DEDICATED_SHAPE);
  checkRegion(region, DEDICATED_SHAPE);
  if ((knownDomain(region) ?? OC1_DOMAIN) !== OC1_DOMAIN || region.includes('-dcc-')) {
    throw fail(`region ${JSON.stringify(region)} is outside the OC1 realm; dedicated endpoints are defined only for OC1`, DEDICATED_SHAPE);
  }
  return `${namespace}.objectstorage.${region}.oci.customer-oci.com`;
}

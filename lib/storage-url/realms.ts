import { isUnresolved, namespaceProblem } from './components';
import { StorageUrlError, UNRESOLVED, ensureString } from './errors';

/**
 * Which DNS domain serves each OCI region (F-50: never assume oraclecloud.com).
 *
 * Source: the OCI TypeScript SDK this package depends on, oci-common 2.139.1
 * (lib/realm.js and lib/region.js). Every region there that is not in the
 * commercial realm OC1 is listed here. We copy instead of calling the SDK's
 * Region lookup because that lookup also reads ~/.oci files, environment
 * variables and instance metadata, which would make synth depend on the host.
 * New realms appear over time: callers can always pass `realmDomain`.
 */
const NON_OC1_REALMS: ReadonlyArray<readonly [realm: string, domain: string, regions: readonly string[]]> = [
  ['oc2', 'oraclegovcloud.com', ['us-langley-1', 'us-luke-1']],
  ['oc3', 'oraclegovcloud.com', ['us-gov-ashburn-1', 'us-gov-chicago-1', 'us-gov-phoenix-1']],
  ['oc4', 'oraclegovcloud.uk', ['uk-gov-london-1', 'uk-gov-cardiff-1']],
  ['oc8', 'oraclecloud8.com', ['ap-chiyoda-1', 'ap-ibaraki-1']],
  ['oc9', 'oraclecloud9.com', ['me-dcc-muscat-1', 'me-ibri-1']],
  ['oc10', 'oraclecloud10.com', ['ap-dcc-canberra-1']],
  ['oc14', 'oraclecloud14.com', ['eu-dcc-milan-1', 'eu-dcc-milan-2', 'eu-dcc-dublin-1', 'eu-dcc-dublin-2', 'eu-dcc-rating-1', 'eu-dcc-rating-2']],
  ['oc15', 'oraclecloud15.com', ['ap-dcc-gazipur-1']],
  ['oc19', 'oraclecloud.eu', ['eu-frankfurt-2', 'eu-madrid-2']],
  ['oc20', 'oraclecloud20.com', ['eu-jovanovac-1']],
  ['oc21', 'oraclecloud21.com', ['me-dcc-doha-1', 'me-alrayyan-1']],
  ['oc23', 'oraclecloud23.com', ['us-somerset-1', 'us-thames-1']],
  ['oc24', 'oraclecloud24.com', ['eu-dcc-zurich-1', 'eu-crissier-1']],
  ['oc26', 'oraclecloud26.com', ['me-abudhabi-3', 'me-alain-1']],
  ['oc29', 'oraclecloud29.com', ['me-abudhabi-2', 'me-abudhabi-4']],
  ['oc35', 'oraclecloud35.com', ['ap-seoul-2', 'ap-suwon-1', 'ap-chuncheon-2']],
  ['oc42', 'oraclecloud42.com', ['us-ashburn-2', 'us-newark-1']],
  ['oc51', 'oraclecloud51.com', ['eu-budapest-1']],
  ['oc52', 'oraclecloud52.com', ['sa-riodejaneiro-1']],
];

export const OC1_DOMAIN = 'oraclecloud.com';

const DOMAIN_BY_REGION = new Map<string, string>(
  NON_OC1_REALMS.flatMap(([, domain, regions]) => regions.map((r) => [r, domain] as [string, string])),
);

const REGION_ID = /^[a-z]+(-[a-z0-9]+)+$/;
const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const HOST_SHAPE = 'objectstorage.<region>.<realm domain>';
const DEDICATED_SHAPE = '<namespace>.objectstorage.<region>.oci.customer-oci.com';

function fail(problem: string, shape: string): StorageUrlError {
  return new StorageUrlError(`Cannot determine the Object Storage host: ${problem}. Expected ${shape}`);
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
  const known = DOMAIN_BY_REGION.get(region);
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
  if (DOMAIN_BY_REGION.has(region) || region.includes('-dcc-')) {
    throw fail(`region ${JSON.stringify(region)} is outside the OC1 realm; dedicated endpoints are defined only for OC1`, DEDICATED_SHAPE);
  }
  return `${namespace}.objectstorage.${region}.oci.customer-oci.com`;
}

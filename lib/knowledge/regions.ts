import { OciImageTransferError } from '../core/errors';
import { show } from '../core/validate';

/**
 * OCI regions as knowledge: identifier, key, realm and realm domain.
 *
 * Source: the OCI TypeScript SDK this package already depends on,
 * oci-common 2.139.1 (lib/region.js, the `Region.register(...)` list, and
 * lib/realm.js for each realm's second-level domain). The same list backs
 * OCI's "Regions and Availability Domains" page
 * (https://docs.oracle.com/iaas/Content/General/Concepts/regions.htm) and the
 * Go SDK's common/regions.go. Copied, not looked up at run time: the SDK's
 * lookup also reads ~/.oci files, environment variables and instance
 * metadata, which would make synth depend on the machine.
 *
 * Regions are added over time: `RegionTable.DEFAULT.withRegion(...)` makes a
 * table with more, and `CompatChecks.of(stack).useRegions(table)` uses it.
 */

/** What kind of realm a region belongs to. Enum-like for jsii. */
export class RealmKind {
  /** oc1: the public commercial cloud. */
  public static readonly COMMERCIAL = new RealmKind('commercial');
  /** oc2, oc3 (US government), oc4 (UK government). */
  public static readonly GOVERNMENT = new RealmKind('government');
  /** oc19: the EU Sovereign Cloud. */
  public static readonly SOVEREIGN = new RealmKind('sovereign');
  /** Every other realm: dedicated, national or partner clouds, separate from oc1. */
  public static readonly DEDICATED = new RealmKind('dedicated');

  private constructor(public readonly value: string) {}
}

/** Props of one region row. */
export interface OciRegionProps {
  /** Region identifier, e.g. `us-ashburn-1`. */
  readonly identifier: string;
  /** Three-letter region key, e.g. `IAD`. */
  readonly key: string;
  /** Realm key, e.g. `oc1`. */
  readonly realm: string;
  /** Second-level domain of the realm's endpoints, e.g. `oraclecloud.com`. */
  readonly realmDomain: string;
  /** @default COMMERCIAL for oc1, GOVERNMENT for oc2-oc4, SOVEREIGN for oc19, else DEDICATED */
  readonly realmKind?: RealmKind;
}

/** One OCI region. */
export class OciRegion {
  public readonly identifier: string;
  public readonly key: string;
  public readonly realm: string;
  public readonly realmDomain: string;
  public readonly realmKind: RealmKind;

  constructor(props: OciRegionProps) {
    const problem = regionPropsProblem(props);
    if (problem) {
      throw new OciImageTransferError('OciRegion', problem, 'pass { identifier: "xx-city-1", key: "XYZ", realm: "oc1", realmDomain: "oraclecloud.com" } as OCI lists the region', ['F-50']);
    }
    this.identifier = props.identifier;
    this.key = props.key.toUpperCase();
    this.realm = props.realm.toLowerCase();
    this.realmDomain = props.realmDomain.toLowerCase();
    this.realmKind = props.realmKind ?? kindOfRealm(this.realm);
  }
}

/** Realm key -> second-level domain (oci-common 2.139.1, lib/realm.js). */
const REALM_DOMAINS: Record<string, string> = {
  oc1: 'oraclecloud.com', oc2: 'oraclegovcloud.com', oc3: 'oraclegovcloud.com', oc4: 'oraclegovcloud.uk',
  oc8: 'oraclecloud8.com', oc9: 'oraclecloud9.com', oc10: 'oraclecloud10.com', oc14: 'oraclecloud14.com',
  oc15: 'oraclecloud15.com', oc19: 'oraclecloud.eu', oc20: 'oraclecloud20.com', oc21: 'oraclecloud21.com',
  oc23: 'oraclecloud23.com', oc24: 'oraclecloud24.com', oc26: 'oraclecloud26.com', oc29: 'oraclecloud29.com',
  oc35: 'oraclecloud35.com', oc42: 'oraclecloud42.com', oc51: 'oraclecloud51.com', oc52: 'oraclecloud52.com',
};

/** Realm key -> [region identifier, region key] (oci-common 2.139.1, lib/region.js, in its order). */
const REGIONS_BY_REALM: Record<string, Array<[string, string]>> = {
  oc1: [['ap-chuncheon-1', 'YNY'], ['ap-mumbai-1', 'BOM'], ['ap-hyderabad-1', 'HYD'], ['ap-seoul-1', 'ICN'], ['ap-sydney-1', 'SYD'], ['ap-melbourne-1', 'MEL'], ['ap-osaka-1', 'KIX'], ['ap-tokyo-1', 'NRT'], ['ca-montreal-1', 'YUL'], ['ca-toronto-1', 'YYZ'], ['eu-frankfurt-1', 'FRA'], ['eu-zurich-1', 'ZRH'], ['sa-saopaulo-1', 'GRU'], ['uk-cardiff-1', 'CWL'], ['uk-london-1', 'LHR'], ['us-ashburn-1', 'IAD'], ['us-phoenix-1', 'PHX'], ['eu-amsterdam-1', 'AMS'], ['me-jeddah-1', 'JED'], ['us-sanjose-1', 'SJC'], ['me-dubai-1', 'DXB'], ['sa-santiago-1', 'SCL'], ['sa-vinhedo-1', 'VCP'], ['il-jerusalem-1', 'MTZ'], ['eu-marseille-1', 'MRS'], ['ap-singapore-1', 'SIN'], ['me-abudhabi-1', 'AUH'], ['eu-milan-1', 'LIN'], ['eu-stockholm-1', 'ARN'], ['af-johannesburg-1', 'JNB'], ['eu-paris-1', 'CDG'], ['mx-queretaro-1', 'QRO'], ['eu-madrid-1', 'MAD'], ['us-chicago-1', 'ORD'], ['mx-monterrey-1', 'MTY'], ['us-saltlake-2', 'AGA'], ['sa-bogota-1', 'BOG'], ['sa-valparaiso-1', 'VAP'], ['ap-singapore-2', 'XSP'], ['me-riyadh-1', 'RUH'], ['ap-delhi-1', 'ONM'], ['ap-batam-1', 'HSG'], ['eu-madrid-3', 'ORF'], ['eu-turin-1', 'NRQ'], ['ap-kulai-2', 'JBP'], ['af-casablanca-1', 'LEJ']],
  oc2: [['us-langley-1', 'LFI'], ['us-luke-1', 'LUF']],
  oc3: [['us-gov-ashburn-1', 'RIC'], ['us-gov-chicago-1', 'PIA'], ['us-gov-phoenix-1', 'TUS']],
  oc4: [['uk-gov-london-1', 'LTN'], ['uk-gov-cardiff-1', 'BRS']],
  oc8: [['ap-chiyoda-1', 'NJA'], ['ap-ibaraki-1', 'UKB']],
  oc9: [['me-dcc-muscat-1', 'MCT'], ['me-ibri-1', 'IBR']],
  oc10: [['ap-dcc-canberra-1', 'WGA']],
  oc14: [['eu-dcc-milan-1', 'BGY'], ['eu-dcc-milan-2', 'MXP'], ['eu-dcc-dublin-2', 'SNN'], ['eu-dcc-rating-2', 'DTM'], ['eu-dcc-rating-1', 'DUS'], ['eu-dcc-dublin-1', 'ORK']],
  oc20: [['eu-jovanovac-1', 'BEG']],
  oc19: [['eu-madrid-2', 'VLL'], ['eu-frankfurt-2', 'STR']],
  oc24: [['eu-dcc-zurich-1', 'AVZ'], ['eu-crissier-1', 'AVF']],
  oc21: [['me-dcc-doha-1', 'DOH'], ['me-alrayyan-1', 'VVE']],
  oc26: [['me-abudhabi-3', 'AHU'], ['me-alain-1', 'RBA']],
  oc15: [['ap-dcc-gazipur-1', 'DAC']],
  oc29: [['me-abudhabi-2', 'RKT'], ['me-abudhabi-4', 'SHJ']],
  oc23: [['us-somerset-1', 'EBB'], ['us-thames-1', 'EBL']],
  oc35: [['ap-seoul-2', 'DTZ'], ['ap-suwon-1', 'DLN'], ['ap-chuncheon-2', 'BNO']],
  oc42: [['us-ashburn-2', 'YXJ'], ['us-newark-1', 'PGC']],
  oc51: [['eu-budapest-1', 'JSK']],
  oc52: [['sa-riodejaneiro-1', 'HNW']],
};

const IDENTIFIER = /^[a-z]{2,}(-[a-z0-9]+)+-[0-9]+$/;

function kindOfRealm(realm: string): RealmKind {
  if (realm === 'oc1') return RealmKind.COMMERCIAL;
  if (realm === 'oc2' || realm === 'oc3' || realm === 'oc4') return RealmKind.GOVERNMENT;
  if (realm === 'oc19') return RealmKind.SOVEREIGN;
  return RealmKind.DEDICATED;
}

function regionPropsProblem(p: OciRegionProps): string | undefined {
  if (p === null || typeof p !== 'object') return 'the region props are missing';
  if (typeof p.identifier !== 'string' || !IDENTIFIER.test(p.identifier)) {
    return `identifier ${show(p.identifier)} is not a region identifier like "us-ashburn-1" (lowercase words and a trailing number, joined by "-")`;
  }
  if (typeof p.key !== 'string' || !/^[A-Za-z]{3}$/.test(p.key)) return `key ${show(p.key)} of ${p.identifier} is not a three-letter region key like "IAD"`;
  if (typeof p.realm !== 'string' || !/^oc[0-9]+$/i.test(p.realm)) return `realm ${show(p.realm)} of ${p.identifier} is not a realm key like "oc1"`;
  if (typeof p.realmDomain !== 'string' || !/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(p.realmDomain)) {
    return `realmDomain ${show(p.realmDomain)} of ${p.identifier} is not a domain like "oraclecloud.com"`;
  }
  return undefined;
}

/**
 * An immutable table of known regions. `DEFAULT` holds the cited list;
 * `withRegion` returns a new table with one more (or a replaced) row.
 */
export class RegionTable {
  /** Every region of oci-common 2.139.1, commercial, government, sovereign and dedicated realms. */
  public static readonly DEFAULT = new RegionTable(Object.entries(REGIONS_BY_REALM).flatMap(([realm, rows]) =>
    rows.map(([identifier, key]) => new OciRegion({ identifier, key, realm, realmDomain: REALM_DOMAINS[realm] }))));

  private readonly byId: Map<string, OciRegion>;

  private constructor(regions: OciRegion[]) {
    this.byId = new Map(regions.map((r) => [r.identifier, r]));
  }

  /** Every region, sorted by identifier. */
  public get regions(): OciRegion[] {
    return [...this.byId.values()].sort((a, b) => (a.identifier < b.identifier ? -1 : 1));
  }

  /** A new table that also knows this region (e.g. one launched after this release). */
  public withRegion(props: OciRegionProps): RegionTable {
    return new RegionTable([...this.byId.values(), new OciRegion(props)]);
  }

  /** The region with this identifier, or undefined. */
  public lookup(identifier: string): OciRegion | undefined {
    return typeof identifier === 'string' ? this.byId.get(identifier) : undefined;
  }

  /** Realm domain of a known realm key (e.g. `oc19` -> `oraclecloud.eu`), or undefined. */
  public realmDomainOf(realm: string): string | undefined {
    const row = [...this.byId.values()].find((r) => r.realm === String(realm).toLowerCase());
    return row?.realmDomain;
  }

  /**
   * Up to `count` known identifiers closest to a wrong one: those containing
   * it as a word (`Ashburn` -> us-ashburn-1), then by edit distance.
   */
  public closest(identifier: string, count: number = 3): string[] {
    const wanted = String(identifier).trim().toLowerCase();
    const scored = [...this.byId.keys()].map((id) => {
      const contains = wanted.length >= 3 && id.includes(wanted);
      return { id, score: contains ? 0 : editDistance(wanted, id) };
    });
    scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
    return scored.slice(0, Math.max(1, count)).map((s) => s.id);
  }
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Which operating systems OCI documents as supported for image import/export.
 * The list changes between editions of the OCI page (F-32), so each edition is
 * kept as data with its source and the date it was read, and users can extend
 * or replace it without forking the library.
 */
import { OperatingSystemId, OsDistro, OsFamily, ParsedOperatingSystem, WindowsEdition } from './operating-system';
import { checkSupportMatrixProps } from '../core/factory-checks';
import { text } from '../core/validate';

/** One supported OS line of a support matrix. */
export interface SupportedOsEntry {
  readonly distro: OsDistro;
  /** `8`, `22`, `2019`, `2012 R2`. */
  readonly majorVersion: string;
  /** When set it must match too (Ubuntu `04` of 22.04); when unset any minor matches ("8.x"). */
  readonly minorVersion?: string;
  /** Windows only: the editions listed; unset means any edition. */
  readonly windowsEditions?: WindowsEdition[];
  /** Why the entry is there, for entries added by users. */
  readonly note?: string;
}

export interface SupportMatrixProps {
  /** Short edition label quoted in messages, e.g. `2025-03-05` or `my-team-2026`. */
  readonly edition: string;
  /** URL or citation of where the list comes from. */
  readonly source: string;
  /** ISO date (YYYY-MM-DD) the source was read, or `undated`. */
  readonly retrievedOn: string;
  readonly entries: SupportedOsEntry[];
}

/** Outcome of `SupportMatrix.lookup`. */
export class SupportStatus {
  public static readonly SUPPORTED = new SupportStatus('supported');
  public static readonly UNSUPPORTED = new SupportStatus('unsupported');
  /** The OS could not be recognised, so support cannot be checked. */
  public static readonly UNKNOWN_OS = new SupportStatus('unknown-os');

  private constructor(public readonly value: string) {}

  public toString(): string {
    return this.value;
  }
}

export interface SupportLookupResult {
  readonly status: SupportStatus;
  /** The OS as parsed. */
  readonly os: ParsedOperatingSystem;
  /** The edition that answered. */
  readonly edition: string;
  readonly matchedEntry?: SupportedOsEntry;
  /** Other built-in editions that list this OS. */
  readonly listedInOtherEditions: string[];
  /** Other built-in editions that do not list it. */
  readonly notListedInOtherEditions: string[];
  /** One or two English sentences a rule can quote. */
  readonly reason: string;
}

const ALL_EDITIONS = [WindowsEdition.STANDARD, WindowsEdition.DATACENTER];
const linux = (distro: OsDistro, majorVersion: string, minorVersion?: string): SupportedOsEntry => ({ distro, majorVersion, minorVersion });
const windows = (majorVersion: string): SupportedOsEntry => ({ distro: OsDistro.WINDOWS_SERVER, majorVersion, windowsEditions: ALL_EDITIONS });

/** A versioned list of OSes supported for image import/export. */
export class SupportMatrix {
  /**
   * F-30, F-31. The seed document: the OCI page "Importação/Exportação de
   * Imagens" (pt-BR), project copy `shared/seed/000_32dd2ad19232e12b.txt`.
   * The copy carries no date; the same list is served at the pt-BR URL below.
   */
  public static readonly SEED_EDITION = new SupportMatrix({
    edition: 'seed',
    source: 'OCI documentation, "Importação/Exportação de Imagens" (pt-BR), https://docs.cloud.oracle.com/pt-br/iaas/Content/Compute/Tasks/imageimportexport.htm; seed copy 000_32dd2ad19232e12b',
    retrievedOn: 'undated',
    entries: [
      linux(OsDistro.ORACLE_LINUX, '6'), linux(OsDistro.ORACLE_LINUX, '7'), linux(OsDistro.ORACLE_LINUX, '8'), linux(OsDistro.ORACLE_LINUX, '9'),
      linux(OsDistro.ORACLE_LINUX_CLOUD_DEVELOPER, '8'),
      linux(OsDistro.CENTOS, '7'), linux(OsDistro.CENTOS_STREAM, '8'),
      linux(OsDistro.UBUNTU, '18', '04'), linux(OsDistro.UBUNTU, '20', '04'), linux(OsDistro.UBUNTU, '22', '04'),
      windows('2012'), windows('2012 R2'), windows('2016'), windows('2019'), windows('2022'),
    ],
  });

  /**
   * F-32. English page "Image Import/Export", marked "Updated 2025-03-05",
   * https://docs.oracle.com/en-us/iaas/Content/Compute/Tasks/imageimportexport.htm,
   * read through the public mirror jacklty/oci_doc_crawler@8e7bbd7
   * (iaas/Content/Compute/Tasks/imageimportexport.md). The de-DE edition
   * (https://docs.oracle.com/de-de/iaas/Content/Compute/Tasks/imageimportexport.htm)
   * carries the same list. Drops OL 6, CentOS, Ubuntu 18.04 and Windows Server
   * 2012/2012 R2; adds Ubuntu 24.04.
   */
  public static readonly EDITION_2025_03 = new SupportMatrix({
    edition: '2025-03-05',
    source: 'OCI documentation, "Image Import/Export" (en-US, updated 2025-03-05), https://docs.oracle.com/en-us/iaas/Content/Compute/Tasks/imageimportexport.htm',
    retrievedOn: '2026-11-27',
    entries: [
      linux(OsDistro.ORACLE_LINUX, '7'), linux(OsDistro.ORACLE_LINUX, '8'), linux(OsDistro.ORACLE_LINUX, '9'),
      linux(OsDistro.ORACLE_LINUX_CLOUD_DEVELOPER, '8'),
      linux(OsDistro.UBUNTU, '20', '04'), linux(OsDistro.UBUNTU, '22', '04'), linux(OsDistro.UBUNTU, '24', '04'),
      windows('2016'), windows('2019'), windows('2022'),
    ],
  });

  /**
   * F-32. Same URL, retitled "Importing and Exporting Custom Images"; a copy
   * whose header says it was fetched 2026-09-05, read through a public mirror
   * in the code search index (the mirror's repository could not be identified).
   * Adds Windows Server 2025 Standard and Datacenter to the 2025-03 list.
   */
  public static readonly EDITION_2026_09 = new SupportMatrix({
    edition: '2026-09-05',
    source: 'OCI documentation, "Importing and Exporting Custom Images" (en-US, copy fetched 2026-09-05), https://docs.oracle.com/en-us/iaas/Content/Compute/Tasks/imageimportexport.htm',
    retrievedOn: '2026-11-27',
    entries: [...SupportMatrix.EDITION_2025_03.entries, windows('2025')],
  });

  /** Every built-in edition, oldest first. */
  public static readonly EDITIONS: SupportMatrix[] = Object.freeze([
    SupportMatrix.SEED_EDITION, SupportMatrix.EDITION_2025_03, SupportMatrix.EDITION_2026_09,
  ]) as SupportMatrix[];

  /** A matrix of your own (for example from a newer OCI page, or a company policy). */
  public static custom(props: SupportMatrixProps): SupportMatrix {
    checkSupportMatrixProps('SupportMatrix.custom', props, (d) => OsDistro.isOsDistro(d));
    return new SupportMatrix(props);
  }

  public readonly edition: string;
  public readonly source: string;
  public readonly retrievedOn: string;
  public readonly entries: SupportedOsEntry[];

  private constructor(props: SupportMatrixProps) {
    this.edition = props.edition;
    this.source = props.source;
    this.retrievedOn = props.retrievedOn;
    this.entries = Object.freeze([...props.entries]) as SupportedOsEntry[];
  }

  /**
   * A new matrix with these entries added; this one is unchanged. The note is
   * kept on each added entry (unless it has its own) and in the source.
   */
  public extend(entries: SupportedOsEntry[], note: string): SupportMatrix {
    text('SupportMatrix.extend', 'note', note, { required: true, maxChars: 1000, fix: 'say why the entries are added', facts: ['F-32'] });
    checkSupportMatrixProps('SupportMatrix.extend', { edition: this.edition, source: this.source, retrievedOn: this.retrievedOn, entries }, (d) => OsDistro.isOsDistro(d));
    return new SupportMatrix({
      edition: `${this.edition}+extended`,
      source: `${this.source}; extended: ${note}`,
      retrievedOn: this.retrievedOn,
      entries: [...this.entries, ...entries.map((e) => ({ ...e, note: e.note ?? note }))],
    });
  }

  /** Looks up an OS as users or OCI write it; `windowsEdition` overrides an edition found in the text. */
  public lookup(os: string, version?: string, windowsEdition?: WindowsEdition): SupportLookupResult {
    const custom = this.entries.map((e) => e.distro).filter((d) => !OsDistro.BUILT_IN.includes(d));
    return this.lookupParsed(OperatingSystemId.parse(os, version, custom), windowsEdition);
  }

  /** Looks up an OS already parsed with `OperatingSystemId.parse`. */
  public lookupParsed(os: ParsedOperatingSystem, windowsEdition?: WindowsEdition): SupportLookupResult {
    const base = { os, edition: this.edition, listedInOtherEditions: [] as string[], notListedInOtherEditions: [] as string[] };
    if (!os.known) {
      return { ...base, status: SupportStatus.UNKNOWN_OS, reason: `Cannot check import/export support: ${os.reason}.` };
    }
    const winEdition = windowsEdition ?? os.windowsEdition;
    const others = SupportMatrix.EDITIONS.filter((m) => m !== this);
    const listedIn = others.filter((m) => m.findEntry(os, winEdition)).map((m) => m.edition);
    const notListedIn = others.filter((m) => !m.findEntry(os, winEdition)).map((m) => m.edition);
    const name = os.distro === OsDistro.WINDOWS_SERVER && winEdition && winEdition !== os.windowsEdition
      ? `Windows Server ${os.majorVersion} ${winEdition.displayName}` : os.displayName;
    const entry = this.findEntry(os, winEdition);
    const result = { ...base, listedInOtherEditions: listedIn, notListedInOtherEditions: notListedIn };

    if (!entry) {
      const sameVersion = this.entries.find((e) => matchesVersion(e, os));
      const editions = sameVersion?.windowsEditions?.map((e) => e.displayName).join(' and ');
      const why = sameVersion && editions
        ? `${name} is not supported for image import/export in the "${this.edition}" edition of the OCI list, which names only the ${editions} editions`
        : `${name} is not in the "${this.edition}" edition of the OCI image import/export support list`;
      const elsewhere = listedIn.length > 0 ? `; it is listed in ${editionList(listedIn)}` : '';
      return { ...result, status: SupportStatus.UNSUPPORTED, reason: `${why}${elsewhere}.` };
    }

    let reason = `${name} is supported for image import/export in the "${this.edition}" edition of the OCI list`;
    if (entry.note) reason += ` (entry added: ${entry.note})`;
    reason += '.';
    if (os.family === OsFamily.WINDOWS && !winEdition && entry.windowsEditions) {
      reason += ` The Windows edition was not given, so only the version was checked (listed: ${entry.windowsEditions.map((e) => e.displayName).join(', ')}).`;
    }
    if (notListedIn.length > 0) reason += ` ${capitalise(editionList(notListedIn))} ${notListedIn.length > 1 ? 'do' : 'does'} not list it.`;
    return { ...result, status: SupportStatus.SUPPORTED, matchedEntry: entry, reason };
  }

  private findEntry(os: ParsedOperatingSystem, edition?: WindowsEdition): SupportedOsEntry | undefined {
    return this.entries.find((e) => matchesVersion(e, os) && matchesEdition(e, os, edition));
  }
}

function matchesVersion(e: SupportedOsEntry, os: ParsedOperatingSystem): boolean {
  if (!os.distro || os.distro.id !== e.distro.id || os.majorVersion === undefined) return false;
  if (!OperatingSystemId.sameVersionPart(e.majorVersion, os.majorVersion)) return false;
  if (e.minorVersion === undefined) return true;
  return os.minorVersion !== undefined && OperatingSystemId.sameVersionPart(e.minorVersion, os.minorVersion);
}

function matchesEdition(e: SupportedOsEntry, os: ParsedOperatingSystem, edition?: WindowsEdition): boolean {
  if (!e.windowsEditions) return true;
  if (edition) return e.windowsEditions.includes(edition);
  // "Essentials" and the like are named but not listed; no edition at all is checked by version only.
  return os.otherWindowsEdition === undefined;
}

/** `the "seed" edition`, `the "a" and "b" editions`. */
function editionList(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length === 1) return `the ${quoted[0]} edition`;
  return `the ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]} editions`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

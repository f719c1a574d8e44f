/**
 * Operating-system names as users and OCI write them ("Oracle Linux" + "8.9",
 * "Canonical Ubuntu" + "22.04", "Windows" + "Server 2019 Standard"...),
 * normalised so the support matrix (F-30..F-32) and the host-generation
 * tables (F-41, F-42) can compare them.
 *
 * Parsing never throws: input it cannot read comes back with `known: false`
 * and a reason, so a rule can report "cannot check" instead of guessing.
 */
import { addBrand, hasBrand } from '../core/brand';

/** Operating-system family. */
export class OsFamily {
  public static readonly LINUX = new OsFamily('LINUX', 'Linux');
  public static readonly WINDOWS = new OsFamily('WINDOWS', 'Windows');

  private constructor(
    /** Stable identifier, e.g. `LINUX`. */
    public readonly value: string,
    /** Name for messages. */
    public readonly displayName: string,
  ) {}

  public toString(): string {
    return this.displayName;
  }
}

/** Windows Server editions that OCI lists for import/export (F-31). */
export class WindowsEdition {
  public static readonly STANDARD = new WindowsEdition('STANDARD', 'Standard');
  public static readonly DATACENTER = new WindowsEdition('DATACENTER', 'Datacenter');
  public static readonly ALL: WindowsEdition[] = Object.freeze([WindowsEdition.STANDARD, WindowsEdition.DATACENTER]) as WindowsEdition[];

  /**
   * Finds an edition word in free text ("Standard", "datacenter", "Data Center",
   * "DATACENTER"); undefined when the text names neither.
   */
  public static tryParse(text: string): WindowsEdition | undefined {
    const t = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
    if (/ data ?center /.test(t)) return WindowsEdition.DATACENTER;
    if (/ standard /.test(t)) return WindowsEdition.STANDARD;
    return undefined;
  }

  private constructor(public readonly value: string, public readonly displayName: string) {}

  public toString(): string {
    return this.displayName;
  }
}

/** Properties of a distribution, built-in or user-defined. */
export interface OsDistroProps {
  /** Stable identifier compared by the tables, e.g. `rocky-linux`. */
  readonly id: string;
  /** Name for messages, e.g. `Rocky Linux`. */
  readonly displayName: string;
  readonly family: OsFamily;
  /**
   * Lower-case names that start an OS string for this distribution, e.g.
   * `['rocky linux', 'rocky']`. Default: the lower-cased display name.
   */
  readonly aliases?: string[];
}

/** A distribution (or Windows line) that the tables can name. */
export class OsDistro {
  public static readonly ORACLE_LINUX = new OsDistro({
    id: 'oracle-linux', displayName: 'Oracle Linux', family: OsFamily.LINUX, aliases: ['oracle linux', 'oraclelinux', 'ol'],
  });
  public static readonly ORACLE_LINUX_CLOUD_DEVELOPER = new OsDistro({
    id: 'oracle-linux-cloud-developer', displayName: 'Oracle Linux Cloud Developer', family: OsFamily.LINUX,
    aliases: ['oracle linux cloud developer', 'ol cloud developer'],
  });
  /** Named only by the host-generation tables (F-41, F-42), not by any support matrix. */
  public static readonly ORACLE_AUTONOMOUS_LINUX = new OsDistro({
    id: 'oracle-autonomous-linux', displayName: 'Oracle Autonomous Linux', family: OsFamily.LINUX,
    aliases: ['oracle autonomous linux', 'autonomous linux'],
  });
  public static readonly CENTOS = new OsDistro({ id: 'centos', displayName: 'CentOS', family: OsFamily.LINUX, aliases: ['centos linux', 'centos'] });
  public static readonly CENTOS_STREAM = new OsDistro({ id: 'centos-stream', displayName: 'CentOS Stream', family: OsFamily.LINUX });
  public static readonly UBUNTU = new OsDistro({ id: 'ubuntu', displayName: 'Ubuntu', family: OsFamily.LINUX });
  // The following are recognised so that a rule can say "not supported" rather
  // than "unknown OS": they are common BYOI sources but no OCI edition lists them.
  public static readonly DEBIAN = new OsDistro({ id: 'debian', displayName: 'Debian', family: OsFamily.LINUX });
  public static readonly RED_HAT_ENTERPRISE_LINUX = new OsDistro({
    id: 'rhel', displayName: 'Red Hat Enterprise Linux', family: OsFamily.LINUX, aliases: ['red hat enterprise linux', 'redhat enterprise linux', 'rhel'],
  });
  public static readonly ROCKY_LINUX = new OsDistro({ id: 'rocky-linux', displayName: 'Rocky Linux', family: OsFamily.LINUX, aliases: ['rocky linux', 'rocky'] });
  public static readonly ALMALINUX = new OsDistro({ id: 'almalinux', displayName: 'AlmaLinux', family: OsFamily.LINUX, aliases: ['almalinux', 'alma linux'] });
  public static readonly SUSE_LINUX_ENTERPRISE_SERVER = new OsDistro({
    id: 'sles', displayName: 'SUSE Linux Enterprise Server', family: OsFamily.LINUX, aliases: ['suse linux enterprise server', 'sles'],
  });
  public static readonly WINDOWS_SERVER = new OsDistro({
    id: 'windows-server', displayName: 'Windows Server', family: OsFamily.WINDOWS, aliases: ['windows server', 'windows'],
  });
  /** Desktop Windows ("Windows 10"): recognised so it is reported as unsupported, not unknown. */
  public static readonly WINDOWS_DESKTOP = new OsDistro({ id: 'windows-desktop', displayName: 'Windows', family: OsFamily.WINDOWS, aliases: [] });

  public static readonly BUILT_IN: OsDistro[] = Object.freeze([
    OsDistro.ORACLE_LINUX, OsDistro.ORACLE_LINUX_CLOUD_DEVELOPER, OsDistro.ORACLE_AUTONOMOUS_LINUX, OsDistro.CENTOS,
    OsDistro.CENTOS_STREAM, OsDistro.UBUNTU, OsDistro.DEBIAN, OsDistro.RED_HAT_ENTERPRISE_LINUX, OsDistro.ROCKY_LINUX,
    OsDistro.ALMALINUX, OsDistro.SUSE_LINUX_ENTERPRISE_SERVER, OsDistro.WINDOWS_SERVER, OsDistro.WINDOWS_DESKTOP,
  ]) as OsDistro[];

  /** A distribution the built-ins do not know, for `SupportMatrix.custom`/`extend` entries. */
  public static custom(props: OsDistroProps): OsDistro {
    return new OsDistro(props);
  }

  /** Whether `x` is an `OsDistro` (from any copy of this library). */
  public static isOsDistro(x: any): x is OsDistro {
    return hasBrand(x, 'OsDistro');
  }

  public readonly id: string;
  public readonly displayName: string;
  public readonly family: OsFamily;
  public readonly aliases: string[];

  private constructor(props: OsDistroProps) {
    addBrand(this, 'OsDistro');
    this.id = props.id;
    this.displayName = props.displayName;
    this.family = props.family;
    this.aliases = Object.freeze((props.aliases ?? [props.displayName]).map(normalise).filter((a) => a !== '')) as string[];
  }

  public toString(): string {
    return this.displayName;
  }
}

/** An OS as parsed by `OperatingSystemId.parse`. */
export interface ParsedOperatingSystem {
  /** True when both the distribution and its major version were recognised. */
  readonly known: boolean;
  /** The OS name and version as given, joined by a space. */
  readonly input: string;
  /** Set whenever the family is clear, even if the distribution is not. */
  readonly family?: OsFamily;
  readonly distro?: OsDistro;
  /** `8`, `22`, `2019`, `2012 R2` (R2 is a separate Windows release, not a minor version). */
  readonly majorVersion?: string;
  /** `9` for "8.9", `04` for Ubuntu "22.04"; undefined for "8" or "8.x". */
  readonly minorVersion?: string;
  readonly windowsEdition?: WindowsEdition;
  /** A Windows edition named in the input that is neither Standard nor Datacenter, e.g. `Essentials`. */
  readonly otherWindowsEdition?: string;
  /** Normalised name for messages, e.g. `Ubuntu 22.04`, `Windows Server 2012 R2 Datacenter`; the input when unknown. */
  readonly displayName: string;
  /** Why the input is not `known`. */
  readonly reason?: string;
}

/** Parses OS names and versions; see `ParsedOperatingSystem`. */
export class OperatingSystemId {
  /**
   * Parses an OS name and version as users or OCI write them. The two are read
   * as one string, so `("CentOS", "Stream 8")` and `("CentOS Stream 8", "")` agree.
   *
   * @param os e.g. `Oracle Linux`, `Canonical Ubuntu`, `Windows`
   * @param version e.g. `8.9`, `22.04`, `Server 2019 Standard`
   * @param extraDistros user-defined distributions to recognise besides the built-ins
   */
  public static parse(os: string, version?: string, extraDistros?: OsDistro[]): ParsedOperatingSystem {
    const input = [os, version].map((s) => (s ?? '').trim()).filter((s) => s !== '').join(' ');
    const text = normalise(input).replace(/^(canonical|microsoft) /, '');
    if (text === '') return unknown(input, 'no operating system was given');

    const hit = matchDistro(text, [...(extraDistros ?? []), ...OsDistro.BUILT_IN]);
    if (!hit) {
      if (/^linux\b/.test(text)) {
        return unknown(input, '"Linux" names a family, not a distribution; give the distribution and version (for example Oracle Linux 8)', OsFamily.LINUX);
      }
      return unknown(input, `"${input}" is not an operating system this library recognises`);
    }
    const rest = text.slice(hit.alias.length).trim();
    return hit.distro === OsDistro.WINDOWS_SERVER ? parseWindows(input, hit.alias, rest) : parseGeneric(input, hit.distro, rest);
  }

  /** Compares version parts the way the tables do: case-insensitive, leading zeros ignored ("04" = "4"). */
  public static sameVersionPart(a: string, b: string): boolean {
    return versionKey(a) === versionKey(b);
  }

  private constructor() {}
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function versionKey(v: string): string {
  return normalise(v).replace(/\b0+(?=\d)/g, '');
}

/** Longest alias wins, so "centos stream" beats "centos" and "windows server" beats "windows". */
function matchDistro(text: string, distros: OsDistro[]): { distro: OsDistro; alias: string } | undefined {
  let best: { distro: OsDistro; alias: string } | undefined;
  for (const distro of distros) {
    for (const alias of distro.aliases) {
      const next = text.charAt(alias.length);
      const fits = text.startsWith(alias) && (next === '' || next === ' ' || /\d/.test(next));
      if (fits && (!best || alias.length > best.alias.length)) best = { distro, alias };
    }
  }
  return best;
}

function parseGeneric(input: string, distro: OsDistro, rest: string): ParsedOperatingSystem {
  // Words some vendors put between the name and the number ("Server 7.9", "Linux 9").
  const v = rest.replace(/^((server|release|linux|version) )+/, '');
  const m = /^v?(\d+)(?:\.(\d+|x))?/.exec(v);
  if (!m) {
    return { known: false, input, family: distro.family, distro, displayName: distro.displayName, reason: `${distro.displayName} was given without a version` };
  }
  const minor = m[2] === undefined || m[2] === 'x' ? undefined : m[2];
  const displayName = `${distro.displayName} ${m[1]}${minor === undefined ? '' : `.${minor}`}`;
  return { known: true, input, family: distro.family, distro, majorVersion: m[1], minorVersion: minor, displayName };
}

const OTHER_WINDOWS_EDITIONS = ['essentials', 'enterprise', 'web', 'foundation', 'storage'];

function parseWindows(input: string, alias: string, rest: string): ParsedOperatingSystem {
  let server = alias === 'windows server';
  if (rest.startsWith('server')) {
    server = true;
    rest = rest.slice('server'.length).trim();
  }
  const year = /\b(\d{4})(?: ?(r2))?\b/.exec(rest);
  if (!server && !year) {
    // "Windows 10": desktop Windows, which no OCI edition lists.
    const m = /^(\d+)/.exec(rest);
    const d = OsDistro.WINDOWS_DESKTOP;
    if (!m) return unknown(input, 'the Windows version is missing (for example "Server 2019 Standard")', OsFamily.WINDOWS);
    return { known: true, input, family: d.family, distro: d, majorVersion: m[1], displayName: `Windows ${m[1]}` };
  }
  const d = OsDistro.WINDOWS_SERVER;
  if (!year) {
    return { known: false, input, family: d.family, distro: d, displayName: d.displayName, reason: 'the Windows Server release year is missing (for example 2019)' };
  }
  const major = year[2] ? `${year[1]} R2` : year[1];
  const edition = WindowsEdition.tryParse(rest);
  const otherWord = edition ? undefined : OTHER_WINDOWS_EDITIONS.find((w) => new RegExp(`\\b${w}\\b`).test(rest));
  const other = otherWord && otherWord.charAt(0).toUpperCase() + otherWord.slice(1);
  const suffix = edition ? ` ${edition.displayName}` : other ? ` ${other}` : '';
  return {
    known: true, input, family: d.family, distro: d, majorVersion: major, windowsEdition: edition, otherWindowsEdition: other,
    displayName: `Windows Server ${major}${suffix}`,
  };
}

function unknown(input: string, reason: string, family?: OsFamily): ParsedOperatingSystem {
  return { known: false, input, family, displayName: input === '' ? '(no operating system)' : input, reason };
}

/**
 * The OS recognition and support-matrix lookup of `OperatingSystemId` and
 * `SupportMatrix` (F-30..F-33), written as RE2 patterns so that Terraform
 * can apply them at plan to the OS that OCI reports for the real image.
 * Patterns run on the normalised text of `normalisedOsExpression`:
 * lower case, every run of characters other than a-z, 0-9 and "." turned
 * into one space, and a leading "canonical " or "microsoft " removed.
 */
import { OperatingSystemId, OsDistro, OsFamily, ParsedOperatingSystem, WindowsEdition } from '../knowledge/operating-system';
import { SupportedOsEntry, SupportMatrix } from '../knowledge/support-matrix';
import { matches, orEmpty, regexLiteral } from './hcl';

/** Words some vendors put between the name and the number ("Server 7.9"), as `parseGeneric` skips them. */
const FILLER = '((server|release|linux|version) )*';
/** Edition words of `WindowsEdition` and of the editions the import/export lists never name (F-31). */
const LISTED_EDITIONS: Record<string, string> = { STANDARD: 'standard', DATACENTER: 'data ?center' };
export const OTHER_WINDOWS_EDITIONS = 'essentials|enterprise|web|foundation|storage';

/** HCL: the normalised "<operating_system> <operating_system_version>" of an image read at plan. */
export function normalisedOsExpression(image: string): string {
  const raw = `format("%s %s", ${orEmpty(`${image}.operating_system`)}, ${orEmpty(`${image}.operating_system_version`)})`;
  return `replace(trimspace(replace(lower(${raw}), "/[^a-z0-9.]+/", " ")), "/^(canonical|microsoft) /", "")`;
}

function aliases(distro: OsDistro): string {
  return `(${distro.aliases.map(regexLiteral).join('|')})`;
}

/** "04" and "4" are the same version part (`OperatingSystemId.sameVersionPart`). */
function versionPart(v: string): string {
  return `0*${regexLiteral(v.toLowerCase().replace(/^0+(?=\d)/, ''))}`;
}

function windowsRelease(major: string): string {
  return major.toLowerCase().split(/\s+/).map(regexLiteral).join(' ');
}

function editionGroup(editions: WindowsEdition[] | undefined): string {
  const words = (editions ?? WindowsEdition.ALL).map((e) => LISTED_EDITIONS[e.value]);
  return `(${words.join('|')})`;
}

/** The next word is anything but "r2", so "Server 2012" does not match "Server 2012 R2". */
const NOT_R2_WORD = '([^r ][^ ]*|r|r[^2 ][^ ]*|r2[^ ]+)';

function windowsReleases(majors: string[]): string {
  return `^windows (server )*(${majors.map(windowsRelease).join('|')})( ${NOT_R2_WORD}( .*)?)?$`;
}

/** One Linux (or other non-Windows-Server) entry, as a whole-text pattern without anchors. */
function entryPattern(e: SupportedOsEntry): string {
  if (e.distro.id === OsDistro.WINDOWS_DESKTOP.id) return `windows ${versionPart(e.majorVersion)}([^0-9].*)?`;
  const minor = e.minorVersion === undefined ? '([.]([0-9]+|x))?' : `[.]${versionPart(e.minorVersion)}`;
  return `${aliases(e.distro)} ?${FILLER}v?${versionPart(e.majorVersion)}${minor}([^0-9].*)?`;
}

/**
 * HCL: true when the normalised OS `text` is listed in the matrix, as
 * `SupportMatrix.lookup` decides it (Windows: an edition outside the lists
 * is never supported; an entry's editions must include a named edition).
 */
export function supportedExpression(matrix: SupportMatrix, text: string): string {
  const others = matrix.entries.filter((e) => e.distro.id !== OsDistro.WINDOWS_SERVER.id);
  const parts: string[] = [];
  if (others.length) parts.push(matches(`^(${others.map(entryPattern).join('|')})$`, text));
  const byEditions = new Map<string, SupportedOsEntry[]>();
  for (const e of matrix.entries.filter((x) => x.distro.id === OsDistro.WINDOWS_SERVER.id)) {
    const key = e.windowsEditions ? e.windowsEditions.map((w) => w.value).sort().join(',') : '*';
    byEditions.set(key, [...(byEditions.get(key) ?? []), e]);
  }
  for (const [key, entries] of [...byEditions].sort(([a], [b]) => a.localeCompare(b))) {
    const release = matches(windowsReleases(entries.map((e) => e.majorVersion)), text);
    if (key === '*') { parts.push(release); continue; }
    const editions = entries[0].windowsEditions ?? WindowsEdition.ALL;
    const named = editions.length === WindowsEdition.ALL.length ? 'true'
      : `(!${matches(LISTED_EDITION_PATTERN, text)} || ${matches(` ${editionGroup(editions)}( |$)`, text)})`;
    parts.push(`(${release} && !${otherEditionOnly(text)} && ${named})`);
  }
  return parts.length ? `(${parts.join(' || ')})` : 'false';
}

/**
 * Matches the OSes `OperatingSystemId.parse` recognises (a distribution and
 * its version): only those can be "not supported"; others are not judged.
 */
export function recognisedPattern(matrix: SupportMatrix): string {
  const custom = matrix.entries.map((e) => e.distro).filter((d) => !OsDistro.BUILT_IN.includes(d));
  const generic = [...custom, ...OsDistro.BUILT_IN]
    .filter((d) => d.id !== OsDistro.WINDOWS_SERVER.id && d.id !== OsDistro.WINDOWS_DESKTOP.id && d.aliases.length > 0)
    .map((d) => `${aliases(d)} ?${FILLER}v?[0-9]`);
  return `^(${[...dedupe(generic), 'windows ((server )+[0-9]{4}|[0-9]+)'].join('|')})`;
}

/** Windows names an edition outside the import/export lists (F-31), and neither listed one. */
export const OTHER_EDITION_PATTERN = `^windows .*( (${OTHER_WINDOWS_EDITIONS}))( |$)`;
export const LISTED_EDITION_PATTERN = ` ${editionGroup(undefined)}( |$)`;
export const WINDOWS_PATTERN = '^windows( |$)';

/** HCL: Windows that names only an edition outside the import/export lists (rule OIT031). */
export function otherEditionOnly(text: string): string {
  return `(${matches(OTHER_EDITION_PATTERN, text)} && !${matches(LISTED_EDITION_PATTERN, text)})`;
}

/**
 * What the program states, as a pattern the real OS must match: the same
 * distribution and major version (Windows: the same release). The minor
 * version is not compared: OCI reports "8" for some images and "8.10" for others.
 */
export function statedOsPattern(parsed: ParsedOperatingSystem): string | undefined {
  if (!parsed.known || !parsed.distro || parsed.majorVersion === undefined) return undefined;
  if (parsed.distro.id === OsDistro.WINDOWS_SERVER.id) return windowsReleases([parsed.majorVersion]);
  if (parsed.distro.id === OsDistro.WINDOWS_DESKTOP.id) return `^windows ${versionPart(parsed.majorVersion)}([^0-9].*)?$`;
  return `^${aliases(parsed.distro)} ?${FILLER}v?${versionPart(parsed.majorVersion)}([^0-9].*)?$`;
}

/** The stated Windows edition, as a pattern a real edition word must match. */
export function statedEditionPattern(edition: WindowsEdition): string {
  return ` ${LISTED_EDITIONS[edition.value]}( |$)`;
}

/** Parses a stated OS for the comparison, or undefined when nothing usable was stated. */
export function parseStated(os: string | undefined, version: string | undefined, custom: OsDistro[]): ParsedOperatingSystem | undefined {
  if (!os) return undefined;
  const parsed = OperatingSystemId.parse(os, version, custom);
  return parsed.known ? parsed : undefined;
}

export function isWindowsFamily(parsed: ParsedOperatingSystem | undefined): boolean {
  return parsed?.family === OsFamily.WINDOWS;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

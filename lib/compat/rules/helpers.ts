import { AuthMode } from '../../knowledge/auth-modes';
import { OperatingSystemId, OsFamily, ParsedOperatingSystem } from '../../knowledge/operating-system';
import { isUnresolved } from '../../core/tokens';

/** The provider `auth` value needs a PAR for export to or import from a bucket (F-53); false when unknown or a token. */
export function authNeedsPar(auth: string | undefined): boolean {
  return auth !== undefined && !isUnresolved(auth) && AuthMode.tryOf(auth)?.needsPar === true;
}

/** Parsed OS, or undefined when nothing was given or a value is a token. */
export function parseOs(os: string | undefined, version: string | undefined): ParsedOperatingSystem | undefined {
  if (!os || isUnresolved(os) || isUnresolved(version)) return undefined;
  return OperatingSystemId.parse(os, version);
}

export function isWindows(os: string | undefined): boolean {
  return !!os && !isUnresolved(os) && (/windows/i.test(os) || OperatingSystemId.parse(os).family === OsFamily.WINDOWS);
}

/** Hours until an RFC 3339 time, or undefined when it does not parse. */
export function hoursUntil(time: string, now = Date.now()): number | undefined {
  const t = Date.parse(time);
  return Number.isNaN(t) ? undefined : (t - now) / 3_600_000;
}

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

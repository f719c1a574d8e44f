import { checkExpiryHours, checkExpiryTime } from '../core/factory-checks';
import { addBrand, hasBrand } from '../core/brand';

/**
 * When a PAR expires (F-54). Enum-like class for jsii.
 *
 * - `at(time)`: an absolute RFC 3339 time, checked at synth (a past time is an error).
 * - `afterHours(n)` / `afterDays(n)`: a duration captured **once** at apply by a
 *   `terraform_data` holding `timeadd(timestamp(), ...)` with `ignore_changes`,
 *   so later plans do not replace the PAR (`timestamp()` directly in the PAR
 *   would replace it on every apply, F-54).
 */
export class ParExpiry {
  /** Whether `x` is a `ParExpiry` (from any copy of this library). */
  public static isParExpiry(x: any): x is ParExpiry {
    return hasBrand(x, 'ParExpiry');
  }

  public static at(time: string): ParExpiry {
    checkExpiryTime('ParExpiry.at', time);
    return new ParExpiry('absolute', time, undefined);
  }

  public static afterHours(hours: number): ParExpiry {
    checkExpiryHours('ParExpiry.afterHours', 'hours', hours, 1);
    return new ParExpiry('duration', undefined, hours);
  }

  public static afterDays(days: number): ParExpiry {
    checkExpiryHours('ParExpiry.afterDays', 'days', days, 24);
    return new ParExpiry('duration', undefined, days * 24);
  }

  private constructor(
    /** `absolute` or `duration`. */
    public readonly kind: string,
    /** RFC 3339 time, for `absolute`. */
    public readonly time: string | undefined,
    /** Hours, for `duration`. */
    public readonly hours: number | undefined,
  ) {}
}
addBrand(ParExpiry.prototype, 'ParExpiry');

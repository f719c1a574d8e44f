import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { OciImageTransferError } from '../core/errors';
import { checkExpiryHours, checkExpiryTime } from '../core/factory-checks';
import { isUnresolved } from '../core/tokens';
import { TerraformData } from '../provider/terraform-data';

/** When a PAR expires, as the PAR resource needs it. */
export interface ParExpiryConfig {
  /** `time_expires` of the PAR: the given time, or the time captured at apply. */
  readonly timeExpires: string;
  /** The RFC 3339 time, for an absolute expiry. @default none (a duration) */
  readonly expiresAt?: string;
  /** Hours from the first apply, for a duration. @default none (an absolute time) */
  readonly hoursFromApply?: number;
  /** How the compatibility checks describe it: `absolute` or `duration`. */
  readonly expiryKind: string;
}

const PAREXPIRY_BRAND = Symbol.for('cdktf-oci-image-transfer.ParExpiry');

/**
 * When a PAR expires (F-54). Enum-like class for jsii: build one with a
 * static factory; the PAR calls `bind`.
 *
 * - `at(time)`: an absolute RFC 3339 time, checked at synth (a past time is an error).
 * - `afterHours(n)` / `afterDays(n)`: a duration captured **once** at apply by a
 *   `terraform_data` holding `timeadd(timestamp(), ...)` with `ignore_changes`,
 *   so later plans do not replace the PAR (`timestamp()` directly in the PAR
 *   would replace it on every apply, F-54).
 */
export abstract class ParExpiry {
  /** True for any ParExpiry, also one made by another copy of this library (a `Symbol.for` brand, not `instanceof`). */
  public static isParExpiry(x: any): x is ParExpiry {
    return x !== null && typeof x === 'object' && x[PAREXPIRY_BRAND] === true;
  }

  protected constructor() {
    Object.defineProperty(this, PAREXPIRY_BRAND, { value: true });
  }

  public static at(time: string): ParExpiry {
    checkExpiryTime('ParExpiry.at', time);
    return new AbsoluteExpiry(time);
  }

  public static afterHours(hours: number): ParExpiry {
    checkExpiryHours('ParExpiry.afterHours', 'hours', hours, 1);
    return new DurationExpiry(hours);
  }

  public static afterDays(days: number): ParExpiry {
    checkExpiryHours('ParExpiry.afterDays', 'days', days, 24);
    return new DurationExpiry(days * 24);
  }

  /** Called by the PAR's construct (`scope`); a duration adds the `Expiry` capture step to it. */
  public abstract bind(scope: Construct): ParExpiryConfig;
}

class AbsoluteExpiry extends ParExpiry {
  constructor(private readonly time: string) {
    super();
  }

  public bind(_scope: Construct): ParExpiryConfig {
    return { timeExpires: this.time ?? '', expiresAt: this.time, expiryKind: 'absolute' };
  }
}

class DurationExpiry extends ParExpiry {
  constructor(private readonly hours: number) {
    super();
  }

  public bind(scope: Construct): ParExpiryConfig {
    const hours = this.hours;
    if (!isUnresolved(hours) && !(Number(hours) > 0)) {
      throw new OciImageTransferError(scope.node.path, `PAR expiry duration is ${hours} hours`, 'use a positive duration such as ParExpiry.afterDays(7)', ['F-54']);
    }
    // Captured once at apply; later plans keep it (F-54).
    const capture = new TerraformData(scope, 'Expiry', {
      input: Fn.timeadd(Fn.timestamp(), `${hours}h`),
      lifecycle: { ignoreChanges: ['input'] },
    });
    return { timeExpires: capture.output, hoursFromApply: hours, expiryKind: 'duration' };
  }
}

import { DESTINATION_URI_ENV, RUNNER_BIN } from '../export/runner-contract';
import { ociCliExportScript } from '../export/runner/oci-cli-script';
import { addBrand, hasBrand } from '../core/brand';

/** Options of the Node SDK export runner. */
export interface NodeSdkRunnerOptions {
  /**
   * Command that starts the runner where `terraform apply` runs. Arguments
   * are never put on it: every input travels in the environment.
   * @default `npx --no-install oci-image-export` (this package installed next to the stack)
   */
  readonly command?: string;
  /**
   * Extra environment for the runner, e.g. `OCI_IMAGE_EXPORT_CONFIG_FILE`,
   * an endpoint override, or a proxy. Never put a secret here in clear text:
   * the export's teardown keeps these values in its state, because destroy
   * needs them. A proxy URL with credentials belongs in the environment
   * `terraform` runs in, which the runner inherits.
   * @default none
   */
  readonly environment?: { [key: string]: string };
}

/**
 * Which program performs the export at apply time (F-24). Enum-like class
 * for jsii: pick one with a static factory.
 */
export class ExportRunner {
  /** Whether `x` is an `ExportRunner` (from any copy of this library). */
  public static isExportRunner(x: any): x is ExportRunner {
    return hasBrand(x, 'ExportRunner');
  }

  /** The package's own runner on the official OCI TypeScript SDK (docs/export-runner.md). */
  public static nodeSdk(options: NodeSdkRunnerOptions = {}): ExportRunner {
    return new ExportRunner('node-sdk', options.command ?? `npx --no-install ${RUNNER_BIN}`, options.environment);
  }

  /**
   * A POSIX `sh` script, written into the `local-exec` command, that drives
   * the `oci` CLI: export, poll `oci compute image get`, verify with
   * `oci os object head` (needs `oci` on PATH where `terraform apply` runs,
   * no Node). The script text is the same for every export: like the Node
   * runner it reads all inputs from the environment. Same exit codes and
   * idempotency marker as the Node runner.
   */
  public static ociCli(): ExportRunner {
    return new ExportRunner('oci-cli', ociCliExportScript(), undefined);
  }

  private constructor(
    /** `node-sdk` or `oci-cli`. */
    public readonly kind: string,
    /** The `local-exec` command: shell text without any per-export value. */
    public readonly command: string,
    /** Extra environment for the runner. */
    public readonly environment?: { [key: string]: string },
  ) {}

  /** @internal name of the env var holding a destination URL (a secret when it is a PAR). */
  public get _destinationEnv(): string {
    return DESTINATION_URI_ENV;
  }
}
addBrand(ExportRunner.prototype, 'ExportRunner');

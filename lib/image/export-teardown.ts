import { dependable, Fn, TerraformSelf } from 'cdktf';
import { Construct } from 'constructs';
import { DESTINATION_URI_ENV, envNameForFlag, RUNNER_DEFAULTS, RUNNER_FLAGS } from '../export/runner-contract';
import { TerraformData } from '../provider/terraform-data';
import { ITransitBucket } from './transit-bucket';
import { isUnresolved } from '../core/tokens';

/** Construct id of the teardown step, the same for a live and a retired export (one Terraform address). */
export const TEARDOWN_ID = 'Cleanup';

/** What `ExportedImage` hands to its teardown. */
export interface ExportTeardownInput {
  /** The runner's `local-exec` command; it must read every input from the environment. */
  readonly command: string;
  /** The export step's environment (the destination URL, a secret, is dropped here). */
  readonly environment: { [key: string]: string };
  /** The export step's `triggers_replace`: replacing the export replaces (and so runs) the teardown. */
  readonly triggersReplace: { [key: string]: any };
  /** Destination URL or PAR URL, when the destination is not a bucket tuple. */
  readonly destinationUrl?: string;
  /** Bucket the export writes to, when the destination is a bucket. */
  readonly bucket?: ITransitBucket;
}

/**
 * The teardown of an export: a `terraform_data` whose only provisioner runs
 * at destroy and calls the runner with `OCI_IMAGE_EXPORT_MODE=cleanup`,
 * which deletes the exported object and its marker (lib/export/runner/cleanup.ts).
 *
 * Why a separate resource that the export step depends on, rather than a
 * destroy provisioner on the step itself: Terraform never runs a destroy
 * provisioner of a tainted resource, and a step whose export failed or timed
 * out is tainted, while OCI may still finish writing the object. This
 * resource has no create-time provisioner, so it is never tainted.
 *
 * TerraformData escapes literal `${`/`%{` in input and command (terraform-attributes.ts).
 * Destroy provisioners may reference only `self`, so every input is stored
 * in `input` and handed back as the environment (`self.output`). The
 * stored inputs hold no secret: a PAR URL is reduced to the plain object
 * URL (the PAR token dropped), and the cleanup signs its requests.
 *
 * Order: it depends on the bucket (through the names in `input`) and on the
 * bucket's lifecycle policy, so at destroy the object is deleted first, then
 * the policy, then the bucket. On replacement Terraform destroys the old
 * export, then this (deleting the old object), then creates both again. If
 * create-before-destroy is forced on it, the old teardown finds the marker
 * naming the new image and deletes nothing.
 */
export function addExportTeardown(scope: Construct, step: TerraformData, input: ExportTeardownInput): TerraformData {
  const env: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(input.environment)) if (k !== DESTINATION_URI_ENV) env[k] = v;
  env[envNameForFlag(RUNNER_FLAGS.mode)] = 'cleanup';
  env[envNameForFlag(RUNNER_FLAGS.timeoutMinutes)] = String(RUNNER_DEFAULTS.cleanupTimeoutMinutes);
  if (input.destinationUrl !== undefined) env[DESTINATION_URI_ENV] = withoutParToken(input.destinationUrl);
  const teardown = new TerraformData(scope, TEARDOWN_ID, {
    input: env,
    triggersReplace: input.triggersReplace,
    provisioners: [destroyProvisioner(input.command)],
  });
  step.dependsOn = [...(step.dependsOn ?? []), dependable(teardown)];
  input.bucket?.registerObjectWriter(teardown);
  return teardown;
}

/**
 * The teardown of an export that is no longer in the program (a retired
 * `ImageReplication`): the same address with `count = 0`, so Terraform
 * destroys the instance and still has the provisioner to run. Removing
 * the block instead would drop the provisioner with it, and the exported
 * object would stay behind.
 */
export function addRetiredExportTeardown(scope: Construct, command: string): TerraformData {
  return new TerraformData(scope, TEARDOWN_ID, { count: 0, provisioners: [destroyProvisioner(command)] });
}

function destroyProvisioner(command: string): any {
  return {
    type: 'local-exec',
    when: 'destroy',
    command,
    // The whole stored input is the environment: only `self` may be referenced here.
    // A token, so that no escaping of literal text can turn it into the text "${self.output}".
    environment: TerraformSelf.getAny('output'),
  };
}

/**
 * The object URL without `/p/<token>`: the PAR is a secret and cannot delete
 * anyway. A URL known only at apply is reduced by Terraform's `replace`.
 */
export function withoutParToken(url: string): string {
  if (!isUnresolved(url)) return url.replace(/^([a-z]+:\/\/[^/]+)\/p\/[^/]+\//i, '$1/');
  return Fn.replace(url, '/^([A-Za-z]+://[^/]+)[/]p[/][^/]+[/]/', '$1/');
}

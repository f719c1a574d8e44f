import { App, TerraformStack } from 'cdktf';
import { ExportDestination, ExportedImage, OciProvider, TransitBucket } from '../../lib';
import { newApp } from '../support/synth';

export const COMPARTMENT = 'ocid1.compartment.oc1..aaaa';
export const IMAGE = 'ocid1.image.oc1.phx.aaaa';

/** A stack with providers in two regions and an export bucket in Phoenix. */
export function twoRegions(app: App = newApp()) {
  const stack = new TerraformStack(app, 'test');
  const phoenix = new OciProvider(stack, 'phx', { alias: 'phx', region: 'us-phoenix-1', tenancyOcid: 'ocid1.tenancy.oc1..one' });
  const ashburn = new OciProvider(stack, 'iad', { alias: 'iad', region: 'us-ashburn-1', tenancyOcid: 'ocid1.tenancy.oc1..one' });
  const bucket = new TransitBucket(stack, 'ExportBucket', { compartmentId: COMPARTMENT, provider: phoenix, namespaceName: 'ns1' });
  return { app, stack, phoenix, ashburn, bucket };
}

/** A Linux export from Phoenix. */
export function linuxExport(stack: TerraformStack, bucket: TransitBucket, phoenix: OciProvider, extra: Record<string, unknown> = {}) {
  return new ExportedImage(stack, 'Export', {
    image: { imageId: IMAGE, operatingSystem: 'Oracle Linux', operatingSystemVersion: '8' },
    destination: ExportDestination.toBucket(bucket),
    provider: phoenix,
    ...extra,
  });
}

/** Runs app.synth() and returns the thrown message ('' when it did not throw). */
export function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Runs a construction and returns the thrown message ('' when it did not throw). */
export function buildError(build: () => unknown): string {
  try {
    build();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

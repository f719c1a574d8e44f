/**
 * Can this image be exported at all (F-20)? Decided from GetImage fields
 * where they are conclusive, otherwise left to the ExportImage answer,
 * which `explainRefusal` turns into advice.
 */
import { ApiErrorLike } from './errors';

export interface ImageFacts {
  readonly id: string;
  readonly compartmentId?: string | null;
  readonly lifecycleState: string;
  readonly listingType?: string;
  readonly baseImageId?: string;
  readonly displayName?: string;
}

export type Exportability =
  | { readonly ok: true; readonly notes: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const F20 =
  'Platform images, Marketplace images and custom images created from Marketplace images cannot be exported (F-20). ' +
  'Create a custom image from an instance launched from a platform image, or import your own image, and export that.';

export function checkExportable(image: ImageFacts): Exportability {
  if (!image.compartmentId) {
    // Platform and Marketplace images live outside any tenancy compartment.
    return { ok: false, reason: `image ${image.id} belongs to no compartment, so it is a platform or Marketplace image. ${F20}` };
  }
  const notes: string[] = [];
  if (image.listingType && image.listingType !== 'NONE') {
    // A listed (e.g. community) image may still be the caller's own image: warn, let the API decide.
    notes.push(`image is listed (listingType ${image.listingType}); if it came from the Marketplace the export will be refused (F-20)`);
  }
  return { ok: true, notes };
}

/** Advice for a 400/409 answer to ExportImage. */
export function explainRefusal(image: ImageFacts | undefined, err: ApiErrorLike): string {
  const text = `${err.serviceCode ?? ''} ${err.message ?? ''}`;
  if (/bucket ?name|namespace/i.test(text)) {
    // Instance principals and federated users must export through a PAR (F-53).
    return 'The service rejected the bucket. Users authenticating with instance or resource principals, and federated users, must export through a pre-authenticated request URL (F-53).';
  }
  if (err.statusCode === 409 || /state|conflict/i.test(text)) {
    return 'The image is in a state that forbids export (for example another export is running). Wait until it is AVAILABLE and re-run terraform apply (F-22).';
  }
  const base = image?.baseImageId ? ` This image was created from image ${image.baseImageId}; if that one is a Marketplace image, this image cannot be exported.` : '';
  return `${F20}${base}`;
}

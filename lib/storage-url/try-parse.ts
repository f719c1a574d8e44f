import { ObjectStorageUrl } from './object-storage-url';

/** Parts of a literal Object Storage or PAR URL, or undefined when it is malformed (rule OIT050 then reports it at synth). */
export function tryParseStorageUrl(url: string): { namespace: string; bucket: string; objectName?: string; token?: string } | undefined {
  try {
    return ObjectStorageUrl.isParUrl(url) ? ObjectStorageUrl.parseParUrl(url) : ObjectStorageUrl.parseObjectUrl(url);
  } catch {
    return undefined;
  }
}

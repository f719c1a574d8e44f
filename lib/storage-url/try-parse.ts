import { ObjectStorageUrl } from './object-storage-url';
import { ObjectUrlParts, ParUrlParts } from './types';

/** Parts of a literal Object Storage or PAR URL, or undefined when it is malformed (rule OIT050 then reports it at synth). */
export function tryParseStorageUrl(url: string): ObjectUrlParts | ParUrlParts | undefined {
  try {
    return ObjectStorageUrl.isParUrl(url) ? ObjectStorageUrl.parseParUrl(url) : ObjectStorageUrl.parseObjectUrl(url);
  } catch {
    return undefined;
  }
}

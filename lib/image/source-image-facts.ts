import { SourceImageFacts } from '../compat/model';
import { ImageOrigin, SourceImage } from './source-image';

/** What the checks record of a source image (enum-like values as strings). */
export function sourceImageFacts(image: SourceImage, region: string | undefined): SourceImageFacts {
  return {
    imageId: image.imageId,
    region,
    operatingSystem: image.operatingSystem,
    operatingSystemVersion: image.operatingSystemVersion,
    origin: image.origin ?? ImageOrigin.CUSTOM,
    hostGeneration: image.hostGeneration?.value,
    sizeInGbs: image.sizeInGbs,
    architecture: image.architecture,
    windowsEdition: image.windowsEdition?.value,
  };
}

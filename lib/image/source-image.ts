import { HostGeneration } from '../knowledge/host-generations';
import { WindowsEdition } from '../knowledge/operating-system';

/** Where an image came from; only custom images can be exported (F-20). */
export enum ImageOrigin {
  /** A custom image made in OCI (from an instance or an import). */
  CUSTOM = 'CUSTOM',
  /** An Oracle-provided platform image: cannot be exported (F-20). */
  PLATFORM = 'PLATFORM',
  /** A Marketplace image: cannot be exported (F-20). */
  MARKETPLACE = 'MARKETPLACE',
  /** A custom image created from a Marketplace image: cannot be exported (F-20). */
  MARKETPLACE_DERIVED = 'MARKETPLACE_DERIVED',
}

/** CPU architecture of an image; Arm shapes cannot run x86_64 images (F-43). */
export enum CpuArchitecture {
  X86_64 = 'x86_64',
  AARCH64 = 'aarch64',
}

/** What is known of the source image. Everything but the OCID is optional; what is missing is reported "not checkable". */
export interface SourceImage {
  /** Image OCID (may be a token, e.g. a `TerraformVariable`). */
  readonly imageId: string;
  /** Region of the image. @default the provider's region */
  readonly region?: string;
  /** e.g. `Oracle Linux`, `Canonical Ubuntu`, `Windows`. @default unknown */
  readonly operatingSystem?: string;
  /** e.g. `8`, `22.04`, `Server 2019 Standard`. @default unknown */
  readonly operatingSystemVersion?: string;
  /** Windows edition. @default unknown */
  readonly windowsEdition?: WindowsEdition;
  /** @default ImageOrigin.CUSTOM */
  readonly origin?: ImageOrigin;
  /** Host generation the image was built on (F-40..F-42). @default unknown */
  readonly hostGeneration?: HostGeneration;
  /** Image size in GB (F-14). @default unknown */
  readonly sizeInGbs?: number;
  /** @default CpuArchitecture.X86_64 */
  readonly architecture?: CpuArchitecture;
}

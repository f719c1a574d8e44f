import { CompatRule } from '../rule';
import { armShapeX86Image } from './arm-shape-x86-image';
import { bucketParObject } from './bucket-par-object';
import { copyDestinationClash } from './copy-destination-clash';
import { copySameRegion } from './copy-same-region';
import { copyTimeout } from './copy-timeout';
import { crossTenancyNeedsPar } from './cross-tenancy-needs-par';
import { definedTagKeys } from './defined-tag-keys';
import { directParImport } from './direct-par-import';
import { expiryOnCopyBucket } from './expiry-on-copy-bucket';
import { exportBucketRegion } from './export-bucket-region';
import { foreignImageNative } from './foreign-image-native';
import { hostGeneration } from './host-generation';
import { imageSizeLimit } from './image-size-limit';
import { importProvider } from './import-provider';
import { knownRegion } from './known-region';
import { providerVersionPin } from './provider-version-pin';
import { launchModeProviderVersion } from './launch-mode-provider-version';
import { literalParUrl } from './literal-par-url';
import { launchModeWithOciType } from './launch-mode-with-oci-type';
import { nonOciFormatShare } from './non-oci-format-share';
import { notExportableOrigin } from './not-exportable-origin';
import { notImportableFormat } from './not-importable-format';
import { osSupportMatrix } from './os-support-matrix';
import { paravirtualizedTargets } from './paravirtualized-targets';
import { parExpiryValid } from './par-expiry-valid';
import { parExpiryWindow } from './par-expiry-window';
import { parOutputSensitive } from './par-output-sensitive';
import { parReadOnly } from './par-read-only';
import { principalNeedsPar } from './principal-needs-par';
import { qcow2FromOciNative } from './qcow2-from-oci-native';
import { statedFactsMatchImage } from './stated-facts-match-image';
import { urlShape } from './url-shape';
import { vmdkSubformat } from './vmdk-subformat';
import { windowsClock } from './windows-clock';
import { windowsEditionKnown } from './windows-edition-known';
import { windowsExportLicence } from './windows-export-licence';
import { windowsImportVersion } from './windows-import-version';

/** Every rule, ordered by id (the README table follows this order). */
export const RULES: CompatRule[] = [
  exportBucketRegion, copySameRegion, crossTenancyNeedsPar, directParImport, nonOciFormatShare, knownRegion, importProvider, providerVersionPin,
  notImportableFormat, launchModeWithOciType, qcow2FromOciNative, foreignImageNative, launchModeProviderVersion,
  imageSizeLimit, vmdkSubformat, notExportableOrigin,
  osSupportMatrix, windowsEditionKnown, windowsImportVersion, windowsExportLicence, windowsClock, paravirtualizedTargets, statedFactsMatchImage,
  hostGeneration, armShapeX86Image,
  urlShape, bucketParObject, copyDestinationClash, principalNeedsPar, parReadOnly, parExpiryValid, parOutputSensitive, parExpiryWindow, literalParUrl,
  copyTimeout, expiryOnCopyBucket, definedTagKeys,
];

/** Constants are static members (jsii carries them to every language); the old module constants are deprecated aliases. */
import {
  CompatChecks, ImageObjectCopy, ImageReplication, ImportedImage, OciProvider, TransitBucket,
  REPORT_JSON, REPORT_MARKDOWN, OCI_PROVIDER_SOURCE, OCI_PROVIDER_VERSION_CONSTRAINT, DEFAULT_TRANSIT_EXPIRY_DAYS,
  DEFAULT_COPY_TIMEOUT_MINUTES, DEFAULT_IMPORT_TIMEOUT_MINUTES, PROVENANCE_TAGS,
} from '../../lib';
import { TERRAFORM_DEFAULT_PARALLELISM } from '../../lib/replication/pipeline';

test('each static member holds the documented value, equal to its deprecated alias', () => {
  const pairs: Array<[unknown, unknown, unknown]> = [
    [CompatChecks.REPORT_JSON, REPORT_JSON, 'oci-image-compat.json'],
    [CompatChecks.REPORT_MARKDOWN, REPORT_MARKDOWN, 'oci-image-compat.md'],
    [OciProvider.PROVIDER_SOURCE, OCI_PROVIDER_SOURCE, 'oracle/oci'],
    [OciProvider.VERSION_CONSTRAINT, OCI_PROVIDER_VERSION_CONSTRAINT, '>= 7.27.0, < 9.0.0'],
    [TransitBucket.DEFAULT_EXPIRY_DAYS, DEFAULT_TRANSIT_EXPIRY_DAYS, 7],
    [ImageObjectCopy.DEFAULT_TIMEOUT_MINUTES, DEFAULT_COPY_TIMEOUT_MINUTES, 480],
    [ImportedImage.DEFAULT_TIMEOUT_MINUTES, DEFAULT_IMPORT_TIMEOUT_MINUTES, 180],
    [ImageReplication.TERRAFORM_DEFAULT_PARALLELISM, TERRAFORM_DEFAULT_PARALLELISM, 10],
    [ImageReplication.PROVENANCE_TAG_ROLLOUT, PROVENANCE_TAGS.rollout, 'ImageRollout'],
    [ImageReplication.PROVENANCE_TAG_SOURCE_IMAGE, PROVENANCE_TAGS.sourceImage, 'ImageSourceId'],
    [ImageReplication.PROVENANCE_TAG_SOURCE_REGION, PROVENANCE_TAGS.sourceRegion, 'ImageSourceRegion'],
  ];
  for (const [member, alias, value] of pairs) {
    expect(member).toBe(value);
    expect(alias).toBe(value);
  }
});

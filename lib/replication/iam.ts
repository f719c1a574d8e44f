import { PrincipalType } from '../knowledge/principal-types';
import { Construct } from 'constructs';
import { IdentityPolicy } from '../provider';
import { ITransitBucket } from '../image/transit-bucket';
import { ImageReplicationProps, ReplicationTarget } from './props';

/**
 * Least-privilege statements for a rollout:
 * - the export writes the image into the export bucket (F-21) and reads the image;
 * - Object Storage itself copies objects into each target region on your behalf (F-62);
 * - the import reads the transit object (F-21, F-23) and creates images.
 * Bucket names are tokens when the library creates the buckets; Terraform fills them in.
 */
export function rolloutPolicy(scope: Construct, props: ImageReplicationProps, exportBucket: ITransitBucket, targets: ReplicationTarget[],
  freeformTags: { [key: string]: string }): IdentityPolicy {
  const iam = props.iam!;
  const who = `${(iam.principalType ?? PrincipalType.GROUP).value} ${iam.principal}`;
  const sourceCompartment = props.source.compartmentId;
  const statements = [
    `Allow ${who} to read instance-images in compartment id ${sourceCompartment}`,
    `Allow ${who} to manage objects in compartment id ${sourceCompartment} where target.bucket.name = '${exportBucket.bucketName}'`,
  ];
  const copyRegions = [...new Set(targets.filter((t) => !t.otherTenancy && !t.directFromPar && t.region !== props.source.region).map((t) => t.region))].sort();
  for (const region of copyRegions) {
    statements.push(`Allow service objectstorage-${region} to manage object-family in compartment id ${sourceCompartment}`);
  }
  const sameTenancy = targets.filter((t) => !t.otherTenancy);
  for (const compartment of [...new Set(sameTenancy.map((t) => t.compartmentId))]) {
    statements.push(`Allow ${who} to manage instance-images in compartment id ${compartment}`);
    statements.push(`Allow ${who} to manage objects in compartment id ${compartment}`);
  }
  return new IdentityPolicy(scope, 'RolloutPolicy', {
    compartmentId: iam.policyCompartmentId,
    name: `${props.rolloutName}-image-rollout`,
    description: `Least privilege for image rollout ${props.rolloutName} (export, cross-region copy, import)`,
    statements,
    freeformTags,
    definedTags: props.definedTags,
  });
}

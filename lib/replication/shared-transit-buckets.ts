import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { stackState } from '../core/stack-state';
import { TransitBucket } from '../image/transit-bucket';

export interface SharedBucketRequest {
  readonly provider: TerraformProvider;
  readonly region: string;
  readonly compartmentId: string;
  readonly kmsKeyId?: string;
  readonly namespace: string;
  readonly freeformTags?: { [key: string]: string };
  readonly definedTags?: { [key: string]: string };
}

/**
 * One transit bucket per stack, provider, compartment and KMS key, shared by
 * every rollout that asks for it (`shareTransitBuckets`). Each copy keeps
 * its own object name (unique per export), so rollouts never overwrite one
 * another, and a bucket read costs two calls in every plan (F-85): 20 images
 * to 40 regions need 40 buckets, not 800. The bucket lives at the stack's
 * root, so adding or retiring a rollout never moves it; it carries the
 * first caller's own tags and no provenance tags (it serves many versions).
 */
export function sharedTransitBucket(stack: TerraformStack, req: SharedBucketRequest): TransitBucket {
  const byKey = stackState(stack, SharedTransitBuckets.ID, (s, id) => new SharedTransitBuckets(s, id)).byKey;
  const key = JSON.stringify([req.provider.node.path, req.compartmentId, req.kmsKeyId ?? '']);
  let bucket = byKey.get(key);
  if (!bucket) {
    const sameProvider = [...byKey.keys()].filter((k) => JSON.parse(k)[0] === req.provider.node.path).length;
    const id = `SharedTransitBucket-${req.provider.node.id}${sameProvider ? `-${sameProvider + 1}` : ''}`;
    bucket = new TransitBucket(stack, id, {
      compartmentId: req.compartmentId, provider: req.provider, region: req.region, kmsKeyId: req.kmsKeyId,
      namespaceName: req.namespace, freeformTags: req.freeformTags, definedTags: req.definedTags,
    });
    byKey.set(key, bucket);
  }
  return bucket;
}

/** The stack's shared buckets: [provider path, compartment, KMS key] as JSON -> bucket. */
class SharedTransitBuckets extends Construct {
  public static readonly ID = 'OciImageSharedTransitBuckets';
  public readonly byKey = new Map<string, TransitBucket>();
}

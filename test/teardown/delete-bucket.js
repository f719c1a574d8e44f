/**
 * Stand-in for `oci_objectstorage_bucket`'s destroy in the builtin-only
 * Terraform tests: a signed DeleteBucket through the OCI SDK, which the
 * fake answers 409 BucketNotEmpty while objects remain (as OCI does).
 * Env: CONFIG_FILE, ENDPOINT, NAMESPACE, BUCKET, SDK_DIR (node_modules).
 */
'use strict';
const path = require('path');
const sdk = (name) => require(path.join(process.env.SDK_DIR, name));
const common = sdk('oci-common');
const os = sdk('oci-objectstorage');

for (const m of ['log', 'info', 'warn', 'debug']) console[m] = () => undefined;
const client = new os.ObjectStorageClient(
  { authenticationDetailsProvider: new common.ConfigFileAuthenticationDetailsProvider(process.env.CONFIG_FILE) },
  { retryConfiguration: common.NoRetryConfigurationDetails, circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }) },
);
client.endpoint = process.env.ENDPOINT;
client.deleteBucket({ namespaceName: process.env.NAMESPACE, bucketName: process.env.BUCKET }).then(
  () => { process.stdout.write(`bucket ${process.env.BUCKET} deleted\n`); process.exit(0); },
  (e) => { process.stderr.write(`DeleteBucket failed: ${e.statusCode} ${e.serviceCode}: ${e.message}\n`); process.exit(1); },
);

/**
 * `OciApi` on the official OCI TypeScript SDK. Every request, including
 * its signature, is made by the SDK clients. The SDK (~1 s to load) is
 * imported here, on first use, so requiring the library never loads it.
 */
import type * as OciCommon from 'oci-common';
import type * as OciObjectStorage from 'oci-objectstorage';
import { createAuthProvider } from './auth';
import { Destination } from './destination';
import { statusOf } from './errors';
import { ExportRequest, ObjectHead, OciApi } from './oci-api';
import { RunnerOptions } from './options';
import { sdkClientParams } from './transport';

type SdkClient = { close(): void };

export async function createSdkApi(o: RunnerOptions, env: Readonly<Record<string, string | undefined>> = process.env): Promise<OciApi> {
  const common = await import('oci-common');
  const core = await import('oci-core');
  const wr = await import('oci-workrequests');
  const os = await import('oci-objectstorage');

  const auth = await createAuthProvider(common, o);
  // Proxy and extra CAs as the provider honours them (transport.ts).
  const params = sdkClientParams(common, auth, env);
  // One resilience layer only: the runner's deadline-bound retry (backoff.ts).
  // The SDK retrier has no deadline and the circuit breaker would turn
  // answers into opaque errors.
  const config: OciCommon.ClientConfiguration = {
    retryConfiguration: common.NoRetryConfigurationDetails,
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
  };
  const clients: SdkClient[] = [];
  const track = <T extends SdkClient>(c: T): T => (clients.push(c), c);

  const compute = track(new core.ComputeClient(params.signed, config));
  // Work requests for Compute live on the same iaas host as the Compute API.
  const workRequests = track(new wr.WorkRequestClient(params.signed, config));
  for (const c of [compute, workRequests]) {
    c.regionId = o.region;
    if (o.computeEndpoint) c.endpoint = o.computeEndpoint;
  }

  const objectClients = new Map<string, OciObjectStorage.ObjectStorageClient>();
  const objectClient = (d: Destination): OciObjectStorage.ObjectStorageClient => {
    // A PAR is a bearer URL: requests through it carry no signature, and the
    // SDK's path template appends /n/{ns}/b/{bucket}/o/{object} to it.
    const key = d.kind === 'tuple' ? 'signed:region' : d.parToken ? `par:${d.origin}/p/${d.parToken}` : `signed:${d.origin}`;
    let client = objectClients.get(key);
    if (!client) {
      client = track(new os.ObjectStorageClient(d.kind === 'uri' && d.parToken ? params.unsigned : params.signed, config));
      if (d.kind === 'tuple') {
        client.regionId = o.region;
        if (o.objectStorageEndpoint) client.endpoint = o.objectStorageEndpoint;
      } else {
        client.endpoint = d.parToken ? `${d.origin}/p/${d.parToken}` : o.objectStorageEndpoint ?? d.origin;
      }
      objectClients.set(key, client);
    }
    return client;
  };

  return {
    async getImage(imageId) {
      const { image } = await compute.getImage({ imageId });
      return {
        id: image.id,
        compartmentId: image.compartmentId,
        lifecycleState: image.lifecycleState,
        listingType: image.listingType,
        baseImageId: image.baseImageId,
        displayName: image.displayName,
      };
    },

    async exportImage(req: ExportRequest) {
      const d = req.destination;
      const exportFormat = req.format as OciCoreExportFormat;
      const exportImageDetails =
        d.kind === 'tuple'
          ? { destinationType: 'objectStorageTuple', namespaceName: d.namespace, bucketName: d.bucket, objectName: d.objectName, exportFormat }
          : { destinationType: 'objectStorageUri', destinationUri: d.uri, exportFormat };
      const res = await compute.exportImage({ imageId: req.imageId, opcRetryToken: req.retryToken, exportImageDetails });
      return { workRequestId: res.opcWorkRequestId || undefined };
    },

    async getWorkRequest(workRequestId) {
      const { workRequest } = await workRequests.getWorkRequest({ workRequestId });
      return {
        id: workRequest.id,
        status: workRequest.status,
        percentComplete: workRequest.percentComplete,
        timeAccepted: workRequest.timeAccepted ? new Date(workRequest.timeAccepted) : undefined,
        timeFinished: workRequest.timeFinished ? new Date(workRequest.timeFinished) : undefined,
      };
    },

    async listWorkRequestErrors(workRequestId) {
      const { items } = await workRequests.listWorkRequestErrors({ workRequestId });
      return items.map((e) => `${e.code}: ${e.message}`);
    },

    async headObject(d, objectName): Promise<ObjectHead | undefined> {
      try {
        const res = await objectClient(d).headObject({ namespaceName: d.namespace, bucketName: d.bucket, objectName });
        const meta: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.opcMeta ?? {})) meta[k.replace(/^opc-meta-/i, '')] = String(v);
        return { etag: res.eTag, contentLength: res.contentLength, lastModified: res.lastModified ? new Date(res.lastModified) : undefined, meta };
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    },

    async putObject(d, objectName, body, meta) {
      await objectClient(d).putObject({
        namespaceName: d.namespace,
        bucketName: d.bucket,
        objectName,
        putObjectBody: body,
        contentLength: Buffer.byteLength(body),
        contentType: 'application/json',
        opcMeta: meta,
      });
    },

    async deleteObject(d, objectName) {
      await objectClient(d).deleteObject({ namespaceName: d.namespace, bucketName: d.bucket, objectName });
    },

    close() {
      for (const c of clients) c.close();
    },
  };
}

type OciCoreExportFormat = import('oci-core').models.ExportImageDetails.ExportFormat;

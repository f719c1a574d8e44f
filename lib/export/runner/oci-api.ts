/**
 * The handful of OCI calls the runner makes, as an interface. The run logic
 * depends only on this, so it stays free of SDK types; `sdk-api.ts` is the
 * one implementation (official SDK, loaded lazily).
 */
import { Destination } from './destination';
import { ImageFacts } from './exportability';

export interface WorkRequestFacts {
  readonly id: string;
  readonly status: string;
  readonly percentComplete?: number;
  readonly timeAccepted?: Date;
  readonly timeFinished?: Date;
}

export interface ObjectHead {
  readonly etag?: string;
  readonly contentLength?: number;
  readonly lastModified?: Date;
  /** User metadata, keys without the `opc-meta-` prefix. */
  readonly meta: Readonly<Record<string, string>>;
}

export interface ExportRequest {
  readonly imageId: string;
  readonly format: string;
  readonly destination: Destination;
  readonly retryToken: string;
}

export interface OciApi {
  getImage(imageId: string): Promise<ImageFacts>;
  exportImage(req: ExportRequest): Promise<{ readonly workRequestId?: string }>;
  getWorkRequest(workRequestId: string): Promise<WorkRequestFacts>;
  /** "code: message" lines of a failed work request. */
  listWorkRequestErrors(workRequestId: string): Promise<string[]>;
  /** HEAD an object in the destination's bucket, through the destination's access path (signed, or the PAR). Undefined on 404. */
  headObject(destination: Destination, objectName: string): Promise<ObjectHead | undefined>;
  putObject(destination: Destination, objectName: string, body: string, meta: Record<string, string>): Promise<void>;
  /** DELETE an object (cleanup mode); failures, 404 included, reject with the SDK error. */
  deleteObject(destination: Destination, objectName: string): Promise<void>;
  close(): void;
}

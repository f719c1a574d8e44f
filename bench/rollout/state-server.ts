/**
 * A remote state store for the rollout benchmark: Terraform's `http`
 * backend (GET / POST the state, LOCK / UNLOCK) kept in memory.
 *
 * Why the benchmark needs one: with the local backend, Terraform 1.11
 * rewrites and fsyncs the whole state file after every resource it applies,
 * holding the state lock while it does (statemgr.Filesystem.WriteState), so
 * a single apply costs O(resources²) and resource completions queue behind
 * the file. Remote backends (http, s3, ...) keep the state in memory and
 * upload a snapshot at most every 20 s. A GitOps pipeline keeps its state in
 * a remote backend (OCI Object Storage through the S3-compatible API or an
 * HTTP backend on a PAR), so that is what the benchmark measures; the local
 * backend is a separate, labelled cell.
 */
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';

export class StateServer {
  static async start(): Promise<StateServer> {
    const s = new StateServer();
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    return s;
  }

  /** Uploads received (state snapshots written), per state path. */
  readonly writes = new Map<string, number>();
  private readonly states = new Map<string, Buffer>();
  private readonly locks = new Map<string, string>();
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** The backend address of one stack's state. */
  address(stack: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/state/${encodeURIComponent(stack)}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = new URL(req.url ?? '/', 'http://x').pathname;
      const body = Buffer.concat(chunks);
      const reply = (status: number, payload?: Buffer | string) => { res.writeHead(status); res.end(payload); };
      switch (req.method) {
        case 'GET': {
          const state = this.states.get(key);
          return state ? reply(200, state) : reply(404);
        }
        case 'POST':
          this.states.set(key, body);
          this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
          return reply(200);
        case 'DELETE':
          this.states.delete(key);
          return reply(200);
        case 'LOCK': {
          const held = this.locks.get(key);
          if (held) return reply(423, held);
          this.locks.set(key, body.toString('utf8'));
          return reply(200);
        }
        case 'UNLOCK':
          this.locks.delete(key);
          return reply(200);
        default:
          return reply(405);
      }
    });
  }
}

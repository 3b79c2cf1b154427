// The HTTP driver that sends an app its traffic (HttpDriver, Reply, alternate) and reply summaries (summarize, note).
import http from 'node:http';

export interface Reply {
  path: string;
  status: number;
  body: string;
  /** key=value fields of the handler's output line (reused=, err=, value= ...). */
  fields: Record<string, string>;
  /** get_reused_times() the handler printed (`reused=N`), or undefined. */
  reused?: number;
  /** The handler's error text (`err=...`, spaces encoded as `_`), or the transport error. */
  err?: string;
}

function parseFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/(\w+)=(\S*)/g)) out[m[1]] = m[2];
  return out;
}

/** A sequential HTTP client on one keep-alive connection (maxSockets 1), with a timeout per request. */
export class HttpDriver {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  /**
   * One GET. `fresh`: on a new client connection (closed afterwards) instead of the shared keep-alive one, so nginx
   * allocates a new request object for it.
   */
  request(path: string, opts: { timeoutMs?: number; fresh?: boolean } = {}): Promise<Reply> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve) => {
      const agent = opts.fresh ? false : this.agent;
      const req = http.get({ host: '127.0.0.1', port: this.port, path, agent, timeout: timeoutMs, headers: opts.fresh ? { connection: 'close' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const fields = parseFields(body);
          const reused = fields.reused !== undefined && /^-?\d+$/.test(fields.reused) ? Number(fields.reused) : undefined;
          const err = fields.err !== undefined && fields.err !== 'none' ? fields.err.replace(/_/g, ' ') : undefined;
          resolve({ path, status: res.statusCode ?? 0, body, fields, reused, err });
        });
        res.on('error', (e) => resolve({ path, status: 0, body: '', fields: {}, err: `http: ${e.message}` }));
      });
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', (e) => resolve({ path, status: 0, body: '', fields: {}, err: `http: ${e.message}` }));
    });
  }

  /**
   * Requests every path in `paths`, in order. No time budget: a slow machine sends them all just the same (the
   * tests assert on the count); a request that hangs ends at its own timeout as an error reply.
   */
  async sequence(paths: readonly string[], opts: { fresh?: boolean } = {}): Promise<Reply[]> {
    const out: Reply[] = [];
    for (const p of paths) out.push(await this.request(p, { fresh: opts.fresh }));
    return out;
  }

  /** Sends all `paths` at once, each on its own client connection. */
  parallel(paths: readonly string[]): Promise<Reply[]> {
    return Promise.all(paths.map((p) => this.request(p, { fresh: true })));
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Prints measured numbers when RESTY_LINT_RUNTIME_VERBOSE=1 (the assertions carry them too). */
export function note(label: string, data: unknown): void {
  if (process.env.RESTY_LINT_RUNTIME_VERBOSE === '1') console.log(`[runtime] ${label}: ${JSON.stringify(data)}`);
}

/** `n` paths cycling through `cycle` (e.g. alternate(200, ['/long', '/short'])). */
export function alternate(n: number, cycle: readonly string[]): string[] {
  return Array.from({ length: n }, (_, i) => cycle[i % cycle.length]);
}

export interface Summary {
  requests: number;
  /** Requests whose handler printed reused > 0. */
  reused: number;
  /** reused / requests (0..1). */
  reuseRate: number;
  /** Requests with a handler error or a non-200 status. */
  errors: number;
  /** Distinct error texts with counts. */
  errorTexts: Record<string, number>;
}

export function summarize(replies: readonly Reply[]): Summary {
  const errorTexts: Record<string, number> = {};
  let reused = 0;
  let errors = 0;
  for (const r of replies) {
    if ((r.reused ?? 0) > 0) reused++;
    if (r.err !== undefined || r.status !== 200) {
      errors++;
      const k = r.err ?? `HTTP ${r.status}`;
      errorTexts[k] = (errorTexts[k] ?? 0) + 1;
    }
  }
  return { requests: replies.length, reused, reuseRate: replies.length ? reused / replies.length : 0, errors, errorTexts };
}

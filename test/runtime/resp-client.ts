// A minimal Redis RESP2 client (RespClient): the harness's control connection to each app's redis-server.
import net from 'node:net';

export type Resp = string | number | null | Error | Resp[];

/** A minimal RESP2 client over one connection (TCP or unix socket): commands are sent one at a time. */
export class RespClient {
  private buf = Buffer.alloc(0);
  private waiting: { resolve: (v: Resp) => void; reject: (e: Error) => void } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed: Error | undefined;
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly sock: net.Socket) {
    sock.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.drain();
    });
    const fail = (e: Error) => {
      this.closed = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    };
    sock.on('error', fail);
    sock.on('close', () => fail(new Error('redis connection closed')));
  }

  static connect(opts: { path: string } | { port: number; host?: string }, timeoutMs = 2000): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const sock = 'path' in opts ? net.connect(opts.path) : net.connect(opts.port, opts.host ?? '127.0.0.1');
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error('redis connect timeout'));
      }, timeoutMs);
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      sock.once('connect', () => {
        clearTimeout(timer);
        sock.removeAllListeners('error');
        resolve(new RespClient(sock));
      });
    });
  }

  /** Sends one command; resolves with the reply (an `Error` value for a -ERR reply). */
  command(args: (string | number)[], timeoutMs = 5000): Promise<Resp> {
    const run = () =>
      new Promise<Resp>((resolve, reject) => {
        if (this.closed) return reject(this.closed);
        const timer = setTimeout(() => {
          this.waiting = undefined;
          reject(new Error(`redis command timeout: ${args[0]}`));
        }, timeoutMs);
        this.waiting = {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        const parts = args.map(String);
        let out = `*${parts.length}\r\n`;
        for (const p of parts) out += `$${Buffer.byteLength(p)}\r\n${p}\r\n`;
        this.sock.write(out);
      });
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** PINGs every `ms` while idle, so a redis `timeout` does not close this (control) connection. */
  heartbeat(ms: number): void {
    this.timer = setInterval(() => {
      this.command(['PING'], 2000).catch(() => undefined);
    }, ms);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.sock.destroy();
  }

  private drain(): void {
    if (!this.waiting) return;
    const parsed = parseResp(this.buf, 0);
    if (!parsed) return;
    this.buf = this.buf.subarray(parsed.end);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve(parsed.value);
  }
}

function parseResp(buf: Buffer, at: number): { value: Resp; end: number } | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: next };
      if (buf.length < next + n + 2) return undefined;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: next };
      const items: Resp[] = [];
      let pos = next;
      for (let i = 0; i < n; i++) {
        const item = parseResp(buf, pos);
        if (!item) return undefined;
        items.push(item.value);
        pos = item.end;
      }
      return { value: items, end: pos };
    }
    default:
      throw new Error(`bad RESP type byte ${JSON.stringify(type)}`);
  }
}

// Runtime harness: runs a fixture app (fixtures/runtime/<claim>/{bad,fixed}/) on a real nginx + ngx_lua +
// lua-resty-redis against a real redis-server, so the rules' claims are checked against the runtime.
//
// Needs (Debian 12): apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua lua-nginx-redis redis-server
// (lua-nginx-redis pulls nginx-extras; `ss` from iproute2 is optional). Never install Debian's `luajit` or
// `libluajit-5.1-2`: they remove libnginx-mod-http-lua. RESTY_LINT_RUNTIME_ROOT=<dir> uses the same Debian packages
// unpacked with `apt-get download` + `dpkg-deb -x` into <dir> instead (modules, Lua files and libluajit2 from there).
//
// Every app gets its own temp prefix, its own redis-server (127.0.0.1, random high port, unix socket for control
// traffic, no persistence) and its own nginx (`-p <prefix>/ -c <prefix>/nginx.conf -e <prefix>/logs/error.log`,
// foreground master). /etc/nginx, /var/log/nginx and the system services are never touched. Only the processes
// started here are stopped, by pid (SIGTERM, then SIGKILL after a timeout; nginx workers too), also from afterAll
// and on process exit.
//
// Rendering a fixture: the fixture files are real, analyzable code written with canonical values, and are copied
// into the prefix with exactly these substitutions (each checked to happen where it must):
//   127.0.0.1:8080                      -> 127.0.0.1:<http port>       (nginx.conf listen)
//   6379 (a whole number)               -> <redis port>                (Lua, nginx.conf, redis.conf)
//   /usr/lib/nginx/modules/             -> the module directory found
//   /usr/share/lua/5.1/                 -> the Lua share directory found
// Debian installs lua-resty-redis as `nginx.redis`; when `resty/redis.lua` is missing, a one-line shim
// (`return require "nginx.redis"`) is written to <prefix>/shim, which the fixtures put on lua_package_path.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../support/analyze.ts';
import { discoverProject } from '../../src/project/discover-project.ts';
import { findOracle } from '../nginx/oracle.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(REPO_ROOT, 'fixtures', 'runtime');

// ------------------------------------------------------------------------------------------------ environment

export interface RuntimeEnv {
  nginx: string;
  nginxVersion: string;
  /** Directory holding ndk_http_module.so and ngx_http_lua_module.so. */
  moduleDir: string;
  /** Directory holding resty/core.lua and nginx/redis.lua (or resty/redis.lua). */
  luaShare: string;
  /** Whether `require "resty.redis"` needs the shim (Debian's lua-nginx-redis installs `nginx.redis`). */
  needShim: boolean;
  redisServer: string;
  redisVersion: string;
  /** iproute2 `ss`, for TIME_WAIT counts (optional). */
  ss?: string;
  /** Extra environment for nginx (LD_LIBRARY_PATH to an unpacked libluajit2 in RESTY_LINT_RUNTIME_ROOT mode). */
  nginxEnv: Record<string, string>;
}

const INSTALL = 'apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua lua-nginx-redis redis-server';

function which(name: string, extra: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', ...extra];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Finds everything the runtime suite needs, or names the first missing piece and why it is needed. */
export function findRuntime(): { env: RuntimeEnv } | { missing: string; why: string } {
  const root = process.env.RESTY_LINT_RUNTIME_ROOT;
  let nginx: string;
  let nginxVersion: string;
  let moduleDir: string;
  let luaShare: string;
  const nginxEnv: Record<string, string> = {};
  if (root) {
    const n = process.env.RESTY_LINT_NGINX ?? which('nginx');
    if (!n) return { missing: 'nginx', why: `the runtime suite runs the fixture apps on nginx (${INSTALL})` };
    nginx = n;
    nginxVersion = /nginx\/(\S+)/.exec(spawnSync(n, ['-v'], { encoding: 'utf8' }).stderr ?? '')?.[1] ?? 'unknown';
    moduleDir = join(root, 'usr/lib/nginx/modules');
    luaShare = join(root, 'usr/share/lua/5.1');
    nginxEnv.LD_LIBRARY_PATH = join(root, 'usr/lib/x86_64-linux-gnu');
  } else {
    const found = findOracle();
    if ('reason' in found) return { missing: found.reason.startsWith('nginx binary') ? 'nginx' : 'ngx_lua module', why: found.reason };
    nginx = found.env.nginx;
    nginxVersion = found.env.version;
    if (found.env.modules.length === 0) {
      return { missing: 'ngx_lua dynamic module', why: `this nginx has ngx_lua built in; the runtime fixtures load it with load_module (${INSTALL})` };
    }
    moduleDir = dirname(found.env.modules[1]);
    luaShare = '/usr/share/lua/5.1';
  }
  for (const m of ['ndk_http_module.so', 'ngx_http_lua_module.so']) {
    if (!existsSync(join(moduleDir, m))) return { missing: join(moduleDir, m), why: `nginx needs ngx_lua and NDK to run Lua (${INSTALL})` };
  }
  if (!existsSync(join(luaShare, 'resty/core.lua'))) {
    return { missing: join(luaShare, 'resty/core.lua'), why: `ngx_lua 0.10.23 refuses to start without lua-resty-core (${INSTALL})` };
  }
  const hasResty = existsSync(join(luaShare, 'resty/redis.lua'));
  if (!hasResty && !existsSync(join(luaShare, 'nginx/redis.lua'))) {
    return { missing: join(luaShare, 'nginx/redis.lua'), why: `the fixture apps talk to Redis with lua-resty-redis (package lua-nginx-redis; ${INSTALL})` };
  }
  const override = process.env.RESTY_LINT_REDIS_SERVER;
  const redisServer = override ? (existsSync(override) ? override : undefined) : which('redis-server');
  if (!redisServer) {
    return { missing: override ? `redis-server (RESTY_LINT_REDIS_SERVER=${override})` : 'redis-server', why: `the fixture apps need a real Redis server (${INSTALL})` };
  }
  const rv = spawnSync(redisServer, ['--version'], { encoding: 'utf8' });
  const redisVersion = /v=(\S+)/.exec(rv.stdout ?? '')?.[1] ?? 'unknown';
  return { env: { nginx, nginxVersion, moduleDir, luaShare, needShim: !hasResty, redisServer, redisVersion, ss: which('ss'), nginxEnv } };
}

/** Whether a missing runtime must fail the run instead of skipping it. */
export const REQUIRE_RUNTIME = process.env.CI === 'true';

/**
 * describe() for runtime tests: runs them when the runtime is present; otherwise skips them with a console.warn
 * naming the missing binary, except under CI=true, where the missing runtime is a failing test.
 */
export function describeRuntime(name: string, body: (env: RuntimeEnv) => void): void {
  const found = findRuntime();
  if ('env' in found) {
    describe(name, () => body(found.env));
    return;
  }
  const reason = `${found.missing} is missing: ${found.why}`;
  if (REQUIRE_RUNTIME) {
    describe(name, () => {
      it('has the OpenResty runtime (nginx + ngx_lua + lua-resty-redis + redis-server); required when CI=true', () => {
        expect.fail(`runtime suite cannot run under CI: ${reason}`);
      });
    });
    return;
  }
  console.warn(`[runtime] skipping "${name}": ${reason}`);
  describe.skip(name, () => body(undefined as unknown as RuntimeEnv));
}

// ------------------------------------------------------------------------------------------------ the analyzer

/** Rule ids resty-lint reports (active findings) for a fixture app directory, e.g. `pool-mixed-lifecycle/bad`. */
export function lint(app: string): { ruleIds: string[]; findings: { ruleId: string; file: string; line: number; message: string }[] } {
  const dir = relative(REPO_ROOT, join(FIXTURES, app));
  const files = discoverProject(REPO_ROOT, [dir]);
  const result = analyze({ cwd: REPO_ROOT, files: files.lua, nginxConfs: files.nginx, redisConfs: files.redis });
  const findings = result.findings
    .filter((f) => !f.suppressions?.length)
    .map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.startLine, message: f.message }));
  return { ruleIds: [...new Set(findings.map((f) => f.ruleId))].sort(), findings };
}

/**
 * The static half of a runtime claim: resty-lint reports `ruleId` on `<claim>/bad` and not on `<claim>/fixed`.
 * Needs no runtime, so it always runs.
 */
export function describeLint(ruleId: string, claim: string = ruleId): void {
  describe(`${claim}: resty-lint on fixtures/runtime/${claim}`, () => {
    it(`reports ${ruleId} on bad/`, () => {
      const bad = lint(`${claim}/bad`);
      expect(bad.ruleIds, JSON.stringify(bad.findings, null, 1)).toContain(ruleId);
    });
    it(`does not report ${ruleId} on fixed/`, () => {
      const fixed = lint(`${claim}/fixed`);
      expect(fixed.ruleIds, JSON.stringify(fixed.findings, null, 1)).not.toContain(ruleId);
    });
  });
}

// ------------------------------------------------------------------------------------------------ processes

interface Tracked {
  child: ChildProcess;
  name: string;
  exited: boolean;
  /** nginx worker pids seen while running (killed too if the master has to be SIGKILLed). */
  workers: Set<number>;
}

const tracked = new Set<Tracked>();
let exitHookInstalled = false;

/** SIGKILLs every tracked process still running (and its nginx workers); synchronous, for exit paths. */
function killAllNow(): void {
  for (const t of tracked) {
    if (t.exited) continue;
    if (t.child.pid) {
      for (const w of childrenOf(t.child.pid)) t.workers.add(w);
      killQuiet(t.child.pid, 'SIGKILL');
    }
    for (const w of t.workers) if (isWorkerOf(w, t)) killQuiet(w, 'SIGKILL');
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAllNow();
      process.removeListener(sig, onSignal);
      // nobody else handles it: let the default action end the process as it would have without us
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/**
 * Whether `pid` is still an nginx worker started by this master (not a process that got the pid later): its
 * command line is nginx's worker title, and its parent is the master (or, once the master is gone, init/a reaper).
 */
function isWorkerOf(pid: number, t: Tracked): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    if (!cmd.startsWith('nginx: ')) return false;
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === t.child.pid || t.exited;
  } catch {
    return false;
  }
}

function killQuiet(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function startProcess(name: string, cmd: string, args: string[], logFile: string, env: Record<string, string> = {}): Tracked {
  installExitHook();
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    const t: Tracked = { child, name, exited: false, workers: new Set() };
    child.on('exit', () => {
      t.exited = true;
    });
    child.on('error', () => {
      t.exited = true;
    });
    tracked.add(t);
    return t;
  } finally {
    closeSync(fd);
  }
}

/** Direct children of a pid (nginx workers of a master), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function stopProcess(t: Tracked, timeoutMs = 5000): Promise<void> {
  const pid = t.child.pid;
  if (pid !== undefined && !t.exited) {
    for (const w of childrenOf(pid)) t.workers.add(w);
    killQuiet(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (!t.exited && Date.now() < deadline) await sleep(20);
    if (!t.exited) {
      killQuiet(pid, 'SIGKILL');
      const d2 = Date.now() + 2000;
      while (!t.exited && Date.now() < d2) await sleep(20);
    }
  }
  // A worker outlives a SIGKILLed master: stop the ones this master started (they were our children's children).
  for (const w of t.workers) {
    if (!isWorkerOf(w, t)) continue;
    killQuiet(w, 'SIGTERM');
    const deadline = Date.now() + 2000;
    while (isWorkerOf(w, t) && Date.now() < deadline) await sleep(20);
    if (isWorkerOf(w, t)) killQuiet(w, 'SIGKILL');
  }
  tracked.delete(t);
}

/** Stops every process this module started that is still tracked (for afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...tracked].map((t) => stopProcess(t)));
}

// ------------------------------------------------------------------------------------------------ ports

async function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A 127.0.0.1 port below the ephemeral range that nothing uses, not even a TIME_WAIT socket (when ss exists). */
async function pickPort(env: RuntimeEnv, avoid: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 15000 + Math.floor(Math.random() * 17000);
    if (avoid.has(port)) continue;
    if (!(await canListen(port))) continue;
    if (env.ss) {
      const r = spawnSync(env.ss, ['-Htan', `( sport = :${port} or dport = :${port} )`], { encoding: 'utf8', timeout: 5000 });
      if (r.status !== 0 || (r.stdout ?? '').trim() !== '') continue;
    }
    avoid.add(port);
    return port;
  }
  throw new Error('no free 127.0.0.1 port found');
}

// ------------------------------------------------------------------------------------------------ Redis (RESP)

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

// ------------------------------------------------------------------------------------------------ HTTP

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

// ------------------------------------------------------------------------------------------------ the app

export interface AppOptions {
  /** Extra redis-server arguments (after the fixture's redis.conf, before the harness's own). */
  redisArgs?: string[];
}

/** One fixture app running on its own redis-server and nginx. */
export class RuntimeApp {
  readonly http: HttpDriver;
  private constructor(
    readonly env: RuntimeEnv,
    readonly name: string,
    readonly prefix: string,
    readonly httpPort: number,
    readonly redisPort: number,
    readonly redisSocket: string,
    private readonly redisProc: Tracked,
    private readonly nginxProc: Tracked,
    /** Control connection over the unix socket, opened before any counter is read (so it is never counted). */
    readonly control: RespClient,
  ) {
    this.http = new HttpDriver(httpPort);
  }

  /** Starts redis-server and nginx for `fixtures/runtime/<app>` (for example `code-cache-off/bad`). */
  static async start(env: RuntimeEnv, app: string, opts: AppOptions = {}): Promise<RuntimeApp> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await RuntimeApp.startOnce(env, app, opts);
      } catch (e) {
        lastError = e;
        // A port taken between the check and the bind (another test file picking ports in parallel): retry.
        if (!/Address already in use|bind\(\)|could not bind/i.test(String((e as Error).message))) break;
      }
    }
    throw lastError;
  }

  private static async startOnce(env: RuntimeEnv, app: string, opts: AppOptions): Promise<RuntimeApp> {
    const src = join(FIXTURES, app);
    const prefix = mkdtempSync(join(tmpdir(), `resty-lint-runtime-${app.replace(/\W+/g, '-')}-`));
    const ports = new Set<number>();
    let redisProc: Tracked | undefined;
    let nginxProc: Tracked | undefined;
    let control: RespClient | undefined;
    try {
      const redisPort = await pickPort(env, ports);
      const httpPort = await pickPort(env, ports);
      // nginx started as root runs its workers as nobody: they must be able to read the Lua files.
      chmodSync(prefix, 0o755);
      renderFixture(env, src, prefix, { httpPort, redisPort });
      for (const d of ['logs', 'tmp', 'redis', 'shim/resty']) mkdirSync(join(prefix, d), { recursive: true });
      if (env.needShim) writeFileSync(join(prefix, 'shim/resty/redis.lua'), 'return require "nginx.redis"\n');

      // --- redis-server (fixture redis.conf first, so the command-line options below override it)
      const redisSocket = join(prefix, 'redis', 'redis.sock');
      const redisLog = join(prefix, 'redis', 'redis.log');
      const redisConf = join(prefix, 'redis.conf');
      const args = [
        ...(existsSync(redisConf) ? [redisConf] : []),
        ...(opts.redisArgs ?? []),
        '--port', String(redisPort), '--bind', '127.0.0.1', '--protected-mode', 'yes',
        '--unixsocket', redisSocket, '--unixsocketperm', '700',
        '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', join(prefix, 'redis'),
        '--logfile', redisLog, '--loglevel', 'verbose', '--maxclients', '1000',
      ];
      redisProc = startProcess(`redis ${app}`, env.redisServer, args, join(prefix, 'redis', 'stdout.log'));
      control = await waitFor(`redis-server for ${app}`, 5000, redisProc, async () => {
        const c = await RespClient.connect({ path: redisSocket }, 500);
        const pong = await c.command(['PING'], 1000);
        if (pong !== 'PONG') {
          c.close();
          throw new Error(`PING -> ${String(pong)}`);
        }
        // A fixture's redis `timeout` would close the control connection too: keep it busy.
        c.heartbeat(250);
        return c;
      }, () => readIf(redisLog) + readIf(join(prefix, 'redis', 'stdout.log')));

      // --- nginx (foreground master; the rendered config has daemon off)
      const conf = join(prefix, 'nginx.conf');
      const errorLog = join(prefix, 'logs', 'error.log');
      const ngxArgs = ['-p', `${prefix}/`, '-c', conf, '-e', errorLog];
      const t = spawnSync(env.nginx, ['-t', ...ngxArgs], { encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL', env: { ...process.env, ...env.nginxEnv } });
      if (t.status !== 0) throw new Error(`nginx -t failed for ${app}:\n${t.stderr}${t.stdout}`);
      nginxProc = startProcess(`nginx ${app}`, env.nginx, ngxArgs, join(prefix, 'logs', 'stderr.log'), env.nginxEnv);
      const np = nginxProc;
      await waitFor(`nginx for ${app}`, 10_000, np, async () => {
        await tcpProbe(httpPort);
        // a worker is up when the master has a child
        if (np.child.pid === undefined || childrenOf(np.child.pid).length === 0) throw new Error('no worker yet');
      }, () => readIf(errorLog) + readIf(join(prefix, 'logs', 'stderr.log')));
      for (const w of childrenOf(np.child.pid!)) np.workers.add(w);
      return new RuntimeApp(env, app, prefix, httpPort, redisPort, redisSocket, redisProc, np, control);
    } catch (e) {
      control?.close();
      if (nginxProc) await stopProcess(nginxProc);
      if (redisProc) await stopProcess(redisProc);
      rmSync(prefix, { recursive: true, force: true });
      throw e;
    }
  }

  /** Redis `INFO stats` total_connections_received (the control connection was made before any read). */
  async connectionsReceived(): Promise<number> {
    const info = await this.control.command(['INFO', 'stats']);
    const m = /total_connections_received:(\d+)/.exec(String(info));
    if (!m) throw new Error(`no total_connections_received in INFO: ${String(info)}`);
    return Number(m[1]);
  }

  /**
   * Runs `traffic` and counts the TCP connections Redis accepted meanwhile (INFO stats total_connections_received
   * before and `settleMs` after; the control connection predates both reads, so none of it is counted).
   */
  async measure<T>(traffic: () => Promise<T>, settleMs = 200): Promise<{ result: T; newConnections: number }> {
    const before = await this.connectionsReceived();
    const result = await traffic();
    await sleep(settleMs);
    const after = await this.connectionsReceived();
    return { result, newConnections: after - before };
  }

  /** CLIENT LIST lines of TCP clients (the unix-socket control connection left out). */
  async tcpClients(): Promise<string[]> {
    const list = String(await this.control.command(['CLIENT', 'LIST']));
    return list.split('\n').map((l) => l.trim()).filter((l) => /(?:^| )addr=127\.0\.0\.1:\d+ /.test(l));
  }

  /**
   * TIME_WAIT sockets on the redis port right now, split by which side closed first: `serverSide` (the redis end,
   * local port = redis port: redis sent the first FIN) and `clientSide` (nginx's end: nginx sent the first FIN).
   * Undefined when `ss` is not installed.
   */
  timeWait(): { serverSide: number; clientSide: number } | undefined {
    if (!this.env.ss) return undefined;
    const count = (filter: string) => {
      const r = spawnSync(this.env.ss!, ['-Htan', 'state', 'time-wait', filter], { encoding: 'utf8', timeout: 5000 });
      return (r.stdout ?? '').split('\n').filter((l) => l.trim()).length;
    };
    return { serverSide: count(`( sport = :${this.redisPort} )`), clientSide: count(`( dport = :${this.redisPort} )`) };
  }

  /** nginx error.log lines at `[error]` or worse (alerts included), without the timestamp and pid prefix. */
  errorLines(): string[] {
    return this.errorLog()
      .split('\n')
      .filter((l) => /\[(error|crit|alert|emerg)\]/.test(l))
      .map((l) => l.replace(/^\S+ \S+ /, '').replace(/\d+#\d+: (\*\d+ )?/, ''));
  }

  /** How many lines of the redis log (loglevel verbose) match `re`. */
  redisLogCount(re: RegExp): number {
    return this.redisLog().split('\n').filter((l) => re.test(l)).length;
  }

  errorLog(): string {
    return readIf(join(this.prefix, 'logs', 'error.log'));
  }

  redisLog(): string {
    return readIf(join(this.prefix, 'redis', 'redis.log'));
  }

  /** Stops nginx, then redis (by pid; SIGTERM, then SIGKILL), and removes the prefix. */
  async stop(): Promise<void> {
    this.http.close();
    this.control.close();
    await stopProcess(this.nginxProc);
    await stopProcess(this.redisProc);
    rmSync(this.prefix, { recursive: true, force: true });
  }
}

/** Apps started by a test file, stopped (and their prefixes removed) by stopApps() in afterAll. */
export class AppSet {
  private readonly apps = new Set<RuntimeApp>();
  async start(env: RuntimeEnv, app: string, opts?: AppOptions): Promise<RuntimeApp> {
    const a = await RuntimeApp.start(env, app, opts);
    this.apps.add(a);
    return a;
  }
  async stop(a: RuntimeApp): Promise<void> {
    this.apps.delete(a);
    await a.stop();
  }
  async stopAll(): Promise<void> {
    const all = [...this.apps];
    this.apps.clear();
    await Promise.all(all.map((a) => a.stop()));
    await stopAll();
  }
}

// ------------------------------------------------------------------------------------------------ helpers

function readIf(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function waitFor<T>(what: string, timeoutMs: number, proc: Tracked, probe: () => Promise<T>, logs: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (proc.exited) throw new Error(`${what} exited during startup:\n${logs()}`);
    try {
      return await probe();
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${String((last as Error)?.message ?? last)}):\n${logs()}`);
}

function tcpProbe(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error('connect timeout'));
    }, 500);
    s.once('connect', () => {
      clearTimeout(timer);
      s.destroy();
      resolve();
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Copies a fixture app into the prefix with the substitutions listed at the top of this file. */
function renderFixture(env: RuntimeEnv, src: string, dest: string, ports: { httpPort: number; redisPort: number }): void {
  cpSync(src, dest, { recursive: true });
  const conf = join(dest, 'nginx.conf');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(dest)) {
    if (!/\.(lua|conf)$/.test(file)) continue;
    let text = readFileSync(file, 'utf8');
    text = text.replace(/\b6379\b/g, String(ports.redisPort));
    if (file === conf) {
      if (!/^\s*daemon\s+off\s*;/m.test(text) || !/^\s*pid\s+logs\//m.test(text) || !/^\s*error_log\s+logs\//m.test(text)) {
        throw new Error(`${src}/nginx.conf must have daemon off; and pid/error_log under logs/ (the harness tracks the master by pid)`);
      }
      if (!text.includes('listen 127.0.0.1:8080;')) throw new Error(`${src}/nginx.conf must listen on 127.0.0.1:8080 (replaced by a free port)`);
      text = text
        .replaceAll('listen 127.0.0.1:8080;', `listen 127.0.0.1:${ports.httpPort};`)
        .replaceAll('/usr/lib/nginx/modules/', `${env.moduleDir}/`)
        .replaceAll('/usr/share/lua/5.1/', `${env.luaShare}/`);
    }
    writeFileSync(file, text);
  }
}

// A fixture app running on its own redis-server and nginx (RuntimeApp), and the apps a test file started (AppSet).
//
// Every app gets its own temp prefix, its own redis-server (127.0.0.1, random high port, unix socket for control
// traffic, no persistence) and its own nginx (`-p <prefix>/ -c <prefix>/nginx.conf -e <prefix>/logs/error.log`,
// foreground master), both stopped by pid (processes.ts). The fixture is rendered into the prefix by
// render-fixture.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpDriver } from './http-driver.ts';
import { FIXTURES } from './paths.ts';
import { pickPort, tcpProbe } from './ports.ts';
import { childrenOf, sleep, startProcess, stopAll, stopProcess, waitFor, type Tracked } from './processes.ts';
import { renderFixture } from './render-fixture.ts';
import { RespClient } from './resp-client.ts';
import type { RuntimeEnv } from './runtime-env.ts';

export interface AppOptions {
  /** Extra redis-server arguments (after the fixture's redis.conf, before the harness's own). */
  redisArgs?: string[];
  /** Port of a loopback DNS responder the test started: nginx.conf's `127.0.0.1:5353` becomes it. */
  dnsPort?: number;
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
      renderFixture(env, src, prefix, { httpPort, redisPort, dnsPort: opts.dnsPort });
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

/** A log file's text, or '' when it does not exist (yet). */
function readIf(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

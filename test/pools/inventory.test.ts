// `resty-lint pools`: the inventory of fixtures/pools (nginx.conf with 4 workers, a content_by_lua_file and a
// log_by_lua_block; redis.conf port 6379 maxclients 100; pools 127.0.0.1:6379 keepalive-only with pool_size 50,
// localhost:6379 mixed, the named pool "sessions", a pool family (a helper's host parameter) and one use whose pool cannot be known), its JSON exactly,
// its text table, and the subcommand's arguments and exit codes.
import { runCliCaptured } from '../support/run-cli.ts';
import { linkedModel } from '../../src/project/run-project.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli.ts';
import { analyze } from '../support/analyze.ts';
import { buildPoolInventory } from '../../src/pools/build-inventory.ts';
import { serverInfo } from '../../src/pools/server-info.ts';
import { profileFor } from '../../src/clients/profiles.ts';
import { poolKeyBuilder } from '../../src/pool-keys/builder-for.ts';
import type { KeyValue } from '../../src/pool-keys/key-value.ts';
import { discoverProject } from '../../src/project/discover-project.ts';
import { VERSION } from '../../src/core/version.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-pools-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], opts: Partial<CliIo> = {}) => runCliCaptured(args, opts);

/** A project in a temporary directory: file path → content. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmp, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function inventoryOf(dir: string) {
  const found = discoverProject(dir, ['.'], []);
  const r = analyze({ cwd: dir, files: found.lua, nginxConfs: found.nginx, redisConfs: found.redis, needModel: true });
  return buildPoolInventory(linkedModel(r), r.findings);
}

const FIXTURE = 'fixtures/pools';

// prettier-ignore
const EXPECTED = {
  tool: { name: 'resty-lint', version: '0.1.0' },
  filesAnalyzed: 8,
  nginx: { workerProcesses: { value: '4', file: 'fixtures/pools/nginx.conf', line: 2, column: 1 }, workers: 4, keepaliveTimeoutMs: 30000 },
  pools: [
    {
      key: '${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping',
      symbolic: true,
      family: { expression: '${host}:6379', origin: 'function', file: 'fixtures/pools/lua/app/health.lua', function: '_M.ping', from: '_M.ping() in fixtures/pools/lua/app/health.lua' },
      clients: ['resty.redis'],
      server: { kind: 'symbolic', text: '${host}:6379' },
      poolSizes: [
        { size: 50, source: 'set_keepalive', at: { file: 'fixtures/pools/lua/app/health.lua', line: 13, column: 3 } },
      ],
      idleTimeouts: [
        { ms: 10000, inherited: false, at: { file: 'fixtures/pools/lua/app/health.lua', line: 13, column: 3 } },
      ],
      connects: [
        { file: 'fixtures/pools/lua/app/health.lua', line: 8, column: 19, unit: 'fixtures/pools/lua/app/health.lua', function: '_M.ping', client: 'resty.redis', via: 'connect' },
      ],
      long: [
        { file: 'fixtures/pools/lua/app/health.lua', line: 13, column: 3, unit: 'fixtures/pools/lua/app/health.lua', function: '_M.ping', client: 'resty.redis', via: 'set_keepalive' },
      ],
      short: [],
      errorPath: [],
      entries: [
        { directive: 'content_by_lua_file', phase: 'content', cosocketAllowed: true, file: 'fixtures/pools/nginx.conf', line: 10, column: 13, unit: 'fixtures/pools/lua/app/handler.lua' },
      ],
      findings: [],
      capacity: { workers: 4, poolSize: 50, poolSizeAssumed: false, pooled: true, perWorker: 50, connections: 200, formula: '4 × 50 = 200' },
      assumptions: [],
    },
    {
      key: '127.0.0.1:6379',
      symbolic: false,
      clients: ['resty.redis'],
      server: { kind: 'tcp', text: '127.0.0.1:6379', host: '127.0.0.1', port: 6379 },
      poolSizes: [
        { size: 50, source: 'set_keepalive', at: { file: 'fixtures/pools/lua/app/cache.lua', line: 26, column: 3 } },
        { size: 50, source: 'set_keepalive', at: { file: 'fixtures/pools/lua/app/cache.lua', line: 36, column: 3 } },
      ],
      idleTimeouts: [
        { ms: 10000, inherited: false, at: { file: 'fixtures/pools/lua/app/cache.lua', line: 26, column: 3 } },
        { ms: 10000, inherited: false, at: { file: 'fixtures/pools/lua/app/cache.lua', line: 36, column: 3 } },
      ],
      connects: [{ file: 'fixtures/pools/lua/app/cache.lua', line: 9, column: 19, unit: 'fixtures/pools/lua/app/cache.lua', function: 'connect', client: 'resty.redis', via: 'connect' }],
      long: [
        { file: 'fixtures/pools/lua/app/cache.lua', line: 26, column: 3, unit: 'fixtures/pools/lua/app/cache.lua', function: '_M.get', client: 'resty.redis', via: 'set_keepalive' },
        { file: 'fixtures/pools/lua/app/cache.lua', line: 36, column: 3, unit: 'fixtures/pools/lua/app/cache.lua', function: '_M.set', client: 'resty.redis', via: 'set_keepalive' },
      ],
      short: [],
      errorPath: [{ file: 'fixtures/pools/lua/app/cache.lua', line: 23, column: 5, unit: 'fixtures/pools/lua/app/cache.lua', function: '_M.get', client: 'resty.redis', via: 'close', errorOp: 'get' }],
      entries: [{ directive: 'content_by_lua_file', phase: 'content', cosocketAllowed: true, file: 'fixtures/pools/nginx.conf', line: 10, column: 13, unit: 'fixtures/pools/lua/app/handler.lua' }],
      findings: [],
      capacity: { workers: 4, poolSize: 50, poolSizeAssumed: false, pooled: true, perWorker: 50, connections: 200, formula: '4 × 50 = 200' },
      assumptions: [],
    },
    {
      key: 'localhost:6379',
      symbolic: false,
      clients: ['resty.redis'],
      server: { kind: 'tcp', text: 'localhost:6379', host: 'localhost', port: 6379 },
      poolSizes: [],
      idleTimeouts: [{ ms: 0, inherited: false, at: { file: 'fixtures/pools/lua/app/counters.lua', line: 13, column: 3 } }],
      connects: [
        { file: 'fixtures/pools/lua/app/counters.lua', line: 8, column: 19, unit: 'fixtures/pools/lua/app/counters.lua', function: '_M.incr', client: 'resty.redis', via: 'connect' },
        { file: 'fixtures/pools/lua/app/counters.lua', line: 19, column: 19, unit: 'fixtures/pools/lua/app/counters.lua', function: '_M.reset', client: 'resty.redis', via: 'connect' },
        { file: 'fixtures/pools/lua/app/counters.lua', line: 29, column: 19, unit: 'fixtures/pools/lua/app/counters.lua', function: '_M.peek', client: 'resty.redis', via: 'connect' },
      ],
      long: [{ file: 'fixtures/pools/lua/app/counters.lua', line: 13, column: 3, unit: 'fixtures/pools/lua/app/counters.lua', function: '_M.incr', client: 'resty.redis', via: 'set_keepalive' }],
      short: [
        {
          file: 'fixtures/pools/lua/app/counters.lua',
          line: 24,
          column: 3,
          unit: 'fixtures/pools/lua/app/counters.lua',
          function: '_M.reset',
          client: 'resty.redis',
          via: 'close',
          kind: 'close',
          reason: 'close() closes the connection on a normal path',
        },
        {
          file: 'fixtures/pools/lua/app/counters.lua',
          line: 29,
          column: 19,
          unit: 'fixtures/pools/lua/app/counters.lua',
          function: '_M.peek',
          client: 'resty.redis',
          via: 'request end',
          kind: 'unreleased',
          reason: 'never released: the path ends at fixtures/pools/lua/app/counters.lua:33:3 without set_keepalive() or close(); request cleanup closes it',
          pathEnd: { file: 'fixtures/pools/lua/app/counters.lua', line: 33, column: 3 },
        },
      ],
      errorPath: [],
      entries: [{ directive: 'content_by_lua_file', phase: 'content', cosocketAllowed: true, file: 'fixtures/pools/nginx.conf', line: 10, column: 13, unit: 'fixtures/pools/lua/app/handler.lua' }],
      findings: [
        {
          ruleId: 'keepalive-unbounded-idle',
          level: 'note',
          message: "`set_keepalive(0, ...)` keeps idle connections with no time limit. The server or a load balancer will close them first, and ngx_lua only notices when the connection is reused. Pass an idle timeout shorter than the server's, such as 10000 ms.",
          file: 'fixtures/pools/lua/app/counters.lua',
          line: 13,
          column: 3,
          fingerprint: '0d776c8698a82621:1',
        },
        {
          ruleId: 'pool-mixed-lifecycle',
          level: 'warning',
          message: "`close()` closes a connection of pool \"localhost:6379\", which another path keeps alive. The keepalive path (fixtures/pools/lua/app/counters.lua:13:3) returns connections of this pool with set_keepalive(). connect() hands this path the connections the other path pooled and this path closes them, so the keepalive path's reuse collapses (measured: 99% -> 0%) and every close costs a new TCP connection and a TIME_WAIT on the nginx host. Call set_keepalive() here too; a separate opts.pool only shields the other path.",
          file: 'fixtures/pools/lua/app/counters.lua',
          line: 24,
          column: 3,
          fingerprint: 'd84ae716e3dd4fd7:1',
        },
        // No connection-not-released at line 29: pool-mixed-lifecycle reports that site (one defect, one finding).
        {
          ruleId: 'pool-mixed-lifecycle',
          level: 'warning',
          message: "This connection of pool \"localhost:6379\" is never returned to the pool on a normal path. The path ends here (fixtures/pools/lua/app/counters.lua:33:3), and request cleanup closes it. The keepalive path (fixtures/pools/lua/app/counters.lua:13:3) returns connections of this pool with set_keepalive(). connect() hands this path the connections the other path pooled and this path closes them, so the keepalive path's reuse collapses (measured: 99% -> 0%) and every close costs a new TCP connection and a TIME_WAIT on the nginx host. Call set_keepalive() here too; a separate opts.pool only shields the other path.",
          file: 'fixtures/pools/lua/app/counters.lua',
          line: 29,
          column: 19,
          fingerprint: 'ed763423d70e1b55:1',
        },
      ],
      capacity: { workers: 4, poolSize: 30, poolSizeAssumed: true, pooled: true, perWorker: 30, connections: 120, formula: '4 × 30 = 120' },
      assumptions: ["no literal pool_size in the code: lua_socket_pool_size's default 30 assumed (a lua_socket_pool_size in nginx.conf is not read)"],
    },
    {
      key: 'sessions',
      symbolic: false,
      clients: ['resty.redis'],
      server: { kind: 'named', text: 'named pool' },
      poolSizes: [{ size: 10, source: 'connect opts.pool_size', at: { file: 'fixtures/pools/lua/app/sessions.lua', line: 8, column: 19 } }],
      idleTimeouts: [{ ms: 30000, inherited: true, at: { file: 'fixtures/pools/lua/app/sessions.lua', line: 13, column: 3 } }],
      connects: [{ file: 'fixtures/pools/lua/app/sessions.lua', line: 8, column: 19, unit: 'fixtures/pools/lua/app/sessions.lua', function: '_M.load', client: 'resty.redis', via: 'connect' }],
      long: [{ file: 'fixtures/pools/lua/app/sessions.lua', line: 13, column: 3, unit: 'fixtures/pools/lua/app/sessions.lua', function: '_M.load', client: 'resty.redis', via: 'set_keepalive' }],
      short: [],
      errorPath: [],
      entries: [
        { directive: 'content_by_lua_file', phase: 'content', cosocketAllowed: true, file: 'fixtures/pools/nginx.conf', line: 10, column: 13, unit: 'fixtures/pools/lua/app/handler.lua' },
        { directive: 'log_by_lua_block', phase: 'log', cosocketAllowed: false, file: 'fixtures/pools/nginx.conf', line: 11, column: 13, unit: 'fixtures/pools/nginx.conf:11:13' },
      ],
      findings: [],
      capacity: { workers: 4, poolSize: 10, poolSizeAssumed: false, pooled: true, perWorker: 10, connections: 40, formula: '4 × 10 = 40' },
      assumptions: [],
    },
  ],
  families: 1,
  unknown: {
    count: 1,
    sites: [
      {
        file: 'fixtures/pools/lua/app/probe.lua',
        line: 12,
        column: 3,
        unit: 'fixtures/pools/lua/app/probe.lua',
        function: '_M.probe',
        client: 'resty.redis',
        via: 'set_keepalive',
        mode: 'long',
        errorPath: false,
      },
    ],
  },
  servers: [
    {
      server: '127.0.0.1:6379',
      kind: 'tcp',
      port: 6379,
      pools: ['127.0.0.1:6379'],
      perWorker: 50,
      workers: 4,
      connections: 200,
      formula: '4 × 50 = 200',
      redisConf: 'fixtures/pools/redis.conf',
      assumptions: [],
    },
    {
      server: 'localhost:6379',
      kind: 'tcp',
      port: 6379,
      pools: ['localhost:6379'],
      perWorker: 30,
      workers: 4,
      connections: 120,
      formula: '4 × 30 = 120',
      redisConf: 'fixtures/pools/redis.conf',
      assumptions: ['pool localhost:6379: pool_size 30 assumed (lua_socket_pool_size default)'],
    },
  ],
  redis: [
    {
      file: 'fixtures/pools/redis.conf',
      port: 6379,
      maxclients: 100,
      maxclientsAssumed: false,
      servers: ['127.0.0.1:6379', 'localhost:6379'],
      perWorker: 80,
      workers: 4,
      connections: 320,
      formula: '4 × (50 + 30) = 320',
      exceeds: true,
      assumptions: [
        'servers matched by port 6379 only: 127.0.0.1:6379, localhost:6379',
        'pool localhost:6379: pool_size 30 assumed (lua_socket_pool_size default)',
        'named pools are not counted (their server is not part of the key): sessions',
      ],
    },
  ],
  graph: {
    nodes: [
      { id: 'entry:fixtures/pools/nginx.conf:10:13', kind: 'entry', label: 'content_by_lua_file', phase: 'content', at: { file: 'fixtures/pools/nginx.conf', line: 10, column: 13 } },
      { id: 'entry:fixtures/pools/nginx.conf:11:13', kind: 'entry', label: 'log_by_lua_block', phase: 'log', at: { file: 'fixtures/pools/nginx.conf', line: 11, column: 13 } },
      { id: 'unit:fixtures/pools/lua/app/cache.lua', kind: 'unit', label: 'fixtures/pools/lua/app/cache.lua' },
      { id: 'unit:fixtures/pools/lua/app/counters.lua', kind: 'unit', label: 'fixtures/pools/lua/app/counters.lua' },
      { id: 'unit:fixtures/pools/lua/app/handler.lua', kind: 'unit', label: 'fixtures/pools/lua/app/handler.lua' },
      { id: 'unit:fixtures/pools/lua/app/health.lua', kind: 'unit', label: 'fixtures/pools/lua/app/health.lua' },
      { id: 'unit:fixtures/pools/lua/app/sessions.lua', kind: 'unit', label: 'fixtures/pools/lua/app/sessions.lua' },
      { id: 'unit:fixtures/pools/nginx.conf:11:13', kind: 'unit', label: 'fixtures/pools/nginx.conf:11:13' },
      { id: 'pool:${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping', kind: 'pool', label: '${host}:6379 [_M.ping() in fixtures/pools/lua/app/health.lua]' },
      { id: 'pool:127.0.0.1:6379', kind: 'pool', label: '127.0.0.1:6379' },
      { id: 'pool:localhost:6379', kind: 'pool', label: 'localhost:6379' },
      { id: 'pool:sessions', kind: 'pool', label: 'sessions' },
    ],
    edges: [
      { from: 'entry:fixtures/pools/nginx.conf:10:13', to: 'unit:fixtures/pools/lua/app/handler.lua', kind: 'runs' },
      { from: 'entry:fixtures/pools/nginx.conf:11:13', to: 'unit:fixtures/pools/nginx.conf:11:13', kind: 'runs' },
      { from: 'unit:fixtures/pools/lua/app/handler.lua', to: 'unit:fixtures/pools/lua/app/cache.lua', kind: 'requires' },
      { from: 'unit:fixtures/pools/lua/app/handler.lua', to: 'unit:fixtures/pools/lua/app/counters.lua', kind: 'requires' },
      { from: 'unit:fixtures/pools/lua/app/handler.lua', to: 'unit:fixtures/pools/lua/app/health.lua', kind: 'requires' },
      { from: 'unit:fixtures/pools/lua/app/handler.lua', to: 'unit:fixtures/pools/lua/app/sessions.lua', kind: 'requires' },
      { from: 'unit:fixtures/pools/nginx.conf:11:13', to: 'unit:fixtures/pools/lua/app/sessions.lua', kind: 'requires' },
      { from: 'unit:fixtures/pools/lua/app/cache.lua', to: 'pool:127.0.0.1:6379', kind: 'long' },
      { from: 'unit:fixtures/pools/lua/app/counters.lua', to: 'pool:localhost:6379', kind: 'long' },
      { from: 'unit:fixtures/pools/lua/app/health.lua', to: 'pool:${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping', kind: 'long' },
      { from: 'unit:fixtures/pools/lua/app/sessions.lua', to: 'pool:sessions', kind: 'long' },
      { from: 'unit:fixtures/pools/lua/app/counters.lua', to: 'pool:localhost:6379', kind: 'short' },
      { from: 'unit:fixtures/pools/lua/app/cache.lua', to: 'pool:127.0.0.1:6379', kind: 'error' },
    ],
  },
  notes: [
    'pool_size caps the idle connections each worker keeps in a pool; without connect opts.backlog (not read by resty-lint) a busy worker can open more.',
    'Only this nginx configuration is counted: several nginx hosts (or other clients) multiply the connections a server sees.',
    'Entry points reach a module when their Lua requires it, directly or through other modules (whether the pool code runs in that phase is not checked here; cosocket-disabled-phase does).',
  ],
};
;

describe('resty-lint pools --format json (fixtures/pools)', () => {
  it('is exactly the expected inventory, in a fixed key order with a 2-space indent', () => {
    const r = cli(['pools', FIXTURE, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ...EXPECTED, tool: { name: 'resty-lint', version: VERSION } });
    expect(r.out).toBe(`${JSON.stringify({ ...EXPECTED, tool: { name: 'resty-lint', version: VERSION } }, null, 2)}\n`);
  });

  it('is byte-identical across runs and path orders', () => {
    const a = cli(['pools', FIXTURE, '-f', 'json']).out;
    const b = cli(['pools', `${FIXTURE}/redis.conf`, `${FIXTURE}/lua`, `${FIXTURE}/nginx.conf`, '-f', 'json']).out;
    expect(b).toBe(a);
    expect(cli(['pools', FIXTURE, '-f', 'json']).out).toBe(a);
  });
});

describe('resty-lint pools (text)', () => {
  const r = cli(['pools', FIXTURE]);
  const lines = r.out.split('\n');

  it('exits 0 with findings present, and says what was read', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(lines[0]).toBe('resty-lint pools: 4 pools (1 family), 1 use with an unknown pool, 8 files analyzed');
    expect(lines[1]).toBe('nginx: worker_processes 4 (fixtures/pools/nginx.conf:2); lua_socket_keepalive_timeout 30s for modules');
    expect(r.out).not.toContain('\x1b[');
  });

  it('prints an aligned table: one row per pool key', () => {
    const header = lines.indexOf(lines.find((l) => l.startsWith('KEY '))!);
    expect(header).toBe(3);
    const table = lines.slice(header, header + 5);
    expect(table.map((l) => l.split(/\s{2,}/))).toEqual([
      ['KEY', 'CLIENT', 'SERVER', 'SIZE', 'IDLE', 'LONG', 'SHORT', 'ERROR', 'FINDINGS'],
      // A pool family: the key's expression, and where its values come from.
      ['${host}:6379 [_M.ping() in fixtures/pools/lua/app/health.lua]', 'resty.redis', '${host}:6379', '50', '10s', '1', '0', '0', '0'],
      ['127.0.0.1:6379', 'resty.redis', '127.0.0.1:6379', '50', '10s', '2', '0', '1', '0'],
      ['localhost:6379', 'resty.redis', 'localhost:6379', '30*', '0 (no limit)', '1', '2', '0', '3'], // the unreleased site is one finding, pool-mixed-lifecycle
      ['sessions', 'resty.redis', 'named pool', '10', '30s (inherited)', '1', '0', '0', '0'],
    ]);
    // Text columns start where their heading starts; count columns end where theirs ends.
    const start = (name: string) => table[0].indexOf(name);
    for (const row of table.slice(1)) {
      for (const col of ['CLIENT', 'SERVER', 'SIZE', 'IDLE']) expect(row[start(col) - 1], `${col} in ${row}`).toBe(' ');
      for (const col of ['CLIENT', 'SERVER', 'SIZE', 'IDLE']) expect(row[start(col)], `${col} in ${row}`).not.toBe(' ');
      for (const col of ['LONG', 'SHORT', 'ERROR', 'FINDINGS']) {
        const end = start(col) + col.length;
        expect(row[end - 1], `${col} in ${row}`).toMatch(/\d/);
        expect(row[end] ?? ' ', `${col} in ${row}`).toBe(' ');
      }
    }
    expect(lines[header + 5]).toBe("* assumed: lua_socket_pool_size's default (no literal pool_size in the code)");
  });

  it('details each pool with its sites as file:line', () => {
    const block = (key: string) => {
      const from = lines.indexOf(key);
      return lines.slice(from, lines.indexOf('', from)).join('\n');
    };
    expect(block('127.0.0.1:6379')).toBe(
      [
        '127.0.0.1:6379',
        '  client      resty.redis',
        '  server      127.0.0.1:6379',
        '  pool_size   50  set_keepalive  fixtures/pools/lua/app/cache.lua:26',
        '              50  set_keepalive  fixtures/pools/lua/app/cache.lua:36',
        '  idle        10s  fixtures/pools/lua/app/cache.lua:26',
        '              10s  fixtures/pools/lua/app/cache.lua:36',
        '  capacity    4 × 50 = 200 idle connections',
        '  entries     content_by_lua_file (content)  fixtures/pools/nginx.conf:10',
        '  connect     fixtures/pools/lua/app/cache.lua:9  connect',
        '  long        fixtures/pools/lua/app/cache.lua:26  _M.get  set_keepalive()',
        '              fixtures/pools/lua/app/cache.lua:36  _M.set  set_keepalive()',
        '  short       none',
        '  error path  fixtures/pools/lua/app/cache.lua:23  _M.get  close() after a failed get()',
        '  findings    none',
      ].join('\n'),
    );
    const mixed = block('localhost:6379');
    expect(mixed).toContain('  short       fixtures/pools/lua/app/counters.lua:24  _M.reset  close() closes the connection on a normal path\n');
    expect(mixed).toContain('              fixtures/pools/lua/app/counters.lua:29  _M.peek  never released: the path ends at fixtures/pools/lua/app/counters.lua:33:3 without set_keepalive() or close(); request cleanup closes it\n');
    expect(mixed).toContain('  findings    fixtures/pools/lua/app/counters.lua:13  note  keepalive-unbounded-idle\n');
    expect(mixed).toContain("  assumes     no literal pool_size in the code: lua_socket_pool_size's default 30 assumed");
    const named = block('sessions');
    expect(named).toContain('  pool_size   10  connect opts.pool_size  fixtures/pools/lua/app/sessions.lua:8\n');
    expect(named).toContain('  idle        30s (inherited)  fixtures/pools/lua/app/sessions.lua:13\n');
    expect(named).toContain('  entries     content_by_lua_file (content)  fixtures/pools/nginx.conf:10\n              log_by_lua_block (log)  fixtures/pools/nginx.conf:11\n');
  });

  it('lists the pool families with their origin, sites and findings', () => {
    expect(r.out).toContain(
      "Pool families (1): keys over values known only at runtime; each origin's sites share one pool, whatever its configuration\n" +
        '  ${host}:6379  from _M.ping() in fixtures/pools/lua/app/health.lua: long 1, short 0, error path 0, findings 0\n',
    );
    const from = lines.indexOf('${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping  (pool family)');
    expect(from).toBeGreaterThan(0);
    expect(lines[from + 1]).toBe('  family      ${host}:6379  from _M.ping() in fixtures/pools/lua/app/health.lua');
    expect(lines[from + 3]).toBe('  server      ${host}:6379');
  });

  it('lists the uses whose pool is unknown, the servers and the Redis capacity', () => {
    expect(r.out).toContain('Uses whose pool cannot be known (1): not in any row above\n  fixtures/pools/lua/app/probe.lua:12  _M.probe  set_keepalive (long)\n');
    expect(r.out).toContain('  127.0.0.1:6379  4 × 50 = 200  (127.0.0.1:6379)  redis.conf fixtures/pools/redis.conf\n');
    expect(r.out).toContain(
      'Redis maxclients\n  fixtures/pools/redis.conf (port 6379, maxclients 100): 127.0.0.1:6379 + localhost:6379: 4 × (50 + 30) = 320 > 100: EXCEEDS maxclients\n' +
        '    assumes: servers matched by port 6379 only: 127.0.0.1:6379, localhost:6379\n',
    );
  });
});

describe('buildPoolInventory: assumptions', () => {
  it('without worker_processes the workers are a parameter W, and a redis.conf without port or maxclients uses the defaults', () => {
    const dir = project({
      'app.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:set_keepalive(10000, 100)\n',
      'redis.conf': 'timeout 0\n',
    });
    const inv = inventoryOf(dir);
    expect(inv.nginx).toEqual({ workerProcesses: null, workers: null, keepaliveTimeoutMs: 60000 });
    expect(inv.pools.map((p) => p.capacity)).toEqual([
      { workers: null, poolSize: 100, poolSizeAssumed: false, pooled: true, perWorker: 100, connections: null, formula: 'W × 100' },
    ]);
    expect(inv.pools[0].assumptions).toEqual([
      'no worker_processes in the nginx configuration read: the number of workers is a parameter W (nginx runs 1 when its main config sets none)',
    ]);
    expect(inv.redis).toEqual([
      {
        file: 'redis.conf',
        port: 6379,
        maxclients: 10000,
        maxclientsAssumed: true,
        servers: ['127.0.0.1:6379'],
        perWorker: 100,
        workers: null,
        connections: null,
        formula: 'W × 100',
        exceeds: null,
        exceedsWhen: 'W > 100',
        assumptions: [
          "redis.conf sets no port: Redis's default 6379 assumed",
          "redis.conf sets no maxclients: Redis's default 10000 assumed",
          'servers matched by port 6379 only: 127.0.0.1:6379',
          'no worker_processes in the nginx configuration read: the number of workers is a parameter W (nginx runs 1 when its main config sets none)',
        ],
      },
    ]);
  });

  it('worker_processes auto is W; differing pool sizes take the first by location; a pool that is only closed keeps nothing', () => {
    const dir = project({
      'nginx.conf': 'worker_processes auto;\nevents {}\nhttp { server { location / { content_by_lua_file a.lua; } } }\n',
      'a.lua':
        'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("10.0.0.1", 6379)\nred:set_keepalive(1500, 20)\n' +
        'local b = redis:new()\nb:connect("10.0.0.1", 6379)\nb:set_keepalive(1500, 40)\n' +
        'local c = redis:new()\nc:connect("10.0.0.2", 6379)\nc:close()\n',
    });
    const inv = inventoryOf(dir);
    expect(inv.nginx.workerProcesses).toEqual({ value: 'auto', file: 'nginx.conf', line: 1, column: 1 });
    const [a, b] = inv.pools;
    expect(a.key).toBe('10.0.0.1:6379');
    expect(a.capacity).toMatchObject({ workers: null, poolSize: 20, formula: 'W × 20' });
    expect(a.assumptions).toEqual([
      'pool_size differs (20, 40): the first by location, 20 at a.lua:4:1, is assumed; the pool is sized by whichever call runs first',
      'worker_processes auto: the number of workers is a parameter W (auto = one per CPU core)',
    ]);
    expect(a.entries.map((e) => `${e.directive}@${e.file}:${e.line}`)).toEqual(['content_by_lua_file@nginx.conf:3']);
    expect(a.findings.map((f) => f.ruleId)).toEqual(['pool-size-conflict']);
    expect(b.key).toBe('10.0.0.2:6379');
    expect(b.capacity).toMatchObject({ pooled: false, perWorker: 0, connections: null, formula: 'not pooled' });
    expect(b.short.map((s) => s.reason)).toEqual(['close() closes the connection on a normal path']);
    expect(inv.servers.map((s) => [s.server, s.formula])).toEqual([
      ['10.0.0.1:6379', 'W × 20'],
      ['10.0.0.2:6379', '0 (nothing pooled)'],
    ]);
  });

  it('entry points reach a module through the modules that require it', () => {
    const dir = project({
      'nginx.conf': 'events {}\nhttp { server { location / {\n  access_by_lua_block { require("app.a").run() }\n  content_by_lua_file lua/handler.lua;\n} } }\n',
      'lua/handler.lua': 'local b = require "app.b"\nb.go()\n',
      'lua/app/a.lua': 'local c = require "app.c"\nreturn { run = function() return c.get() end }\n',
      'lua/app/b.lua': 'local c = require "app.c"\nreturn { go = function() return c.get() end }\n',
      'lua/app/c.lua':
        'local redis = require "resty.redis"\nlocal _M = {}\nfunction _M.get()\n  local red = redis:new()\n  red:connect("127.0.0.1", 6379)\n  local v = red:get("k")\n  red:set_keepalive(10000, 10)\n  return v\nend\nreturn _M\n',
    });
    const inv = inventoryOf(dir);
    expect(inv.pools).toHaveLength(1);
    expect(inv.pools[0].entries.map((e) => [e.directive, e.phase, e.unit])).toEqual([
      ['access_by_lua_block', 'access', 'nginx.conf:3:3'],
      ['content_by_lua_file', 'content', 'lua/handler.lua'],
    ]);
    expect(inv.graph.edges.filter((e) => e.kind === 'requires').map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'unit:lua/app/a.lua -> unit:lua/app/c.lua',
      'unit:lua/app/b.lua -> unit:lua/app/c.lua',
      'unit:lua/handler.lua -> unit:lua/app/b.lua',
      'unit:nginx.conf:3:3 -> unit:lua/app/a.lua',
    ]);
  });

  it('reads the server out of each client kind\'s key, and calls anything else a named pool', () => {
    // What each client's pool-key builder says of the server, through the real builders.
    const v = (x: string | number | Record<string, string | number>): KeyValue =>
      typeof x === 'object' ? { kind: 'table', field: (name) => (x[name] === undefined ? undefined : v(x[name])) } : { kind: 'literal', value: x };
    const serverOf = (client: string, args: KeyValue[], ctor: KeyValue[] = []) => {
      const key = poolKeyBuilder(profileFor(client)!.poolKey).key({ arg: (i) => args[i], ownCtorArg: (i) => ctor[i], ctorArgOfArg: () => null });
      return key && serverInfo(key);
    };
    expect(serverOf('resty.redis', [v('127.0.0.1'), v(6379)])).toEqual({ kind: 'tcp', text: '127.0.0.1:6379', host: '127.0.0.1', port: 6379 });
    expect(serverOf('resty.redis', [v('::1'), v(6379)])).toEqual({ kind: 'tcp', text: '::1:6379', host: '::1', port: 6379 });
    expect(serverOf('resty.redis', [v('unix:/run/redis.sock')])).toEqual({ kind: 'unix', text: 'unix:/run/redis.sock', path: '/run/redis.sock' });
    expect(serverOf('resty.redis', [v('127.0.0.1'), v(6379), v({ pool: 'sessions' })])).toEqual({ kind: 'named', text: 'named pool' });
    expect(serverOf('resty.mysql', [v({ user: 'app', database: 'app', host: 'db.local' })])).toEqual({ kind: 'tcp', text: 'db.local:3306', host: 'db.local', port: 3306 });
    // A unix socket is one server whichever client's key names it.
    expect(serverOf('resty.mysql', [v({ user: 'app', database: 'app', path: '/run/mysqld.sock' })])).toEqual({ kind: 'unix', text: 'unix:/run/mysqld.sock', path: '/run/mysqld.sock' });
    expect(serverOf('pgmoon', [], [v({ host: '127.0.0.1', port: 5432, database: 'app', user: 'web' })])).toEqual({ kind: 'tcp', text: '127.0.0.1:5432', host: '127.0.0.1', port: 5432 });
    expect(serverOf('resty.http', [v({ scheme: 'https', host: 'api.example.com' })])).toEqual({ kind: 'tcp', text: 'api.example.com:443', host: 'api.example.com', port: 443 });
    expect(serverOf('resty.http', [v({ host: 'api.example.com', pool: 'upstream' })])).toEqual({ kind: 'named', text: 'named pool' });
    // Seen in APISIX: a port known only as an nginx variable is shown as written, not as a named pool.
    expect(serverOf('resty.http', [v('127.0.0.1'), { kind: 'symbol', text: 'ngx.var.server_port' }])).toEqual({ kind: 'symbolic', text: '127.0.0.1:${ngx.var.server_port}' });
  });
});

describe('resty-lint pools: arguments and exit codes', () => {
  it('--help of the subcommand, and the main --help mentions it', () => {
    const help = cli(['pools', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: resty-lint pools \[paths\.\.\.\] \[options\]\n/);
    expect(help.out).toContain('-f, --format <text|json|html>');
    expect(cli(['--help']).out).toContain('resty-lint pools [paths...] [--format text|json|html] [--output file]');
  });

  it('finds the subcommand after options; `--` and a later position make "pools" a path', () => {
    expect(JSON.parse(cli(['-f', 'json', 'pools', FIXTURE]).out).pools).toHaveLength(4);
    const asPath = cli(['--', 'pools']);
    expect(asPath.code).toBe(2);
    expect(asPath.err).toBe('resty-lint: no such file or directory: pools\n');
    expect(cli([FIXTURE, 'pools']).err).toBe('resty-lint: no such file or directory: pools\n');
  });

  it('usage and configuration errors exit 2', () => {
    const format = cli(['pools', FIXTURE, '--format', 'sarif']);
    expect(format.code).toBe(2);
    expect(format.err).toBe(`resty-lint: unknown pools format "sarif" (expected one of: text, json, html)\nRun 'resty-lint pools --help' for usage.\n`);
    expect(cli(['pools', '--fail-on', 'error']).err).toMatch(/^resty-lint: unknown option --fail-on for 'resty-lint pools'\n/);
    expect(cli(['pools', '--output']).code).toBe(2);
    const missing = cli(['pools', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('resty-lint: no such file or directory: no/such/dir\n');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "rules": { "no-such-rule": "off" } }');
    const config = cli(['pools', FIXTURE, '--config', bad]);
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/^resty-lint: configuration error: /);
  });

  it('--output writes the report (links relative to it) and says so on stderr', () => {
    const dir = join(tmp, 'out', 'nested');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'pools.html');
    const r = cli(['pools', FIXTURE, '--format=html', '--output', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`resty-lint: 4 pool(s) and 1 use(s) with an unknown pool written to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    const base = relative(dir, REPO_ROOT);
    expect(html).toContain(`href="${base}/fixtures/pools/lua/app/cache.lua#L26"`);
    const json = join(dir, 'pools.json');
    expect(cli(['pools', FIXTURE, '-f', 'json', '-o', json]).code).toBe(0);
    expect(readFileSync(json, 'utf8')).toBe(cli(['pools', FIXTURE, '-f', 'json']).out);
  });

  it('config rule levels apply to the findings listed per pool', () => {
    const dir = project({
      '.resty-lint.json': '{ "rules": { "keepalive-unbounded-idle": "off" } }',
      'a.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:set_keepalive(0, 10)\n',
    });
    const r = cli(['pools', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).pools[0].findings).toEqual([]);
    expect(JSON.parse(cli(['pools', '-f', 'json'], { cwd: dir }).out).pools[0].idleTimeouts[0]).toEqual({ ms: 0, inherited: false, at: { file: 'a.lua', line: 4, column: 1 } });
  });
});

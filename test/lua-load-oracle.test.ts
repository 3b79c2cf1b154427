// What a real ngx_lua + LuaJIT loads, against what resty-lint parses (docs/semantics.md §9; setup and what it
// touches: test/nginx/oracle.ts). One nginx in the foreground, with no server, runs an init_by_lua_block that
// loadfile()s every case (LuaJIT's file loader, the one `require`, init_by_lua_file and init_worker_by_lua_file
// use), writes the verdicts and exits. The LuaJIT's build (LUA52COMPAT or not) is detected, and resty-lint runs
// with the matching lua52Compat. Then inline code starting with `#`, and ngx_lua's own file loader
// (content_by_lua_file) on a `#` first line, through one request each.
//
// Against a LuaJIT built with LUAJIT_ENABLE_LUA52COMPAT (OpenResty's default; Debian's libluajit2 is built without):
// build openresty/luajit2 with `make XCFLAGS=-DLUAJIT_ENABLE_LUA52COMPAT`, link src/libluajit.so as
// libluajit-5.1.so.2 and run this file with LD_LIBRARY_PATH pointing there; the detection picks the build up.
//
// Skips with a warning when nginx or the module is missing, except under CI=true, where that is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { bodyCheckMain, findOracle, makePrefix, preamble, type OracleEnv, type Prefix } from './nginx/oracle.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const found = findOracle();
const env: OracleEnv | undefined = 'env' in found ? found.env : undefined;
const requireOracle = process.env.CI === 'true';
if (!env && !requireOracle) console.warn(`[lua-load-oracle.test] skipping: ${'reason' in found ? found.reason : ''}`);

describe('lua load oracle availability', () => {
  it.runIf(requireOracle)('nginx with ngx_lua is installed (required when CI=true)', () => {
    if (!env) expect.fail(`nginx oracle unavailable under CI: ${'reason' in found ? found.reason : ''}`);
  });
});

const FIXTURE_DIR = 'fixtures/lua/loads-like-ngx-lua';
const DUMP = readFileSync(join(REPO_ROOT, FIXTURE_DIR, 'compiled.lua'));

/** Every .lua file of the fixture directory, plus cases that only make sense here (name → bytes). */
function cases(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const f of readdirSync(join(REPO_ROOT, FIXTURE_DIR)).filter((f) => f.endsWith('.lua')).sort()) {
    out[f] = readFileSync(join(REPO_ROOT, FIXTURE_DIR, f));
  }
  const latin1 = (s: string) => Buffer.from(s, 'latin1');
  Object.assign(out, {
    'hash-cr-only.lua': latin1('#x\rreturn 1\r'),
    'hash-crlf.lua': latin1('#x\r\nreturn 1\r\n'),
    'hash-only.lua': latin1('#x'),
    'bom-hash.lua': latin1('\xef\xbb\xbf#x\nreturn 1\n'),
    'hash-then-bytecode.lua': Buffer.concat([latin1('#!/usr/bin/env luajit\n'), DUMP]),
    'bom-then-bytecode.lua': Buffer.concat([latin1('\xef\xbb\xbf'), DUMP]),
    'puc-signature.lua': latin1('\x1bLua\x51\x00\x01\x04\x08\x04\x08\x00'),
    'esc-other.lua': latin1('\x1bXYZ'),
    'nul-outside-string.lua': latin1('local x = 1\n\x00\n'),
    'split-call.lua': latin1('local t = {}\nlocal n = select\n("#", 1)\n'),
    'empty-statement.lua': latin1('local n = 0;;\n'),
    'break-mid-block.lua': latin1('for i = 1, 2 do\n  break; print(i)\nend\n'),
    'goto-as-name.lua': latin1('local goto = 1\nreturn goto\n'),
  });
  return out;
}

interface Verdict {
  loads: boolean;
  line?: number;
  message?: string;
}

describe.skipIf(!env)(`what ngx_lua loads (nginx ${env?.version ?? '-'})`, () => {
  let prefix: Prefix;
  let lua52Compat = false;
  const theirs = new Map<string, Verdict>();
  const all = cases();

  beforeAll(() => {
    prefix = makePrefix();
    const dir = join(prefix.dir, 'cases');
    mkdirSync(dir);
    for (const [name, bytes] of Object.entries(all)) writeFileSync(join(dir, name), bytes);
    const names = Object.keys(all).map((n) => JSON.stringify(n)).join(', ');
    const lua = `
      local out = assert(io.open("${prefix.dir}/verdicts", "wb"))
      out:write("lua52compat\\t", loadstring("f\\n(x)") and "1" or "0", "\\n")
      for _, name in ipairs({ ${names} }) do
        local f, err = loadfile("${dir}/" .. name)
        out:write(name, "\\t", f and "ok" or ("error\\t" .. (tostring(err):gsub("[\\r\\n]", " "))), "\\n")
      end
      out:close()
      os.exit(0)
    `;
    const conf = `${bodyCheckMain(env!, prefix.dir)}\nhttp {\n${preamble(env!, prefix.dir).http}\ninit_by_lua_block {${lua}}\n}\n`;
    writeFileSync(prefix.confPath, conf);
    const r = spawnSync(env!.nginx, ['-e', `${prefix.dir}/logs/error.log`, '-p', `${prefix.dir}/`, '-c', prefix.confPath], {
      encoding: 'latin1',
      cwd: prefix.dir,
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    const verdicts = join(prefix.dir, 'verdicts');
    if (!existsSync(verdicts)) throw new Error(`nginx wrote no verdicts: ${r.stdout}${r.stderr}`);
    for (const row of readFileSync(verdicts, 'latin1').split('\n').filter(Boolean)) {
      const [name, verdict, message] = row.split('\t');
      if (name === 'lua52compat') lua52Compat = verdict === '1';
      else theirs.set(name, verdict === 'ok' ? { loads: true } : { loads: false, message, line: lineOf(message) });
    }
  });
  afterAll(() => prefix?.cleanup());

  function ours(name: string): Verdict {
    const result = analyze({ cwd: join(prefix.dir, 'cases'), files: [name], lua52Compat });
    const error = result.findings.find((f) => f.ruleId === 'syntax-error');
    if (error) return { loads: false, line: error.location.startLine, message: error.message };
    // Bytecode is a note; LuaJIT loads its own and refuses PUC Lua's, and the note says so.
    const refused = result.findings.find((f) => f.ruleId === 'not-analyzed' && /refuses to load/.test(f.message));
    return refused ? { loads: false, message: refused.message } : { loads: true };
  }

  it('runs every case', () => {
    expect([...theirs.keys()].sort()).toEqual(Object.keys(all).sort());
  });

  for (const name of Object.keys(all)) {
    it(`${name}: loads or not as LuaJIT's loadfile says, with the same line`, () => {
      const t = theirs.get(name)!;
      const o = ours(name);
      expect(o.loads, `LuaJIT (lua52Compat ${lua52Compat}): ${t.message ?? 'loads'}; resty-lint: ${o.message ?? 'loads'}`).toBe(t.loads);
      if (t.line !== undefined) expect(o.line).toBe(t.line);
      // Errors LuaJIT gives without a position (bytecode) have the same wording.
      if (!t.loads && t.line === undefined) expect(o.message).toContain(t.message!.replace(/^.*?: /, ''));
    });
  }

  it('skips # as the first character of inline code (loadbuffer), and only there', () => {
    const ran = join(prefix.dir, 'inline-ran');
    const http = preamble(env!, prefix.dir).http;
    const skipped = `${bodyCheckMain(env!, prefix.dir)}\nhttp {\n${http}\ninit_by_lua_block {#ngx.header["X"] = 1
      local f = io.open("${ran}", "w") f:write("ran") f:close() os.exit(0)
    }\n}\n`;
    expect(runConf(env!, prefix, 'skipped.conf', skipped).status).toBe(0);
    expect(readFileSync(ran, 'latin1')).toBe('ran');
    expect(confFindings(prefix, 'skipped.conf')).toEqual([]);

    const later = `${bodyCheckMain(env!, prefix.dir)}\nhttp {\n${http}\ninit_by_lua_block {\n  #ngx.header["X"] = 1\n  os.exit(0)\n}\n}\n`;
    const r = runConf(env!, prefix, 'later.conf', later);
    const m = /init_by_lua\(later\.conf:(\d+)\):(\d+): (unexpected symbol near '#')/.exec(r.log);
    expect(m, r.log).not.toBeNull();
    const confLine = Number(m![1]) + Number(m![2]) - 1;
    expect(confFindings(prefix, 'later.conf')).toEqual([`syntax-error:${confLine}`]);
  });

  // ngx_lua's own loader (ngx_http_lua_clfactory_loadfile, for request-phase *_by_lua_file) skips a `#` first line
  // up to the first LF only, where LuaJIT's stops at a CR too: a file with CR-only line ends loses more lines.
  it('content_by_lua_file: a # first line is skipped up to the first LF', async () => {
    const files: Record<string, string> = {
      'hash.lua': '#ngx.header["X-Debug"] = 1\nngx.say("ran")\n',
      'cr.lua': '#x\rngx.say("after CR")\nngx.say("after LF")\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(prefix.dir, 'lua', name), text, 'latin1');
    const port = await freePort();
    const locations = Object.keys(files).map((f) => `location /${f} { content_by_lua_file ${prefix.dir}/lua/${f}; }`).join('\n');
    const conf = `${bodyCheckMain(env!, prefix.dir)}\nhttp {\n${preamble(env!, prefix.dir).http}\nserver {\nlisten 127.0.0.1:${port};\n${locations}\n}\n}\n`;
    writeFileSync(join(prefix.dir, 'conf', 'server.conf'), conf);
    const child = spawn(env!.nginx, ['-e', `${prefix.dir}/logs/error.log`, '-p', `${prefix.dir}/`, '-c', join(prefix.dir, 'conf', 'server.conf')], {
      cwd: prefix.dir,
      stdio: 'ignore',
    });
    try {
      const get = async (path: string) => (await fetchRetry(`http://127.0.0.1:${port}${path}`)).text();
      expect(await get('/hash.lua')).toBe('ran\n');
      expect(await get('/cr.lua')).toBe('after LF\n');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

function lineOf(message: string | undefined): number | undefined {
  const m = /\.lua:(\d+): /.exec(message ?? '');
  return m ? Number(m[1]) : undefined;
}

function runConf(env: OracleEnv, prefix: Prefix, name: string, conf: string): { status: number | null; log: string } {
  const path = join(prefix.dir, 'conf', name);
  writeFileSync(path, conf);
  const log = join(prefix.dir, 'logs', `${name}.log`);
  const r = spawnSync(env.nginx, ['-e', log, '-p', `${prefix.dir}/`, '-c', path], { encoding: 'latin1', cwd: prefix.dir, timeout: 20_000, killSignal: 'SIGKILL' });
  return { status: r.status, log: `${existsSync(log) ? readFileSync(log, 'latin1') : ''}${r.stderr ?? ''}` };
}

function confFindings(prefix: Prefix, name: string): string[] {
  const result = analyze({ cwd: join(prefix.dir, 'conf'), files: [], nginxConfs: [name] });
  return result.findings.filter((f) => f.level !== 'note').map((f) => `${f.ruleId}:${f.location.startLine}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function fetchRetry(url: string): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      if (i >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

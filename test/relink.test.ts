// Relinking only what an edit touches (src/link/relink.ts): the language server's workspace links again only the
// units an edit makes dirty, and must end with the model a full link makes. Each edit is checked against a fresh
// workspace (which links everything); the targeted projects below each need one of the reasons a unit is dirty,
// so dropping that reason makes its test fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';
import { AnswerLedger } from '../src/link/answer-ledger.ts';
import { ModuleResolver } from '../src/link/module-resolver.ts';
import { ValueResolver } from '../src/link/resolver.ts';
import { Wrappers } from '../src/link/wrappers.ts';
import type { FileFacts } from '../src/analysis/file-facts.ts';
import { factsJob } from '../src/project/facts-job.ts';
import { DEFAULT_LUA_SYNTAX } from '../src/lua/parse-lua.ts';
import { MAX_DEPTH } from '../src/link/resolver-limits.ts';
import { Workspace } from '../src/project/workspace.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resty-lint-relink-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const plain = (_key: string, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v);

/** The model of a workspace's analysis, as JSON (maps as their entries). */
function modelOf(ws: Workspace): { json: string; linked: number; kept: number; factsRead: number } {
  const a = ws.analyze();
  return { json: JSON.stringify(a.run.model, plain), linked: a.linked, kept: a.kept, factsRead: a.factsRead };
}

function project(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  return root;
}

/** A workspace on `root` analyzed once; each edit is checked against a fresh workspace with the same buffers, which
 *  links everything. */
class Edits {
  private readonly ws: Workspace;
  private readonly buffers = new Map<string, string>();

  constructor(private readonly root: string) {
    this.ws = new Workspace(root, RULES);
    modelOf(this.ws);
  }

  /** `file` (relative) shows `text` now (undefined: the file on disk again). */
  edit(file: string, text: string | undefined): { linked: number; kept: number; factsRead: number } {
    if (text === undefined) this.buffers.delete(file);
    else this.buffers.set(file, text);
    this.ws.setBuffer(path.join(this.root, file), text);
    const partial = modelOf(this.ws);
    const fresh = new Workspace(this.root, RULES);
    for (const [f, t] of this.buffers) fresh.setBuffer(path.join(this.root, f), t);
    expect(partial.json, `after editing ${file}`).toBe(modelOf(fresh).json);
    return partial;
  }
}

describe('a partial relink ends with the model of a full link', () => {
  it('when a handler reads a module only through answers another handler made (the memo remembers what they read)', () => {
    // h2's key comes from conf.lua through store.lua's connect, an answer h1's link made: only the memo knows that
    // h2 depends on conf.lua.
    const root = project('memo-reads', {
      'conf.lua': 'return { port = 6379 }\n',
      'store.lua': [
        'local redis = require "resty.redis"',
        'local conf = require "conf"',
        'local _M = {}',
        'function _M.get()',
        '  local red = redis:new()',
        '  red:connect("127.0.0.1", conf.port)',
        '  return red',
        'end',
        'return _M',
        '',
      ].join('\n'),
      'h1.lua': 'local store = require "store"\nlocal red = store.get()\nred:get("a")\nred:set_keepalive(10000, 100)\n',
      'h2.lua': 'local store = require "store"\nlocal red = store.get()\nred:get("b")\nred:close()\n',
    });
    const edits = new Edits(root);
    // conf.lua and the units that read it (store.lua, h1, h2) are linked again: all of them here.
    expect(edits.edit('conf.lua', 'return { port = 6380 }\n').kept).toBe(0);
    edits.edit('conf.lua', undefined);
    // A handler's own edit leaves the others as they were.
    expect(edits.edit('h1.lua', 'local store = require "store"\nlocal red = store.get()\nred:get("c")\nred:set_keepalive(20000, 100)\n').kept).toBe(3);
  });

  it('when what callers pass to a function changes (the callers index)', () => {
    // util.lua's keepalive on its parameter is judged by the clients callers pass it: h.lua decides.
    const root = project('callers-index', {
      'util.lua': 'local _M = {}\nfunction _M.done(c)\n  c:set_keepalive(0)\nend\nreturn _M\n',
      'h.lua': 'local redis = require "resty.redis"\nlocal util = require "util"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nutil.done(red)\n',
      'other.lua': 'local x = 1\nreturn x\n',
    });
    const mysql = 'local mysql = require "resty.mysql"\nlocal util = require "util"\nlocal db = mysql:new()\ndb:connect({ host = "127.0.0.1", port = 3306 })\nutil.done(db)\n';
    const edits = new Edits(root);
    expect(edits.edit('h.lua', mysql).kept).toBe(1);
    // And back: h.lua passes nothing to util.done now, a caller it had counts as much.
    expect(edits.edit('h.lua', 'local x = 1\n').kept).toBe(1);
    // So does a caller that stops parsing (it is no unit any more).
    edits.edit('h.lua', mysql);
    edits.edit('h.lua', `${mysql}local x =\n`);
  });

  it('when a file the callers index resolved a callee through changes', () => {
    // h.lua calls helpers.done, which helpers.lua takes from util.lua: which util function h.lua passes its client
    // to is decided in helpers.lua, a file neither h.lua's edit nor util.lua's link touches.
    const root = project('callers-through', {
      'util.lua': 'local _M = {}\nfunction _M.done(c)\n  c:set_keepalive(0)\nend\nfunction _M.other(c)\n  c:set_keepalive(0)\nend\nreturn _M\n',
      'helpers.lua': 'local util = require "util"\nreturn { done = util.done }\n',
      'h.lua': 'local redis = require "resty.redis"\nlocal helpers = require "helpers"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nhelpers.done(red)\n',
      'other.lua': 'local x = 1\nreturn x\n',
    });
    expect(new Edits(root).edit('helpers.lua', 'local util = require "util"\nreturn { done = util.other }\n').kept).toBe(1);
  });

  it('when what an ngx.ctx slot holds changes (the ctx index)', () => {
    // log.lua sets a timeout on whatever the project stores in ngx.ctx.red; store2.lua starts storing a client there,
    // and log.lua's link never reads store2.lua's facts.
    const root = project('ctx-index', {
      'access.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nngx.ctx.red = red\n',
      'log.lua': 'local red = ngx.ctx.red\nred:set_timeout(1000)\n',
      'store2.lua': 'local x = 1\n',
    });
    // A second library in the slot: which timeout method log.lua calls is no longer known.
    const stores = 'local mysql = require "resty.mysql"\nlocal db = mysql:new()\nngx.ctx.red = db\n';
    const edits = new Edits(root);
    expect(edits.edit('store2.lua', stores).kept).toBe(1);
    // And stops again: what the slot held before counts as much as what it holds now; so does a file that stops
    // parsing (it is no unit any more).
    expect(edits.edit('store2.lua', undefined).kept).toBe(1);
    expect(edits.edit('store2.lua', stores).kept).toBe(1);
    expect(edits.edit('store2.lua', `${stores}local x =\n`).kept).toBe(1);
  });

  it('when a file a call edge resolved its callee through changes (the reachability walks)', () => {
    // log.lua runs in the log phase and calls lib.run, which lib.lua takes from impl.lua: whether the walk from
    // log.lua reaches a connect is decided in lib.lua, a file log.lua's own link never reads.
    const root = project('call-edges', {
      'nginx.conf': 'http {\n  server {\n    location / {\n      log_by_lua_file log.lua;\n    }\n  }\n}\n',
      'log.lua': 'local lib = require "lib"\nlib.run()\n',
      'lib.lua': 'local impl = require "impl"\nreturn { run = impl.connect_it }\n',
      'impl.lua': 'local redis = require "resty.redis"\nlocal _M = {}\nfunction _M.connect_it()\n  local red = redis:new()\n  red:connect("127.0.0.1", 6379)\n  red:set_keepalive(10000, 100)\nend\nfunction _M.noop()\nend\nreturn _M\n',
    });
    const edits = new Edits(root);
    expect(edits.edit('lib.lua', 'local impl = require "impl"\nreturn { run = impl.noop }\n').kept).toBe(2);
    expect(edits.edit('lib.lua', undefined).kept).toBe(2);
  });

  it('when what an ngx.ctx slot holds changes, for a release a getter hands out again', () => {
    // h.lua releases the client in ngx.ctx.red, which getter.lua hands out again: the finding names the client the
    // project stores in the slot, which store.lua decides.
    const root = project('ctx-getter', {
      'getter.lua': 'local _M = {}\nfunction _M.get()\n  local red = ngx.ctx.red\n  if red then\n    return red\n  end\nend\nreturn _M\n',
      'store.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nngx.ctx.red = red\n',
      'h.lua': 'local red = ngx.ctx.red\nred:set_keepalive(10000, 100)\n',
    });
    const edits = new Edits(root);
    edits.edit('store.lua', 'local mysql = require "resty.mysql"\nlocal db = mysql:new()\ndb:connect({ host = "127.0.0.1", port = 3306 })\nngx.ctx.red = db\n');
    edits.edit('store.lua', undefined);
  });

  it('reads the facts of the units whose work it does again and of what that work reads, no others', () => {
    // Every step over all units (the callers and ctx indexes, stale ctx getters, the walks from each entry) runs on
    // each link; an edit of h1.lua must still read only h1.lua and store.lua, which h1.lua's work reads.
    const root = project('facts-read', {
      'nginx.conf': 'http {\n  server {\n    location /1 {\n      content_by_lua_file h1.lua;\n    }\n    location /2 {\n      content_by_lua_file h2.lua;\n      log_by_lua_file log.lua;\n    }\n  }\n}\n',
      'store.lua': 'local redis = require "resty.redis"\nlocal _M = {}\nfunction _M.get()\n  local red = redis:new()\n  red:connect("127.0.0.1", 6379)\n  ngx.ctx.red = red\n  return red\nend\nfunction _M.put(red)\n  red:set_keepalive(10000, 100)\nend\nfunction _M.cached()\n  local red = ngx.ctx.red\n  if red then\n    return red\n  end\nend\nreturn _M\n',
      'h1.lua': 'local store = require "store"\nlocal red = store.get()\nred:get("a")\nstore.put(red)\n',
      'h2.lua': 'local store = require "store"\nlocal red = store.get()\nred:get("b")\nred:close()\n',
      'log.lua': 'local store = require "store"\nlocal red = store.cached()\nngx.timer.at(0, function()\n  store.get()\nend)\n',
      'a.lua': 'local x = 1\nreturn x\n',
      'b.lua': 'local function f(t)\n  table.sort(t, function(p, q)\n    return p < q\n  end)\nend\nreturn { f = f }\n',
    });
    const edits = new Edits(root);
    const at = edits.edit('h1.lua', 'local store = require "store"\nlocal red = store.get()\nred:get("a")\nred:get("c")\nstore.put(red)\n');
    expect(at.kept).toBe(4); // store.lua too: h1.lua passes a client to store.put, so the callers index may differ
    expect(at.factsRead).toBe(2);
  });

  it('when the edit makes a module of a file another one requires now (its role)', () => {
    // lib.lua returns a constant: a module only once something requires it, and only a module's top-level client
    // is shared by the requests of a worker.
    const root = project('roles', {
      'lib.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nfunction get_red()\n  red:connect("127.0.0.1", 6379)\n  return red\nend\nreturn true\n',
      'h.lua': 'local x = 1\n',
      'other.lua': 'local y = 2\nreturn y\n',
    });
    const edits = new Edits(root);
    const before = JSON.stringify(new Workspace(root, RULES).analyze().run.model?.shared);
    edits.edit('h.lua', 'require "lib"\n');
    const ws = new Workspace(root, RULES);
    ws.setBuffer(path.join(root, 'h.lua'), 'require "lib"\n');
    // The edit changes what lib.lua's own link makes, though lib.lua did not change.
    expect(JSON.stringify(ws.analyze().run.model?.shared)).not.toBe(before);
  });

  it('when an edit moves lines but leaves every offset where it was (same facts, other places)', () => {
    // `-- xy` becomes two comment lines of the same bytes: the facts are equal, the lines below move down by one.
    const text = (comment: string) => `${comment}\nlocal redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:close()\n`;
    const root = project('same-facts', { 'h.lua': text('-- xy'), 'other.lua': 'local x = 1\nreturn x\n' });
    expect(new Edits(root).edit('h.lua', text('--\n--')).kept).toBe(1);
  });

  it('when a file stops parsing, parses again, or a module a handler requires appears (the names it resolved)', () => {
    const lib = 'local redis = require "resty.redis"\nlocal _M = {}\nfunction _M.get()\n  local red = redis:new()\n  red:connect("127.0.0.1", 6379)\n  return red\nend\nreturn _M\n';
    const root = project('files-come-and-go', {
      'lib.lua': lib,
      'h.lua': 'local lib = require "lib"\nlocal red = lib.get()\nred:get("k")\nred:set_keepalive(10000, 100)\n',
      'h2.lua': 'local extra = require "extra"\nlocal red = extra.get()\nred:get("k")\nred:close()\n',
      'other.lua': 'local x = 1\nreturn x\n',
    });
    const edits = new Edits(root);
    // lib.lua stops parsing (a half-typed line): h.lua links again, h2.lua and other.lua stay.
    expect(edits.edit('lib.lua', `${lib}local x =\n`).kept).toBe(2);
    expect(edits.edit('lib.lua', undefined).kept).toBe(2);
    // extra.lua appears (a new buffer): h2.lua, which required it in vain, links again.
    expect(edits.edit('extra.lua', lib.replace('6379', '6380')).kept).toBe(3);
  });

  it('when nginx.conf changes: its inline Lua, the places below an edit, what runs a file', () => {
    // Inline Lua is interpreted again on every analysis (other facts objects): equal facts at equal places keep
    // their results; an inline block edited is linked again; a line added above moves every block below.
    const conf = (port: number, extra = '') => `${extra}http {\n  server {\n    location /a {\n      content_by_lua_block {\n        local redis = require "resty.redis"\n        local red = redis:new()\n        red:connect("127.0.0.1", ${port})\n        red:set_keepalive(10000, 100)\n      }\n    }\n    location /b {\n      content_by_lua_file lua/b.lua;\n    }\n  }\n}\n`;
    const root = project('nginx-conf', {
      'nginx.conf': conf(6379),
      'lua/b.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:close()\n',
      'lua/lib.lua': 'local x = 1\nreturn x\n',
    });
    const ws = new Workspace(root, RULES);
    modelOf(ws);
    const rewrite = (text: string) => {
      fs.writeFileSync(path.join(root, 'nginx.conf'), text);
      const partial = modelOf(ws);
      expect(partial.json).toBe(modelOf(new Workspace(root, RULES)).json);
      return partial;
    };
    expect(rewrite(conf(6379)).kept).toBe(3); // the same conf again: everything kept, the inline block too
    expect(rewrite(conf(6380)).kept).toBe(2); // the block's port: the block linked again
    rewrite(conf(6380, '# a comment line above\n')); // every block moves down: the file set's names change
    rewrite(conf(6380, '# a comment line above\n').replace('content_by_lua_file lua/b.lua', 'log_by_lua_file lua/b.lua')); // b.lua's role
  });

  it('for every edit of every Lua file of the fixture projects and examples', () => {
    const roots = ['fixtures/projects', 'fixtures/lua'].flatMap((d) => fs.readdirSync(path.join(REPO_ROOT, d)).map((n) => path.join(REPO_ROOT, d, n))).concat([path.join(REPO_ROOT, 'examples/mixed-pool')]);
    let edits = 0;
    let kept = 0;
    for (const root of roots.filter((r) => fs.statSync(r).isDirectory())) {
      const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.lua')).sort();
      const project = new Edits(root);
      for (const file of files) {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        // A require added above (facts change, lines move), pools and releases changed, then the file as it was.
        for (const edited of [`local _relink_edit = require("relink_edit")\n${text}`, text.replaceAll('6379', '6380').replaceAll('set_keepalive(', 'close('), undefined]) {
          kept += project.edit(file, edited).kept;
          edits++;
        }
      }
    }
    expect(edits).toBeGreaterThan(150);
    // Most edits relink a few units and keep the rest.
    expect(kept).toBeGreaterThan(edits);
  });
});

/** For modules written as `sources`, a function of an order of files: each file's export's `field`, resolved by one
 *  resolver in that order, by file name (JSON). */
function exportFieldAnswers(sources: Record<string, string>, field: string): (order: string[]) => string {
  const facts = new Map(Object.entries(sources).map(([f, text]) => [f, (factsJob(Buffer.from(text), DEFAULT_LUA_SYNTAX) as { facts: FileFacts }).facts]));
  return (order) => {
    const modules = new ModuleResolver([...facts.keys()]);
    const resolver = new ValueResolver(facts, modules, new Wrappers([], facts, modules));
    const out = order.map((f) => [f, resolver.resolve(f, { t: 'get', base: facts.get(f)!.exports, key: field }, null)] as const);
    return JSON.stringify(out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
}

describe('answers that could depend on the order questions are asked in', () => {
  it('a hit on an answer made for an earlier question counts as a cut when working it out here would have been', () => {
    const t = new AnswerLedger();
    t.topLevel();
    t.open(); // a question two levels deep: it asks one, which asks a value that stands for itself
    t.open();
    t.leaf();
    t.close(true);
    const outer = t.close(true)!;
    expect(outer).toMatchObject({ height: 2, cost: 3 });
    // The same question: its own memo would have the answer too.
    t.hit(outer, MAX_DEPTH, 3);
    expect(t.mustAskAlone).toBe(false);
    t.topLevel();
    t.hit(outer, MAX_DEPTH - 2, 1); // two levels below fit
    expect(t.mustAskAlone).toBe(false);
    t.hit(outer, MAX_DEPTH - 1, 2); // one level too deep
    expect(t.mustAskAlone).toBe(true);
  });

  it('a question that meets a cycle gets the same answer whatever was asked before', () => {
    // a.host may be b.host, which is a.host: asked first, a.host meets itself; asked after b.host, the memo held the
    // answer b.host got while a.host was in progress (before answer-ledger.ts: b.host was [unknown] or [A, unknown]).
    const sources: Record<string, string> = {
      'a.lua': 'local b = require "b"\nlocal h = b.host\nif ngx.var.x then h = "A" end\nreturn { host = h }\n',
      'b.lua': 'local a = require "a"\nreturn { host = a.host }\n',
    };
    const answers = exportFieldAnswers(sources, 'host');
    expect(answers(['a.lua', 'b.lua'])).toBe(answers(['b.lua', 'a.lua']));
  });

  it('a question that reaches past the depth limit gets the same answer whatever was asked before', () => {
    // m0 returns m1, which returns m2, ... m14 returns the settings: too deep from m0, not from m7. Asked after m7,
    // m0 would find m7's answer in the memo and look deep enough.
    const sources: Record<string, string> = { 'm14.lua': 'return { port = 6379 }\n' };
    for (let i = 0; i < 14; i++) sources[`m${i}.lua`] = `return require "m${i + 1}"\n`;
    const answers = exportFieldAnswers(sources, 'port');
    expect(answers(['m7.lua', 'm0.lua'])).toBe(answers(['m0.lua', 'm7.lua']));
    expect(answers(['m0.lua', 'm7.lua'])).toBe('[["m0.lua",[{"r":"unknown"}]],["m7.lua",[{"r":"const","v":6379}]]]');
  });

  it('nothing made under a cut stays in the shared memo', () => {
    const t = new AnswerLedger();
    t.topLevel();
    t.open();
    t.open();
    t.close(true);
    t.cut(); // a cycle met by the outer question after its first part was answered
    expect(t.close(true)).toBeUndefined();
    t.topLevel();
    t.open();
    expect(t.close(true)).toBeDefined();
  });

  it('so a project with cycles is relinked in part too, and ends with the full model', () => {
    // Two modules whose exports read each other: resolving either meets the other's question in progress (a cycle).
    const root = project('cycle', {
      'a.lua': 'local b = require "b"\nlocal redis = require "resty.redis"\nlocal red = redis:new()\nred:connect(b.host, 6379)\nred:set_keepalive(0)\nreturn { host = b.host }\n',
      'b.lua': 'local a = require "a"\nreturn { host = a.host }\n',
      'c.lua': 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:close()\n',
    });
    expect(new Edits(root).edit('c.lua', 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6380)\nred:close()\n').kept).toBe(2);
  });
});

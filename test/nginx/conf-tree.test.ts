import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { luaOffsetToConf, parseConfText, walkDirectives, type Directive } from '../../src/nginx/conf-tree.ts';
import { fnmatch, globFiles } from '../../src/nginx/glob.ts';
import { nodeConfFiles, parseNginxConf, type ConfFiles } from '../../src/nginx/include.ts';
import { SourceText } from '../../src/source/source-text.ts';

/** An in-memory file system: absolute paths → contents. */
function memFiles(files: Record<string, string | Buffer>): ConfFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(path) {
      reads.push(path);
      const c = files[path];
      if (c === undefined) return undefined;
      return typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    },
    list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

function names(list: Directive[]): string[] {
  const out: string[] = [];
  walkDirectives(list, (d, parents) => out.push([...parents.map((p) => p.name), d.name].join('>')));
  return out;
}

describe('parseConfText', () => {
  it('builds the directive tree with offsets', () => {
    const text = 'user nginx;\nhttp {\n  server {\n    listen 80;\n  }\n}\n';
    const { directives, errors } = parseConfText(text, '/etc/nginx/nginx.conf');
    expect(errors).toEqual([]);
    expect(names(directives)).toEqual(['user', 'http', 'http>server', 'http>server>listen']);
    const [user, http] = directives;
    expect(user).toMatchObject({ name: 'user', file: '/etc/nginx/nginx.conf', offset: 0, end: 11 });
    expect(user.args.map((a) => a.value)).toEqual(['nginx']);
    expect(http.block).toEqual({ open: 17, close: text.lastIndexOf('}') });
    expect(http.end).toBe(text.lastIndexOf('}') + 1);
    const listen = http.children![0].children![0];
    expect(text.slice(listen.offset, listen.end)).toBe('listen 80;');
  });

  it('attaches Lua: block body + offset, string code + token, file path', () => {
    const text = [
      'http {',
      "  init_by_lua 'local a = \\'x\\'';",
      '  init_worker_by_lua_file lua/init.lua;',
      '  server {',
      '    location / {',
      '      set_by_lua_block $v { return "}" }',
      "      set_by_lua $w 'return ngx.arg[1]' $uri;",
      '      content_by_lua_block {',
      '        ngx.say(1)',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const found: Record<string, Directive> = {};
    walkDirectives(parseConfText(text, 'n.conf').directives, (d) => {
      if (d.lua) found[d.name] = d;
    });
    expect(found.init_by_lua.lua).toMatchObject({ form: 'string', phase: 'init', body: "local a = 'x'" });
    expect(found.init_worker_by_lua_file.lua).toMatchObject({ form: 'file', phase: 'init_worker', path: 'lua/init.lua' });
    expect(found.set_by_lua_block.lua).toMatchObject({ form: 'block', phase: 'set', body: ' return "}" ' });
    expect(found.set_by_lua_block.args.map((a) => a.value)).toEqual(['$v']);
    expect(found.set_by_lua.lua).toMatchObject({ form: 'string', phase: 'set', body: 'return ngx.arg[1]' });
    const content = found.content_by_lua_block.lua!;
    expect(content).toMatchObject({ form: 'block', phase: 'content', body: '\n        ngx.say(1)\n      ' });

    // Lua offsets map back to the conf file, for both forms
    const source = SourceText.fromString(text);
    const say = content.form === 'block' ? content.body.indexOf('ngx.say') : -1;
    expect(source.position(luaOffsetToConf(content, say))).toEqual({ line: 9, column: 9 });
    const init = found.init_by_lua.lua!;
    const x = init.form === 'string' ? init.body.indexOf("'x'") : -1;
    const at = luaOffsetToConf(init, x);
    expect(text.slice(at, at + 5)).toBe("\\'x\\'");
  });

  it('columns are UTF-16 columns of the UTF-8 text', () => {
    const text = 'location /ü {\n  content_by_lua_block { ngx.say("é") local a = 1 }\n}\n';
    const bytes = Buffer.from(text, 'utf8');
    const source = new SourceText(bytes);
    const [loc] = parseConfText(source.latin1, 'u.conf').directives;
    const lua = loc.children![0].lua!;
    if (lua.form !== 'block') throw new Error('block expected');
    const at = lua.body.indexOf('local');
    expect(source.position(luaOffsetToConf(lua, at))).toEqual({ line: 2, column: 39 });
  });

  it("checks how nginx would read a Lua directive (ngx_conf_handler's checks)", () => {
    const errs = (t: string) => parseConfText(t, 'x').errors.map((e) => e.message);
    expect(errs('content_by_lua_block;')).toEqual(['directive "content_by_lua_block" has no opening "{"']);
    expect(errs("content_by_lua 'x' { }")).toEqual(['directive "content_by_lua" is not terminated by ";"']);
    expect(errs("content_by_lua 'a' 'b';")).toEqual(['invalid number of arguments in "content_by_lua" directive']);
    expect(errs('set_by_lua $v;')).toEqual(['invalid number of arguments in "set_by_lua" directive']);
    expect(errs("set_by_lua $v 'return 1' $a $b;")).toEqual([]);
    expect(errs('set_by_lua_file $v a.lua $x;')).toEqual([]);
    expect(errs('content_by_lua_block {}')).toEqual(['invalid location config: no runnable Lua code']);
    expect(errs("log_by_lua '';")).toEqual(['invalid location config: no runnable Lua code']);
    expect(errs('content_by_lua_block { }')).toEqual([]);
    expect(errs('init_worker_by_lua_block {}')).toEqual([]); // that handler does not check
  });

  it('keeps what was read before an error, and blocks left open end with the file', () => {
    const text = 'http {\n  server {\n    listen 80;\n';
    const r = parseConfText(text, 'x');
    expect(names(r.directives)).toEqual(['http', 'http>server', 'http>server>listen']);
    expect(r.directives[0].end).toBe(text.length);
    expect(r.directives[0].block!.close).toBeUndefined();
    expect(r.errors).toEqual([{ file: 'x', offset: text.length, message: 'unexpected end of file, expecting "}"' }]);
  });

  it('an unclosed Lua block keeps its directive without Lua', () => {
    const r = parseConfText('a;\ncontent_by_lua_block { x', 'x');
    expect(names(r.directives)).toEqual(['a', 'content_by_lua_block']);
    expect(r.directives[1].lua).toBeUndefined();
  });
});

describe('parseNginxConf: include', () => {
  it('resolves relative includes against the main file directory, in the include context', () => {
    const fs = memFiles({
      '/etc/nginx/nginx.conf': 'http {\n  include conf.d/*.conf;\n  include /opt/extra.conf;\n}\n',
      '/etc/nginx/conf.d/b.conf': 'server { listen 81; }\n',
      '/etc/nginx/conf.d/a.conf': 'server { listen 80; include snippets/lua.conf; }\n',
      '/etc/nginx/snippets/lua.conf': 'location / { content_by_lua_block { ngx.say(1) } }\n',
      '/opt/extra.conf': 'lua_package_path "/x/?.lua;;";\n',
    });
    const conf = parseNginxConf(fs, '/etc/nginx/nginx.conf');
    expect(conf.errors).toEqual([]);
    expect(names(conf.directives)).toEqual([
      'http',
      'http>include',
      'http>server',
      'http>server>listen',
      'http>server>include',
      'http>server>location',
      'http>server>location>content_by_lua_block',
      'http>server',
      'http>server>listen',
      'http>include',
      'http>lua_package_path',
    ]);
    const http = conf.directives[0];
    expect(http.children![0].include).toEqual({
      pattern: '/etc/nginx/conf.d/*.conf',
      files: ['/etc/nginx/conf.d/a.conf', '/etc/nginx/conf.d/b.conf'],
    });
    const location = http.children![1].children![2];
    expect(location.file).toBe('/etc/nginx/snippets/lua.conf');
    expect(conf.sources.get('/etc/nginx/snippets/lua.conf')!.position(location.offset)).toEqual({ line: 1, column: 1 });
    expect([...conf.sources.keys()].sort()).toEqual([
      '/etc/nginx/conf.d/a.conf',
      '/etc/nginx/conf.d/b.conf',
      '/etc/nginx/nginx.conf',
      '/etc/nginx/snippets/lua.conf',
      '/opt/extra.conf',
    ]);
  });

  it('confPrefix overrides the directory relative includes use', () => {
    const fs = memFiles({ '/a/main.conf': 'include x.conf;', '/b/x.conf': 'user b;' });
    expect(names(parseNginxConf(fs, '/a/main.conf', { confPrefix: '/b' }).directives)).toEqual(['include', 'user']);
  });

  it('a glob that matches nothing is fine; a missing plain file is an error at the include', () => {
    const fs = memFiles({ '/c/main.conf': 'include none/*.conf;\ninclude sites/*.conf;\n  include missing.conf;\nuser x;\n' });
    const conf = parseNginxConf(fs, '/c/main.conf');
    expect(conf.errors).toEqual([
      { file: '/c/main.conf', offset: 45, message: 'open() "/c/missing.conf" failed (cannot read the file)' },
    ]);
    expect(names(conf.directives)).toEqual(['include', 'include', 'include', 'user']);
  });

  it('include cycles are diagnostics, not hangs', () => {
    const fs = memFiles({
      '/c/main.conf': 'include self.conf;\ninclude a.conf;\nuser main;\n',
      '/c/self.conf': 'include self.conf;\nuser self;\n',
      '/c/a.conf': 'include b.conf;\nuser a;\n',
      '/c/b.conf': 'include a.conf;\nuser b;\n',
    });
    const conf = parseNginxConf(fs, '/c/main.conf');
    expect(conf.errors.map((e) => [e.file, e.message])).toEqual([
      ['/c/self.conf', 'include cycle: /c/self.conf -> /c/self.conf'],
      ['/c/b.conf', 'include cycle: /c/a.conf -> /c/b.conf -> /c/a.conf'],
    ]);
    const users: string[] = [];
    walkDirectives(conf.directives, (d) => {
      if (d.name === 'user') users.push(d.args[0].value);
    });
    expect(users).toEqual(['self', 'b', 'a', 'main']);
  });

  it('errors in one file do not lose the other files; errors come in the order nginx meets them', () => {
    const fs = memFiles({
      '/c/main.conf': 'include a.conf;\ninclude b.conf;\nuser main\n}\nworker_processes 2;\n',
      '/c/a.conf': 'events { worker_connections 10 }\n',
      '/c/b.conf': 'http { server { listen "80"x; } }\n',
    });
    const conf = parseNginxConf(fs, '/c/main.conf');
    expect(conf.errors.map((e) => `${e.file}:${conf.sources.get(e.file)!.lineOf(e.offset)}: ${e.message}`)).toEqual([
      '/c/a.conf:1: unexpected "}"',
      '/c/b.conf:1: unexpected "x"',
      '/c/main.conf:4: unexpected "}"',
    ]);
    expect(names(conf.directives)).toEqual([
      'include',
      'events',
      'events>worker_connections',
      'include',
      'http',
      'http>server',
      'http>server>listen',
      'user',
      'worker_processes',
    ]);
  });

  it('a file included twice is parsed in both places, its errors reported once', () => {
    const fs = memFiles({
      '/c/main.conf': 'server { include common.conf; }\nserver { include common.conf; }\n',
      '/c/common.conf': 'location / { content_by_lua_block { ngx.say(1) } };\n',
    });
    const conf = parseNginxConf(fs, '/c/main.conf');
    expect(conf.errors).toHaveLength(1);
    expect(names(conf.directives).filter((n) => n.endsWith('content_by_lua_block'))).toHaveLength(2);
    expect(fs.reads.filter((p) => p === '/c/common.conf')).toHaveLength(1);
  });

  it('checks the include directive itself', () => {
    const fs = memFiles({ '/c/main.conf': 'include;\ninclude a b;\ninclude x { }\n' });
    expect(parseNginxConf(fs, '/c/main.conf').errors.map((e) => e.message)).toEqual([
      'invalid number of arguments in "include" directive',
      'invalid number of arguments in "include" directive',
      'directive "include" is not terminated by ";"',
    ]);
  });

  it('reports a missing main file and a UTF-8 BOM', () => {
    expect(parseNginxConf(memFiles({}), '/nope.conf').errors).toEqual([
      { file: '/nope.conf', offset: 0, message: 'open() "/nope.conf" failed (cannot read the file)' },
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('user x;\n')]);
    const conf = parseNginxConf(memFiles({ '/c/main.conf': bom }), '/c/main.conf');
    expect(conf.errors.map((e) => e.message)).toEqual([expect.stringContaining('byte order mark')]);
    expect(conf.directives[0]).toMatchObject({ name: 'user', offset: 0 });
  });

  it('globs need a directory listing', () => {
    const fs: ConfFiles = { read: () => Buffer.from('include *.conf;') };
    expect(parseNginxConf(fs, '/c/main.conf').errors.map((e) => e.message)).toEqual([
      'cannot expand the include pattern "/c/*.conf": no directory listing available',
    ]);
  });

  it('reads the real file system with nodeConfFiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conf-tree-'));
    try {
      mkdirSync(join(dir, 'sites'));
      mkdirSync(join(dir, 'sites', 'sub.conf')); // a directory that matches the glob
      writeFileSync(join(dir, 'nginx.conf'), 'http { include sites/*.conf; }\n');
      writeFileSync(join(dir, 'sites', 'b.conf'), 'server { listen 2; }\n');
      writeFileSync(join(dir, 'sites', 'a.conf'), 'server { listen 1; }\n');
      const conf = parseNginxConf(nodeConfFiles, join(dir, 'nginx.conf'));
      const listens: string[] = [];
      walkDirectives(conf.directives, (d) => {
        if (d.name === 'listen') listens.push(d.args[0].value);
      });
      expect(listens).toEqual(['1', '2']);
      // nginx would fail reading the directory as well
      expect(conf.errors.map((e) => e.message)).toEqual([`open() "${join(dir, 'sites', 'sub.conf')}" failed (cannot read the file)`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('glob', () => {
  it('fnmatch: *, ?, brackets, classes, escapes and leading dots', () => {
    expect(fnmatch('*.conf', 'a.conf')).toBe(true);
    expect(fnmatch('*.conf', '.a.conf')).toBe(false);
    expect(fnmatch('.*', '.a')).toBe(true);
    expect(fnmatch('?.conf', 'ab.conf')).toBe(false);
    expect(fnmatch('[ab]*', 'b1')).toBe(true);
    expect(fnmatch('[!ab]*', 'b1')).toBe(false);
    expect(fnmatch('[^ab]*', 'c1')).toBe(true);
    expect(fnmatch('[a-c]x', 'bx')).toBe(true);
    expect(fnmatch('[]a]', ']')).toBe(true);
    expect(fnmatch('[[:digit:]]*', '10-x')).toBe(true);
    expect(fnmatch('a[', 'a[')).toBe(true);
    expect(fnmatch('\\*', '*')).toBe(true);
    expect(fnmatch('\\*', 'a')).toBe(false);
    expect(fnmatch('*a*b', 'xxaxxb')).toBe(true);
  });

  it('sorts matches by bytes over full paths, through directory wildcards', () => {
    const fs = memFiles({
      '/g/B/x.conf': '',
      '/g/a/x.conf': '',
      '/g/a/y.txt': '',
      '/g/a2/x.conf': '',
      '/g/é/x.conf': '',
      '/g/Z.conf': '',
    });
    expect(globFiles(fs, '/g/*/x.conf')).toEqual(['/g/B/x.conf', '/g/a/x.conf', '/g/a2/x.conf', '/g/é/x.conf']);
    expect(globFiles(fs, '/g/*.conf')).toEqual(['/g/Z.conf']);
    expect(globFiles(fs, '/g/a/*')).toEqual(['/g/a/x.conf', '/g/a/y.txt']);
    expect(globFiles(fs, '/g/none/*')).toEqual([]);
  });
});

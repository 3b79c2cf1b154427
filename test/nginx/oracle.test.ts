// Our tokenizer against a real `nginx -t` with ngx_lua (see oracle.ts for the setup and what it touches).
//
// For every case: nginx accepts ⇔ we report no error; when nginx rejects, our first error has nginx's message
// and line. For Lua code nginx accepts, the chunk ngx_lua really loads is compared with the body we extract
// (bytecode with debug info, so tokens and line numbers must agree).
//
// Skips with a warning when nginx or the module is missing, except under CI=true, where that is a failure.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseConfText, walkDirectives, type Directive } from '../../src/nginx/conf-tree.ts';
import { parseNginxConf, nodeConfFiles } from '../../src/nginx/include.ts';
import { nginxLuaBody } from '../../src/nginx/lua-block.ts';
import { SourceText } from '../../src/source/source-text.ts';
import {
  bodyCheckMain,
  checkerCall,
  findOracle,
  loadFixtures,
  luaBodyCheck,
  makePrefix,
  nginxTest,
  preamble,
  type OracleEnv,
  type Prefix,
} from './oracle.ts';

const found = findOracle();
const env: OracleEnv | undefined = 'env' in found ? found.env : undefined;
const requireOracle = process.env.CI === 'true';

if (!env && !requireOracle) {
  console.warn(`[oracle.test] skipping the nginx oracle: ${'reason' in found ? found.reason : ''}`);
}

describe('nginx oracle availability', () => {
  it.runIf(requireOracle)('nginx with ngx_lua is installed (required when CI=true)', () => {
    if (!env) expect.fail(`nginx oracle unavailable under CI: ${'reason' in found ? found.reason : ''}`);
  });
});

interface Verdict {
  ok: boolean;
  message?: string;
  line?: number;
}

function ourVerdict(text: string): Verdict {
  const parsed = parseConfText(text, 'nginx.conf');
  const first = parsed.errors[0];
  if (!first) return { ok: true };
  return { ok: false, message: first.message, line: new SourceText(Buffer.from(text, 'latin1')).lineOf(first.offset) };
}

describe.skipIf(!env)(`nginx -t oracle (nginx ${env?.version ?? '-'})`, () => {
  let prefix: Prefix;
  beforeAll(() => {
    prefix = makePrefix();
  });
  afterAll(() => prefix?.cleanup());

  /** A complete nginx.conf around a server-level snippet. */
  const wrapServer = (snippet: string, httpExtra = '') => {
    const pre = preamble(env!, prefix.dir);
    return `${pre.main}\nhttp {\n${pre.http}\n${httpExtra}\nserver {\nlisten unix:${prefix.dir}/nginx.sock;\n${snippet}\n}\n}\n`;
  };
  /** A complete nginx.conf whose init_by_lua_block holds `code` (after the checker call). */
  const wrapInit = (code: string, before = '') => {
    const pre = preamble(env!, prefix.dir);
    return `${bodyCheckMain(env!, prefix.dir)}\n${before}\nhttp {\n${pre.http}\ninit_by_lua_block {${checkerCall(prefix.dir)}${code}}\n}\n`;
  };

  const expectSameVerdict = (conf: string, extraFiles: Record<string, string> = {}) => {
    const nginx = nginxTest(env!, prefix, { 'conf/nginx.conf': conf, ...extraFiles });
    const ours = ourVerdict(conf);
    const theirs: Verdict = nginx.ok ? { ok: true } : { ok: false, message: nginx.message, line: nginx.line };
    expect(ours, nginx.output).toEqual(theirs);
    return nginx;
  };

  const firstBlockLua = (conf: string): Directive => {
    const parsed = parseConfText(conf, 'nginx.conf');
    let d: Directive | undefined;
    walkDirectives(parsed.directives, (x) => {
      if (!d && x.name.startsWith('init_by_lua') && x.lua) d = x;
    });
    expect(d).toBeDefined();
    return d!;
  };

  describe('fixtures/nginx/tokenizer: verdict, message and line', () => {
    for (const { name, text, expected } of loadFixtures()) {
      it(`${name}: ${expected.note}`, () => {
        const nginx = expectSameVerdict(wrapServer(text));
        expect(nginx.ok).toBe(expected.errors.length === 0);
      });
    }
  });

  describe('fixtures/nginx/tokenizer: the Lua ngx_lua loads is the body we extract', () => {
    for (const { name, text, expected } of loadFixtures()) {
      const lua = expected.lua ?? [];
      if (lua.length === 0 || expected.errors.length > 0) continue;
      it(name, () => {
        // Re-home the fixture's code into init_by_lua (block or string form), the only phase that runs at load.
        const fixture = parseConfText(text, name);
        let d: Directive | undefined;
        walkDirectives(fixture.directives, (x) => {
          if (!d && x.lua && x.lua.form !== 'file') d = x;
        });
        let conf: string;
        if (d!.lua!.form === 'string') {
          const raw = d!.lua!.token.raw;
          const pre = preamble(env!, prefix.dir);
          conf = `${bodyCheckMain(env!, prefix.dir)}\nhttp {\n${pre.http}\ninit_by_lua ${raw[0]}${checkerCall(prefix.dir)}${raw.slice(1)};\n}\n`;
        } else {
          conf = wrapInit(lua[0].body);
        }
        const init = firstBlockLua(conf);
        const body = init.lua!.form === 'file' ? '' : init.lua!.body;
        expect(body).toBe(checkerCall(prefix.dir) + lua[0].body);
        const check = luaBodyCheck(env!, prefix, conf, body);
        expect(check.result, check.detail).toBe('SAME');
      });
    }
  });

  describe('tokenizer rules', () => {
    const cases: [string, string][] = [
      ['a#b is one token', 'location /t { add_header X a#b; return 204; }'],
      ['# comment after arguments', 'location /t { return 204 # comment ;\n; }'],
      ['quote followed by a letter', 'location /t { add_header X "a"b; }'],
      ['quote followed by ;', "location /t { add_header X 'a'; return 204; }"],
      ['quote followed by {', 'location "/t"{ return 204; }'],
      ['quote followed by #', 'location /t { add_header X "a"#c\n; }'],
      ['; at statement start', 'location /t { ; return 204; }'],
      ['{ at statement start', 'location /t { { return 204; } }'],
      ['} with arguments pending', 'location /t { return 204 }'],
      ['} inside a token', 'location /t { add_header X a}b; return 204; }'],
      ['${var} unquoted', 'location /t { set $a 1; add_header X ${a}b; add_header Y $a${a}; return 204; }'],
      ['backslash escapes the next byte', 'location /t { add_header X \\;\\{\\}; return 204; }'],
      ['quoted token spanning lines', 'location /t { add_header X "a\nb;c}"; return 204; }'],
      ['unclosed quote', 'location /t { add_header X "a; return 204; }'],
      ['Lua block directly after the name', 'location /t { content_by_lua_block{ngx.say(1)}add_header X ok; }'],
      ['set_by_lua_block with quoted $var', 'location /t { set_by_lua_block "$v" { return "}" } return 200 $v; }'],
      ['set_by_lua_block without $var', 'location /t { set_by_lua_block { return 1 } return 204; }'],
      ['Lua block with ;', 'location /t { content_by_lua_block;\n}'],
      ['string-form Lua with a block', "location /t { content_by_lua 'ngx.say(1)' { } }"],
      ['string-form set_by_lua with extra args', "location /t { set_by_lua $v 'return ngx.arg[1]' $uri; return 200 $v; }"],
      ['string-form set_by_lua, code missing', 'location /t { set_by_lua $v; return 200 $v; }'],
      ['empty string-form code', "location /t { content_by_lua ''; }"],
      ['empty log_by_lua_block', 'location /t { return 204; log_by_lua_block {} }'],
      ['blank content_by_lua_block', 'location /t { content_by_lua_block { } }'],
      ['missing long comment bracket', 'location /t { content_by_lua_block {\n--[=[ x ]]\n} }'],
      ['Lua string cut by a newline', 'location /t { content_by_lua_block {\nlocal s = "a\\\n}" } }'],
      ['long bracket closing on a later line', 'location /t { content_by_lua_block {\nlocal s = [=[\n}\n]=] ngx.say(s)\n} }'],
      ['extra } after a Lua block', 'location /t { content_by_lua_block { ngx.say(1) } } }'],
    ];
    for (const [name, snippet] of cases) {
      it(name, () => {
        expectSameVerdict(wrapServer(snippet));
      });
    }
  });

  describe("nginx's 4096-byte buffer", () => {
    const add = (value: string) => `location /t { add_header X ${value}; return 204; }`;
    const lua = (code: string, pad = '') => wrapServer(`${pad}location /t { content_by_lua_block {\n${code}\n} add_header X ok; }`);
    const cases: [string, () => string][] = [
      ['4095-byte token', () => wrapServer(add('q'.repeat(4095)))],
      ['4096-byte token', () => wrapServer(add('q'.repeat(4096)))],
      ['4094-byte quoted token', () => wrapServer(add(`'${'q'.repeat(4094)}'`))],
      ['4095-byte quoted token (closing quote at the buffer end)', () => wrapServer(add(`'${'q'.repeat(4095)}'`))],
      ['unterminated quote longer than the buffer', () => wrapServer(add(`"${'q'.repeat(5000)}`))],
      ['comment line longer than the buffer', () => wrapServer(`#${'c'.repeat(5000)}\nlocation /t { return 204; }`)],
      ['3000-byte long string in a Lua block', () => lua(`local s = [[${'x'.repeat(3000)}]] ngx.say(s)`)],
      ['5000-byte long string in a Lua block', () => lua(`local s = [[${'x'.repeat(5000)}]] ngx.say(s)`)],
      ['5000-byte long comment in a Lua block', () => lua(`--[==[${'x'.repeat(5000)}]==] ngx.say(1)`)],
      ['5000-byte quoted string in a Lua block', () => lua(`local s = "${'d'.repeat(5000)}" ngx.say(s)`)],
      ['3000-byte line comment with } in a Lua block', () => lua(`-- ${'c'.repeat(1500)} } ${'c'.repeat(1500)}\nngx.say(1)`)],
      ['4100 bytes of Lua without tokens', () => lua(`local x = 0\n${'x = x + 1\n'.repeat(410)}ngx.say(x)`)],
    ];
    for (const [name, conf] of cases) {
      it(name, () => {
        expectSameVerdict(conf());
      });
    }

    it('padding sweep: Lua blocks with long token-free runs at many buffer alignments', () => {
      let checked = 0;
      for (let pad = 0; pad < 4200; pad += 389) {
        for (const len of [2000, 2100, 3000, 4100]) {
          const padding = `${'#'.repeat(61)}\n`.repeat(Math.floor(pad / 62)) + `#${'p'.repeat(pad % 62)}\n`;
          expectSameVerdict(lua(`local x = 0\n${'x = x + 1\n'.repeat(len / 10)}ngx.say(x)`, padding));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(40);
    });

    it('3000-byte long string: ngx_lua loads exactly our body', () => {
      const conf = wrapInit(`\nlocal s = [[${'x'.repeat(3000)}]]\n`);
      const d = firstBlockLua(conf);
      const check = luaBodyCheck(env!, prefix, conf, d.lua!.form === 'block' ? d.lua!.body : '');
      expect(check.result, check.detail).toBe('SAME');
    });

    it('bytes lua-nginx-module drops (its buffer bug) are the ones we report', () => {
      // Find, with our own simulation, a padding that puts a ~4 KB token-free run exactly where the
      // ngx_lua reader loses 2048 bytes; then let nginx load it.
      const run = `${'\n'.padEnd(10, ' ')}`.repeat(460); // blank lines: still valid Lua after the loss
      let conf = '';
      let block: Directive | undefined;
      for (let pad = 0; pad < 4200 && !block; pad++) {
        const padding = `${'#'.repeat(61)}\n`.repeat(Math.floor(pad / 62)) + `#${'p'.repeat(pad % 62)}\n`;
        conf = wrapInit(`--\n${run}\nlocal x = 1\n`, padding);
        const d = firstBlockLua(conf);
        if (d.lua?.form === 'block' && d.lua.dropped) block = d;
      }
      expect(block, 'no padding reproduces the dropped bytes').toBeDefined();
      const lua = block!.lua!;
      if (lua.form !== 'block') throw new Error('unreachable');
      expect(parseConfText(conf, 'x').errors.map((e) => e.message)).toEqual([
        expect.stringContaining('lua-nginx-module drops 2048 bytes of this Lua block'),
      ]);
      // `nginx -t` does not notice (no Lua runs), but the loaded chunk is the body without the dropped bytes.
      expect(nginxTest(env!, prefix, { 'conf/nginx.conf': conf }).ok).toBe(true);
      expect(luaBodyCheck(env!, prefix, conf, nginxLuaBody(conf, lua)!).result).toBe('SAME');
      expect(luaBodyCheck(env!, prefix, conf, lua.body).result).toBe('DIFFERENT');
    });
  });

  describe('include', () => {
    const runInclude = (files: Record<string, string | Buffer>, mainSnippet: string) => {
      const conf = wrapServer(mainSnippet);
      const nginx = nginxTest(env!, prefix, { 'conf/nginx.conf': conf, ...files });
      const ours = parseNginxConf(nodeConfFiles, prefix.confPath);
      return { nginx, ours };
    };

    it('a glob that matches nothing is fine; matches are read in sorted order', () => {
      const { nginx, ours } = runInclude(
        {
          'conf/inc1/b.conf': 'location /b { return 204; }',
          'conf/inc1/a.conf': 'location /a { return 204; }',
          'conf/inc1/.hidden.conf': 'this is not read;',
          'conf/inc1/c.conf': 'location /c { return 204 }', // the error nginx reports after a and b
        },
        'include nothing/*.conf;\ninclude inc1/*.conf;',
      );
      expect(nginx.ok).toBe(false);
      expect(nginx.message).toBe('unexpected "}"');
      expect(nginx.file).toBe(`${prefix.dir}/conf/inc1/c.conf`);
      expect(ours.errors[0]).toMatchObject({ file: `${prefix.dir}/conf/inc1/c.conf`, message: 'unexpected "}"' });
      const locations: string[] = [];
      walkDirectives(ours.directives, (d) => {
        if (d.name === 'location') locations.push(d.args[0].value);
      });
      expect(locations).toEqual(['/a', '/b', '/c']);
    });

    // docs/semantics.md §5.1: ngx_conf_include resolves with ngx_conf_full_name(cycle, &file, 1), i.e. against
    // cycle->conf_prefix, which ngx_process_options sets to the directory of the -c file.
    it("a relative include in an included file resolves against the main file's directory, not its own", () => {
      const { nginx, ours } = runInclude(
        {
          'conf/sub/a.conf': 'include b.conf;',
          'conf/b.conf': 'location /from-conf-dir { return 204; }',
          'conf/sub/b.conf': 'location /from-sub-dir { return 204 }', // an error, if it were read
        },
        'include sub/a.conf;',
      );
      expect(nginx.ok, nginx.output).toBe(true);
      expect(ours.errors).toEqual([]);
      const locations: string[] = [];
      walkDirectives(ours.directives, (d) => {
        if (d.name === 'location') locations.push(d.args[0].value);
      });
      expect(locations).toEqual(['/from-conf-dir']);
    });

    it('the conf prefix is the directory of the -c file, not the conf/ of the -p prefix', () => {
      const files = { 'alt/main.conf': wrapServer('include sub/a.conf;'), 'conf/sub/a.conf': 'location /x { return 204; }' };
      const nginx = nginxTest(env!, prefix, files, 'alt/main.conf'); // -c relative to -p, as nginx resolves it
      expect(nginx.ok).toBe(false);
      expect(nginx.message).toBe(`open() "${prefix.dir}/alt/sub/a.conf" failed (2: No such file or directory)`);
      expect(nginx.file).toBe(`${prefix.dir}/alt/main.conf`);
      const ours = parseNginxConf(nodeConfFiles, `${prefix.dir}/alt/main.conf`);
      expect(ours.errors.map((e) => e.message)).toEqual([`open() "${prefix.dir}/alt/sub/a.conf" failed (cannot read the file)`]);
    });

    it('a missing file is an error at the include line', () => {
      const { nginx, ours } = runInclude({}, 'include missing.conf;');
      expect(nginx.ok).toBe(false);
      expect(nginx.message).toMatch(/^open\(\) ".*\/conf\/missing\.conf" failed/);
      const first = ours.errors[0];
      expect(first.message).toMatch(/^open\(\) ".*\/conf\/missing\.conf" failed/);
      expect(ours.sources.get(first.file)!.lineOf(first.offset)).toBe(nginx.line);
    });

    it('an include cycle is an error (nginx 1.22 crashes on it)', () => {
      const { nginx, ours } = runInclude({ 'conf/self.conf': 'include self.conf;' }, 'include self.conf;');
      expect(nginx.ok).toBe(false);
      expect(ours.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^include cycle: .*self\.conf -> .*self\.conf$/)]);
    });

    it('a file starting with a UTF-8 BOM is refused', () => {
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('location /t { return 204; }')]);
      const { nginx, ours } = runInclude({ 'conf/bom.conf': bom }, 'include bom.conf;');
      expect(nginx.ok).toBe(false);
      expect(nginx.message).toMatch(/^unknown directive "\u00ef\u00bb\u00bflocation"$/);
      expect(ours.errors[0].message).toMatch(/byte order mark/);
    });
  });
});

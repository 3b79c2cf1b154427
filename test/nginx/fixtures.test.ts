// The small conf cases in fixtures/nginx/tokenizer (Lua blocks with braces in strings, comments and long brackets,
// `#` in Lua, set_by_lua_block, escapes and more; docs/semantics.md §5): exact Lua bodies,
// the directive after a Lua block survives, and the expected errors. oracle.test.ts runs the same files
// through a real `nginx -t`.

import { describe, expect, it } from 'vitest';

import { parseConfText, walkDirectives, type Directive } from '../../src/nginx/conf-tree.ts';
import { SourceText } from '../../src/source/source-text.ts';
import { loadFixtures } from './oracle.ts';

function luaDirectives(list: Directive[]): Directive[] {
  const out: Directive[] = [];
  walkDirectives(list, (d) => {
    if (d.lua && d.lua.form !== 'file') out.push(d);
  });
  return out;
}

describe('fixtures/nginx/tokenizer', () => {
  const fixtures = loadFixtures();

  it('has an expectation for every conf file (and at least the 14 toolchain cases)', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) expect(f.expected, f.name).toBeDefined();
  });

  for (const { name, text, expected } of fixtures) {
    it(`${name}: ${expected.note}`, () => {
      const parsed = parseConfText(text, name);
      const source = new SourceText(Buffer.from(text, 'latin1'));
      expect(parsed.errors.map((e) => ({ line: source.lineOf(e.offset), message: e.message }))).toEqual(expected.errors);

      const found = luaDirectives(parsed.directives);
      for (const want of expected.lua ?? []) {
        const d = found.find((x) => x.name === want.directive);
        expect(d, `${want.directive} in ${name}`).toBeDefined();
        expect(d!.lua!.form === 'file' ? undefined : d!.lua!.body).toBe(want.body);
        if (d!.lua!.form === 'block') {
          // body offset + Lua offset = conf offset
          expect(text.slice(d!.lua!.bodyOffset, d!.lua!.bodyOffset + want.body.length)).toBe(want.body);
          expect(text[d!.lua!.bodyOffset - 1]).toBe('{');
          expect(text[d!.block!.close!]).toBe('}');
        }
      }

      if (expected.after) {
        // The directive right after the Lua block, at the same level, survives.
        const d = found[0];
        let siblings: Directive[] = parsed.directives;
        walkDirectives(parsed.directives, (x) => {
          if (x.children?.includes(d)) siblings = x.children;
        });
        const next = siblings[siblings.indexOf(d) + 1];
        expect(next?.name).toBe(expected.after);
        expect(next.args.map((a) => a.value)).toEqual(['X-After', 'ok']);
      }
    });
  }
});

// The parse-only floor: `node scripts/bench/parse-floor.mjs DIR` finds DIR's .lua files the way resty-lint does
// (fast-glob, no symlinks, node_modules/.git skipped), reads each as latin1, strips a BOM, and parses it with the
// patched luaparse from node_modules and the options of src/lua/parse-lua.ts. Nothing else: no facts, no linking,
// no report. Prints one JSON line { files, parsed, failed }.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import luaparse from 'luaparse';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The `OPTIONS` object literal of src/lua/parse-lua.ts, so the floor always parses like the analyzer. */
export function projectParseOptions() {
  const fallback = { luaVersion: 'LuaJIT', extendedIdentifiers: true, locations: false, ranges: true, comments: true, scope: false, encodingMode: 'pseudo-latin1' };
  try {
    const src = fs.readFileSync(path.join(ROOT, 'src/lua/parse-lua.ts'), 'utf8');
    const m = /const OPTIONS = (\{[\s\S]*?\}) as const;/.exec(src);
    if (!m) return { options: fallback, from: 'built-in copy (OPTIONS not found in src/lua/parse-lua.ts)' };
    const literal = m[1].replace(/\/\/[^\n]*/g, '');
    return { options: Function(`"use strict"; return (${literal});`)(), from: 'src/lua/parse-lua.ts' };
  } catch (e) {
    return { options: fallback, from: `built-in copy (${e.message})` };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? '.');
  const { options } = projectParseOptions();
  const files = fg.sync('**/*.lua', { cwd: dir, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
  let parsed = 0;
  let failed = 0;
  for (const f of files) {
    let text = fs.readFileSync(path.join(dir, f), 'latin1');
    if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
    try {
      luaparse.parse(text, options);
      parsed++;
    } catch {
      failed++;
    }
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, parsed, failed })}\n`);
}

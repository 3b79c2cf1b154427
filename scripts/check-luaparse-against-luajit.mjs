#!/usr/bin/env node
// Differential check: does luaparse (as patched in patches/) accept exactly the
// .lua files that the real LuaJIT accepts?
//
//   node scripts/check-luaparse-against-luajit.mjs DIR_OR_FILE...
//
// Needs a `luajit` binary on PATH (or LUAJIT=/path/to/luajit), e.g. the
// Debian/OpenResty package `luajit2`. Exits 1 if any file gets different verdicts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import luaparse from 'luaparse';

const OPTIONS = {
  luaVersion: 'LuaJIT', extendedIdentifiers: true, locations: true,
  ranges: true, comments: true, encodingMode: 'pseudo-latin1',
};

// Reads one path per line on stdin; prints "ok" or "fail<TAB>message" per path.
const LUA = `
for path in io.lines() do
  local f, err = loadfile(path)
  if f then print('ok') else print('fail\\t' .. tostring(err):gsub('[\\r\\n]', ' ')) end
end`;

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: check-luaparse-against-luajit.mjs DIR_OR_FILE...');
  process.exit(2);
}

const files = [];
for (const arg of args) {
  if (statSync(arg).isFile()) files.push(arg);
  else for (const rel of readdirSync(arg, { recursive: true })) {
    const p = join(arg, rel);
    if (p.endsWith('.lua') && statSync(p).isFile()) files.push(p);
  }
}
files.sort();

const run = spawnSync(process.env.LUAJIT || 'luajit', ['-e', LUA], {
  input: files.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28,
});
if (run.error || run.status !== 0) {
  console.error('running luajit failed:', run.error?.message ?? run.stderr);
  process.exit(2);
}
const verdicts = run.stdout.split('\n');

let agree = 0;
const disagreements = [];
files.forEach((file, i) => {
  const [jit, jitMsg = ''] = verdicts[i].split('\t');
  let lp = 'ok', lpMsg = '';
  try {
    const src = readFileSync(file, 'latin1').replace(/^\xEF\xBB\xBF/, '');
    luaparse.parse(src, OPTIONS);
  } catch (e) {
    lp = 'fail';
    lpMsg = e.message;
  }
  if (lp === jit) agree++;
  else disagreements.push({ file, luajit: jit, luajitMsg: jitMsg, luaparse: lp, luaparseMsg: lpMsg });
});

for (const d of disagreements) {
  console.log(`DISAGREE ${d.file}\n  luajit:   ${d.luajit} ${d.luajitMsg}\n  luaparse: ${d.luaparse} ${d.luaparseMsg}`);
}
console.log(`${files.length} files, ${agree} agree, ${disagreements.length} disagree`);
process.exit(disagreements.length ? 1 : 0);

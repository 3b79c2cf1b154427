// The real-code corpus: Lua from Debian packages, fetched with `apt-get download` into bench/cache/debs, unpacked
// with `dpkg -x` into bench/cache/debian-root/<pkg>, and copied into bench/cache/corpus-debian/<pkg>/... keeping
// only regular `.lua` files. Symlinks are left out (penlight's 5.2/ tree links to 5.1/): luacheck follows them and
// resty-lint does not, so without them every tool reads exactly the same files. Cached across runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS_PACKAGES = [
  'lua-nginx-redis',
  'lua-resty-core',
  'lua-resty-lrucache',
  'lua-nginx-websocket',
  'lua-nginx-dns',
  'lua-nginx-memcached',
  'lua-nginx-kafka',
  'lua-check',
  'lua-penlight',
  'prosody',
];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) return { ok: false, out: String(r.error.message) };
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function debFor(debsDir, pkg) {
  let names;
  try {
    names = fs.readdirSync(debsDir);
  } catch {
    return undefined;
  }
  return names.filter((n) => n.startsWith(`${pkg}_`) && n.endsWith('.deb')).sort().pop();
}

/** Downloads the missing .deb files (one apt-get call; `apt-get update` once if that fails). */
function download(debsDir, log) {
  fs.mkdirSync(debsDir, { recursive: true });
  const missing = CORPUS_PACKAGES.filter((p) => !debFor(debsDir, p));
  if (missing.length === 0) return;
  log(`corpus: apt-get download ${missing.join(' ')}`);
  let r = run('apt-get', ['download', ...missing], { cwd: debsDir });
  if (!r.ok) {
    log('corpus: apt-get download failed, running apt-get update once');
    run('apt-get', ['update']);
    r = run('apt-get', ['download', ...missing], { cwd: debsDir });
  }
  const still = CORPUS_PACKAGES.filter((p) => !debFor(debsDir, p));
  if (still.length > 0) throw new Error(`could not download ${still.join(', ')} with apt-get download:\n${r.out.trim()}`);
}

function walkLua(root, rel, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walkLua(root, r, out);
    else if (e.isFile() && e.name.endsWith('.lua')) out.push(r);
  }
}

/**
 * Makes sure bench/cache/corpus-debian exists and is complete; returns { dir, packages: [{ name, deb, files }] }.
 */
export function ensureCorpus(cacheDir, log = () => {}) {
  const debsDir = path.join(cacheDir, 'debs');
  const rootDir = path.join(cacheDir, 'debian-root');
  const corpusDir = path.join(cacheDir, 'corpus-debian');
  const stampFile = path.join(cacheDir, 'corpus-debian.stamp.json');
  download(debsDir, log);
  const debs = CORPUS_PACKAGES.map((p) => debFor(debsDir, p));
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (JSON.stringify(stamp.debs) === JSON.stringify(debs) && fs.existsSync(corpusDir)) return { dir: corpusDir, packages: stamp.packages };
  } catch {
    // no stamp: unpack
  }
  fs.rmSync(stampFile, { force: true });
  fs.rmSync(corpusDir, { recursive: true, force: true });
  const packages = [];
  for (const [i, pkg] of CORPUS_PACKAGES.entries()) {
    const into = path.join(rootDir, pkg);
    fs.rmSync(into, { recursive: true, force: true });
    fs.mkdirSync(into, { recursive: true });
    const r = run('dpkg', ['-x', path.join(debsDir, debs[i]), into]);
    if (!r.ok) throw new Error(`dpkg -x ${debs[i]} failed:\n${r.out}`);
    const files = [];
    walkLua(into, '', files);
    for (const f of files) {
      const to = path.join(corpusDir, pkg, f);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(into, f), to);
    }
    packages.push({ name: pkg, deb: debs[i], files: files.length });
    log(`corpus: ${debs[i]}: ${files.length} .lua files`);
  }
  fs.writeFileSync(stampFile, JSON.stringify({ debs, packages }, null, 2));
  return { dir: corpusDir, packages };
}

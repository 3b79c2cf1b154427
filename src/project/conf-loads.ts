// What an nginx configuration given as a path argument loads, so `resty-lint conf/nginx.conf` analyzes it with
// its code: the scripts of its *_by_lua_file directives and the Lua modules under its lua_package_path
// directories, as far as the project holds them (matched by path suffix, as deployment paths are). Includes
// are followed by the nginx reader itself.
import path from 'node:path';
import { nodeConfFiles, parseNginxConf } from '../nginx/include.ts';
import { buildNginxModel, luaPackageRoots, mapLuaFile } from '../nginx/nginx-model.ts';

/** The files of `treeLua` (relative to `root`) that the configuration `conf` (relative to `root`) loads. */
export function luaLoadedByConf(root: string, conf: string, treeLua: readonly string[]): string[] {
  const tree = { roots: [root], files: () => treeLua.map((f) => path.resolve(root, f)) };
  let model: ReturnType<typeof buildNginxModel>;
  try {
    model = buildNginxModel(parseNginxConf(nodeConfFiles, path.resolve(root, conf), { tree }));
  } catch (e) {
    if (e instanceof RangeError) return []; // nested too deeply: the analysis reports it
    throw e;
  }
  const out = new Set<string>();
  for (const e of model.entries) {
    const target = e.form === 'file' && e.filePath ? mapLuaFile(e.filePath, treeLua) : undefined;
    if (target) out.add(target);
  }
  for (const p of model.packagePaths) {
    for (const dir of luaPackageRoots(p.pattern)) for (const f of underDirectory(dir, treeLua)) out.add(f);
  }
  return [...out].sort();
}

/** The files under a directory of the tree whose path ends like `dir` (a deployment path). */
function underDirectory(dir: string, files: readonly string[]): string[] {
  const want = dir.split('/').filter((s) => s !== '' && s !== '.' && s !== '..' && s !== '$prefix');
  if (want.length === 0) return [];
  return files.filter((f) => {
    const segs = f.split('/').slice(0, -1);
    for (let end = segs.length; end > 0; end--) {
      const have = segs.slice(0, end);
      const n = Math.min(want.length, have.length);
      let common = 0;
      while (common < n && want[want.length - 1 - common] === have[have.length - 1 - common]) common++;
      if (common === n) return true;
    }
    return false;
  });
}

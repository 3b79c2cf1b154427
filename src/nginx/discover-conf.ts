// Which configuration files a run reads besides the Lua: nginx configs (by name or by a sniff of the content),
// redis.conf files, and the `.conf` files that are neither (reported, not read further).

import fs from 'node:fs';
import path from 'node:path';

import { filesUnder, type WalkCache } from '../files/discover.ts';

export interface ConfigFiles {
  /** nginx configuration files (found by name or content, plus every `extra` path). */
  nginx: string[];
  /** redis configuration files. */
  redis: string[];
  /** `.conf` files seen under the roots that are neither (templates, other programs' configs). */
  notConfig: string[];
}

/** How much of a file the content sniff reads. */
export const SNIFF_BYTES = 64 * 1024;


/** Name parts of template files: rendered into a config by some tool, not read by nginx as they are. */
const TEMPLATE_MARKERS = ['.liquid', '.erb', '.tmpl', '.j2', '.jinja', '.mustache'];

// Directive shapes, not words: other programs' configs (tinyproxy, supervisord) mention "location" and
// "upstream" in prose comments.
const NGINX_SNIFF = [
  /(?:^|[;{}\s])http\s*\{/m,
  /(?:^|[;{}\s])server\s*\{/m,
  /^[ \t]*location\s+[^;{#]{0,200}\{/m,
  /^[ \t]*upstream\s+[^\s;{]+\s*\{/m,
  /^[ \t]*[a-z_]+_by_lua(?:_block|_file)?\b/m,
  /^[ \t]*worker_processes\s+[^\s;]+\s*;/m,
];
const REDIS_SNIFF = /^[ \t]*(?:port|timeout|maxclients|bind)[ \t]/m;

// Lines nginx cannot parse, which shell scripts and INI files (supervisord, php-fpm pools, systemd units) are made
// of: `fi` / `esac` alone, `...; then`, `export NAME=`, a here-document opener, an `[section]` line. Shell notes
// that write an nginx config through a here-document hold nginx shapes too; these lines say what the file is.
const NOT_NGINX_SNIFF = [
  /^[ \t]*(?:fi|esac)[ \t]*$/m,
  /;[ \t]*then[ \t]*$/m,
  /^[ \t]*export[ \t]+[A-Za-z_][A-Za-z0-9_]*=/m,
  /<<-?[ \t]*(?:'[A-Za-z_]\w*'|"[A-Za-z_]\w*"|[A-Za-z_]\w*)[ \t]*$/m,
  /^\[[^\]\s;{}]+\][ \t]*$/m,
];

/** Whether a file name marks a template (`nginx.tmpl.conf`, `site.conf.j2`, ...) or Markdown. */
export function isTemplateOrDoc(name: string): boolean {
  const lower = name.toLowerCase();
  if (TEMPLATE_MARKERS.some((m) => lower.includes(m))) return true;
  return /\.(?:md|markdown)(?:\.|$)/.test(lower);
}

/** Whether the start of a file looks like nginx configuration. */
export function sniffNginx(head: string): boolean {
  const code = head.replace(/^[ \t]*#.*$/gm, '');
  return NGINX_SNIFF.some((re) => re.test(code));
}

/** Whether the start of a file is a shell script or an INI file (a `#!` line, or a line from NOT_NGINX_SNIFF). */
export function sniffNotNginx(head: string): boolean {
  if (head.startsWith('#!')) return true;
  const code = head.replace(/^[ \t]*[#;].*$/gm, '');
  return NOT_NGINX_SNIFF.some((re) => re.test(code));
}

/** Whether the start of a file looks like redis configuration (and not like nginx). */
export function sniffRedis(head: string): boolean {
  return REDIS_SNIFF.test(head) && !sniffNginx(head);
}

/**
 * Classifies one file. `nginx.conf` is nginx by name and `redis*.conf` redis by name; other `.conf` files by
 * content. Returns undefined for files that are not configuration candidates at all (not `*.conf`).
 */
export function classifyConfFile(absPath: string): 'nginx' | 'redis' | 'notConfig' | undefined {
  const name = path.basename(absPath).toLowerCase();
  if (!name.endsWith('.conf')) return undefined;
  if (isTemplateOrDoc(name)) return 'notConfig';
  if (name === 'nginx.conf') return 'nginx';
  if (name.startsWith('redis')) return 'redis';
  const head = readHead(absPath);
  if (head === undefined) return 'notConfig';
  if (sniffNginx(head) && !sniffNotNginx(head)) return 'nginx';
  if (sniffRedis(head)) return 'redis';
  return 'notConfig';
}

function readHead(absPath: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absPath, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.toString('latin1', 0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Finds the configuration files under `roots` (directories or files, relative to cwd; none means cwd), skipping
 * node_modules, .git and what .gitignore excludes (as Lua discovery does). `extra` paths are nginx configs
 * whatever their name or content. All paths come back relative to cwd, `/`-separated, sorted, without duplicates.
 */
export function findConfigFiles(cwd: string, roots: string[], extra: string[], cache?: WalkCache): ConfigFiles {
  const nginx = new Set<string>();
  const redis = new Set<string>();
  const notConfig = new Set<string>();
  const put = (abs: string) => {
    const kind = classifyConfFile(abs);
    if (kind === undefined) return;
    const rel = toRelative(cwd, abs);
    (kind === 'nginx' ? nginx : kind === 'redis' ? redis : notConfig).add(rel);
  };

  for (const root of roots.length > 0 ? roots : ['.']) {
    const abs = path.resolve(cwd, root);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      continue; // missing inputs are reported by Lua discovery
    }
    if (stat.isFile()) {
      put(abs);
      continue;
    }
    if (!stat.isDirectory()) continue;
    for (const f of filesUnder(cwd, abs, '**/*.conf', false, cache)) put(f);
  }

  for (const e of extra) {
    const rel = toRelative(cwd, path.resolve(cwd, e));
    nginx.add(rel);
    redis.delete(rel);
    notConfig.delete(rel);
  }

  return { nginx: [...nginx].sort(), redis: [...redis].sort(), notConfig: [...notConfig].sort() };
}

function toRelative(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

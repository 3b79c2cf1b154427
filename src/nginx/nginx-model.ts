// What the analyzer needs from one main nginx configuration (with its includes): every piece of Lua with its
// phase and the lua_* settings in force there, the package path, and the directives the config rules check.
// Built from the directive tree (conf-tree.ts) that parseNginxConf (include.ts) reads; see docs/semantics.md §3 and §5.

import { posix } from 'node:path';

import type { Directive } from './conf-tree.ts';
import type { NginxConf } from './include.ts';
import { luaDirective, phaseAllowsCosocket, type LuaPhase } from './lua-directives.ts';
import { tokenValueOffset, type Token } from './tokenize.ts';
import { blockVariables, expandVariables, NO_VARIABLES, type SetVariables } from './set-variables.ts';

/** A place in a configuration file: an offset into that file's SourceText.latin1. */
export interface ConfLocation {
  file: string;
  offset: number;
}

/** The lua_* settings in force at a point of the config (nginx merges them http → server → location → if). */
export interface EffectiveSettings {
  /** lua_code_cache (default on). */
  codeCache: boolean;
  /** lua_socket_keepalive_timeout in ms (default 60s). */
  keepaliveTimeoutMs: number;
  /** lua_socket_pool_size (default 30). */
  poolSize: number;
  /** A `resolver` directive is in force (http, server or location level; nginx inherits it inward); `unknown`
   *  when none is, but an include that was not read may hold one. */
  resolver?: true | 'unknown';
}

export interface LuaEntry {
  /** The phase, e.g. 'content'; for a directive ngx_lua does not know, the name without `_by_lua*`. */
  phase: string;
  form: 'block' | 'string' | 'file';
  directive: string;
  /** The directive name token. */
  location: ConfLocation;
  /** Block and string forms: the Lua text (latin1) and how a Lua offset maps back into the conf file. */
  code?: { text: string; toConf(luaOffset: number): ConfLocation };
  /** File form: the path as written, with the variables a constant `set` gives a value replaced (it may still hold
   *  `$prefix` or other nginx variables). */
  filePath?: string;
  cosocketAllowed: boolean;
  /** Enclosing blocks as written, e.g. ['http', 'server', 'location /api']. */
  context: string[];
  settings: EffectiveSettings;
  /** The enclosing `server` block (its `server` name token), when there is one. */
  server?: ConfLocation;
}

/** A lua_socket_{connect,send,read}_timeout directive: its value as written and in ms (null: nginx rejects it). */
export interface SocketTimeoutDirective {
  directive: string;
  raw: string;
  ms: number | null;
  location: ConfLocation;
}

export interface CodeCacheDirective {
  value: string;
  location: ConfLocation;
  context: string[];
}

export interface NginxModel {
  mainFile: string;
  entries: LuaEntry[];
  packagePaths: { pattern: string; location: ConfLocation }[];
  codeCache: CodeCacheDirective[];
  workerProcesses?: { value: string; location: ConfLocation };
  keepaliveTimeouts: { ms: number | null; raw: string; location: ConfLocation }[];
  /** lua_socket_connect_timeout, lua_socket_send_timeout, lua_socket_read_timeout directives. */
  socketTimeouts: SocketTimeoutDirective[];
  /** The parse errors, then nginx's "is duplicate" errors for the settings read here. */
  errors: { file: string; offset: number; message: string }[];
}

export const DEFAULT_SETTINGS: Readonly<EffectiveSettings> = { codeCache: true, keepaliveTimeoutMs: 60_000, poolSize: 30 };

/** Phases of stream-lua-nginx-module that are not in ngx_lua's table but allow cosockets. */
const EXTRA_COSOCKET_PHASES = new Set(['preread']);

const LUA_NAME = /^([a-z_]+)_by_lua(_block|_file)?$/;

export function buildNginxModel(parsed: NginxConf): NginxModel {
  const model: NginxModel = {
    mainFile: parsed.mainPath,
    entries: [],
    packagePaths: [],
    codeCache: [],
    keepaliveTimeouts: [],
    socketTimeouts: [],
    errors: parsed.errors.map((e) => ({ file: e.file, offset: e.offset, message: e.message })),
  };
  const duplicateErrors: NginxModel['errors'] = [];
  const loc = (d: Directive): ConfLocation => ({ file: d.file, offset: d.offset });
  // Includes not read (deployment files): whatever they set is unknown.
  const unread = new Set(parsed.unresolved.map((u) => `${u.file}\0${u.offset}`));
  const duplicate = (d: Directive) => duplicateErrors.push({ ...loc(d), message: `"${d.name}" directive is duplicate` });

  // `vars`: the constant `set` variables in force (set-variables.ts); `serverVars`: those of the enclosing server,
  // which a location starts from (an outer location's do not run for a nested one).
  const walk = (list: Directive[], context: string[], inherited: EffectiveSettings, main: boolean, server?: ConfLocation, vars = NO_VARIABLES, serverVars = NO_VARIABLES) => {
    // nginx merges a block's settings after reading the whole block, so a setting applies to the entire block
    // (Lua before it included) and to the blocks inside it. A second one in the same block is "is duplicate".
    const settings = { ...inherited };
    const seen = new Set<string>();
    for (const d of list) {
      if (d.children) continue;
      const arg = d.args[0]?.value;
      switch (d.name) {
        case 'lua_code_cache':
        case 'lua_socket_keepalive_timeout':
        case 'lua_socket_pool_size':
        case 'lua_package_path':
          if (seen.has(d.name)) {
            duplicate(d);
            continue;
          }
          seen.add(d.name);
          break;
        case 'resolver':
          // ngx_http_core_module's resolver (ngx_lua's cosockets resolve with the location's): merged inward.
          if (d.args.length > 0) settings.resolver = true;
          continue;
        case 'include':
          if (settings.resolver === undefined && unread.has(`${d.file}\0${d.offset}`)) settings.resolver = 'unknown';
          continue;
        case 'lua_socket_connect_timeout':
        case 'lua_socket_send_timeout':
        case 'lua_socket_read_timeout':
          if (arg !== undefined) model.socketTimeouts.push({ directive: d.name, raw: arg, ms: parseNginxTime(arg), location: loc(d) });
          continue;
        case 'worker_processes':
          if (!main) continue;
          if (model.workerProcesses) duplicate(d);
          else if (arg !== undefined) model.workerProcesses = { value: arg, location: loc(d) };
          continue;
        default:
          continue;
      }
      if (arg === undefined) continue;
      if (d.name === 'lua_code_cache') {
        // Anything but a literal "off" (e.g. a template placeholder) is taken as on.
        settings.codeCache = arg.toLowerCase() !== 'off';
        model.codeCache.push({ value: arg, location: loc(d), context: [...context] });
      } else if (d.name === 'lua_socket_keepalive_timeout') {
        const ms = parseNginxTime(arg);
        if (ms !== null) settings.keepaliveTimeoutMs = ms;
        model.keepaliveTimeouts.push({ ms, raw: arg, location: loc(d) });
      } else if (d.name === 'lua_socket_pool_size') {
        if (/^\d+$/.test(arg) && Number(arg) > 0) settings.poolSize = Number(arg);
      } else {
        model.packagePaths.push({ pattern: arg, location: loc(d) });
      }
    }
    for (const d of list) {
      const entry = luaEntry(d, context, settings, vars);
      if (entry) model.entries.push(server ? { ...entry, server } : entry);
      if (!d.children) continue;
      const inner = blockVariables(d.children, d.name === 'server' ? NO_VARIABLES : d.name === 'location' ? serverVars : vars);
      walk(d.children, [...context, blockName(d)], settings, false, d.name === 'server' ? loc(d) : server, inner, d.name === 'server' ? inner : serverVars);
    }
  };

  walk(parsed.directives, [], { ...DEFAULT_SETTINGS }, true);
  model.errors.push(...duplicateErrors);
  return model;
}

/** A block as written: its name and parameters, e.g. `location /api` or `if ($x = 1)`. */
function blockName(d: Directive): string {
  return [d.nameToken.raw, ...d.args.map((a) => a.raw)].join(' ');
}

function luaEntry(d: Directive, context: string[], settings: EffectiveSettings, vars: SetVariables): LuaEntry | undefined {
  const m = LUA_NAME.exec(d.name);
  if (!m) return undefined;
  const info = luaDirective(d.name);
  const form = m[2] === '_block' ? 'block' : m[2] === '_file' ? 'file' : 'string';
  const phase = info?.phase ?? m[1];
  const base: Omit<LuaEntry, 'code' | 'filePath'> = {
    phase,
    form,
    directive: d.name,
    location: { file: d.file, offset: d.offset },
    cosocketAllowed: info ? info.cosocket : phaseAllowsCosocket(phase as LuaPhase) || EXTRA_COSOCKET_PHASES.has(phase),
    context: [...context],
    settings: { ...settings },
  };
  const file = d.file;
  if (form === 'block') {
    if (d.lua?.form !== 'block') return undefined; // never closed: only the parse error remains
    const { body, bodyOffset } = d.lua;
    return { ...base, code: { text: body, toConf: (o) => ({ file, offset: bodyOffset + o }) } };
  }
  // Known directives carry their code in d.lua; others (stream-lua's preread_by_lua, ...) take the first argument.
  const token: Token | undefined =
    d.lua && d.lua.form !== 'block' ? d.lua.token : !info && !d.children && !d.block ? d.args[0] : undefined;
  if (!token) return undefined;
  if (form === 'file') return { ...base, filePath: expandVariables(token.value, vars) };
  return { ...base, code: { text: token.value, toConf: (o) => ({ file, offset: tokenValueOffset(token, o) }) } };
}

/**
 * The directories a lua_package_path / lua_package_cpath searches, in order and without duplicates: each
 * `;`-separated template up to the path segment holding `?`. `;;` (the default path) adds nothing;
 * `$prefix` / `${prefix}` (the server prefix, which ends in `/`) are kept as a literal `$prefix` segment.
 * "/usr/local/app/lua/?.lua;/x/?/init.lua;;" → ["/usr/local/app/lua", "/x"].
 */
export function luaPackageRoots(pattern: string): string[] {
  const roots: string[] = [];
  for (const raw of pattern.split(';')) {
    let t = raw.trim();
    if (t === '') continue;
    t = t.replace(/\$\{prefix\}|\$prefix/g, '$prefix/');
    const segments = t.split('/');
    const q = segments.findIndex((s) => s.includes('?'));
    // A template without `?` names one file: its directory is what it reaches.
    const dirSegments = q >= 0 ? segments.slice(0, q) : segments.slice(0, -1);
    let dir = dirSegments.join('/');
    if (dir === '') dir = t.startsWith('/') ? '/' : '.';
    dir = posix.normalize(dir);
    if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
    if (!roots.includes(dir)) roots.push(dir);
  }
  return roots;
}

/**
 * nginx's ngx_parse_time for a milliseconds directive (ngx_conf_set_msec_slot): numbers with units
 * `w d h m s ms`, biggest first, optionally space-separated; a bare number is seconds. "60s" → 60000,
 * "10" → 10000, "1m 30s" → 90000. Invalid (what nginx rejects with "invalid value") → null.
 */
export function parseNginxTime(raw: string): number | null {
  const MAX = 2147483647;
  // Steps in nginx's order; a milliseconds value starts at st_month, so `y` and `M` are rejected.
  const ST = { month: 2, week: 3, day: 4, hour: 5, min: 6, sec: 7, msec: 8, last: 9 };
  let step = ST.month;
  let valid = false;
  let value = 0;
  let total = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c.charCodeAt(0) - 48);
      valid = true;
      i++;
      continue;
    }
    i++;
    let scale: number;
    let max: number;
    switch (c) {
      case 'w':
        if (step >= ST.week) return null;
        step = ST.week;
        scale = 60 * 60 * 24 * 7;
        break;
      case 'd':
        if (step >= ST.day) return null;
        step = ST.day;
        scale = 60 * 60 * 24;
        break;
      case 'h':
        if (step >= ST.hour) return null;
        step = ST.hour;
        scale = 60 * 60;
        break;
      case 'm':
        if (raw[i] === 's') {
          if (step >= ST.msec) return null;
          i++;
          step = ST.msec;
          scale = 1;
          break;
        }
        if (step >= ST.min) return null;
        step = ST.min;
        scale = 60;
        break;
      case 's':
        if (step >= ST.sec) return null;
        step = ST.sec;
        scale = 1;
        break;
      case ' ':
        if (step >= ST.sec) return null;
        step = ST.last;
        scale = 1;
        break;
      default:
        return null;
    }
    max = Math.floor(MAX / scale);
    if (step !== ST.msec) {
      scale *= 1000;
      max = Math.floor(max / 1000);
    }
    if (value > max) return null;
    total += value * scale;
    if (total > MAX) return null;
    value = 0;
    while (i < raw.length && raw[i] === ' ') i++;
  }
  return valid ? total + value * 1000 : null;
}

/**
 * The scanned Lua file a `*_by_lua_file` path names. The server prefix is unknown, so the path (without a leading
 * `$prefix`/`${prefix}`, `./`, `/`) is matched by path suffix at a segment boundary, in either direction: the path
 * ends with the scanned file, or the scanned file ends with the path. The longest common suffix wins, then the
 * shortest scanned path; a remaining tie, or an nginx variable in the path, gives undefined.
 * `$prefix/lua/app.lua` → `lua/app.lua`.
 */
export function mapLuaFile(filePath: string, luaFiles: readonly string[]): string | undefined {
  const p = filePath.trim().replace(/^(?:\$\{prefix\}|\$prefix)/, '');
  if (p.includes('$')) return undefined;
  const want = segmentsOf(p);
  if (want.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  let bestLength = 0;
  let tie = false;
  // Only files with the same last segment can match: look those up instead of scanning every file.
  const named = filesByBaseName(luaFiles).get(want[want.length - 1]);
  if (!named) return undefined;
  const segs = (named.segs ??= named.files.map(segmentsOf));
  for (let i = 0; i < named.files.length; i++) {
    const f = named.files[i];
    const have = segs[i];
    const n = Math.min(want.length, have.length);
    let common = 0;
    while (common < n && want[want.length - 1 - common] === have[have.length - 1 - common]) common++;
    if (common === 0 || common < n) continue;
    if (common > bestScore || (common === bestScore && have.length < bestLength)) {
      best = f;
      bestScore = common;
      bestLength = have.length;
      tie = false;
    } else if (common === bestScore && have.length === bestLength && f !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** The scanned files by last path segment, built once per file list, and their segments once a path with that
 *  last segment is mapped (those of every file were 4 MB of a 10k-file run's heap, for the whole run). */
const baseNameIndex = new WeakMap<readonly string[], Map<string, { files: string[]; segs?: string[][] }>>();

function filesByBaseName(luaFiles: readonly string[]): Map<string, { files: string[]; segs?: string[][] }> {
  let index = baseNameIndex.get(luaFiles);
  if (!index) {
    index = new Map();
    for (const file of luaFiles) {
      const segs = segmentsOf(file);
      if (segs.length === 0) continue;
      const base = segs[segs.length - 1];
      const named = index.get(base);
      if (named) named.files.push(file);
      else index.set(base, { files: [file] });
    }
    baseNameIndex.set(luaFiles, index);
  }
  return index;
}

/** A path's segments after normalizing, without leading `/`, `.` and `..`. */
function segmentsOf(p: string): string[] {
  const segs = posix.normalize(p.replace(/\\/g, '/')).split('/').filter((s) => s !== '' && s !== '.');
  while (segs[0] === '..') segs.shift();
  return segs;
}

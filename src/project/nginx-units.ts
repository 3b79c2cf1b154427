// nginx.conf files → Lua units (inline *_by_lua code) and entry points for *_by_lua_file scripts, plus the
// settings rules read (lua_code_cache, lua_socket_keepalive_timeout). Findings point into the .conf files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileFacts, Span } from '../analysis/file-facts.ts';
import { offsetsOf, pointsOf } from '../analysis/fact-points.ts';
import { interpretChunk } from '../analysis/interpret/chunk.ts';
import type { UnitInput } from '../link/link-unit.ts';
import type { Finding, SourceSpan } from '../core/findings.ts';
import { DEFAULT_LUA_SYNTAX, parseLuaText, type LuaSyntax } from '../lua/parse-lua.ts';
import type { EntryPoint } from '../model/project-model.ts';
import { filesUnder } from '../files/discover.ts';
import { nodeConfFiles, parseNginxConf, type ConfFiles, type NginxConf, type ScannedTree } from '../nginx/include.ts';
import { buildNginxModel, DEFAULT_SETTINGS, mapLuaFile, type ConfLocation, type LuaEntry } from '../nginx/nginx-model.ts';
import type { SourceText } from '../source/source-text.ts';

export type Draft = Omit<Finding, 'fingerprint'>;

export interface NginxSetting {
  value: string;
  location: SourceSpan;
}

export interface NginxFacts {
  /** Every `lua_code_cache` directive. */
  codeCache: NginxSetting[];
  /** lua_socket_keepalive_timeout in force where no location overrides it (http level, else the default). */
  defaultKeepaliveTimeoutMs: number;
  workerProcesses?: NginxSetting;
  /** Every lua_socket_{connect,send,read,keepalive}_timeout directive. */
  socketTimeouts: Array<{ directive: string; value: string; ms: number | null; location: SourceSpan }>;
}

export interface NginxUnits {
  units: UnitInput[];
  /** Entry points of *_by_lua_file directives, by the scanned Lua file they run. */
  fileEntries: Map<string, EntryPoint[]>;
  /** Effective lua_socket_keepalive_timeout per unit path (inline code and *_by_lua_file scripts). */
  keepaliveTimeoutMs: Map<string, number>;
  facts: NginxFacts;
  sources: Map<string, SourceText>;
  diagnostics: Draft[];
}

/** nginx files larger than this are not read (the config's maxFileBytes, as for Lua files). */
export const DEFAULT_MAX_CONF_BYTES = 4 * 1024 * 1024;

export function loadNginxUnits(
  cwd: string,
  candidates: readonly string[],
  luaFiles: readonly string[],
  syntax: LuaSyntax = DEFAULT_LUA_SYNTAX,
  maxBytes: number = DEFAULT_MAX_CONF_BYTES,
): NginxUnits {
  const out: NginxUnits = {
    units: [],
    fileEntries: new Map(),
    keepaliveTimeoutMs: new Map(),
    facts: { codeCache: [], defaultKeepaliveTimeoutMs: DEFAULT_SETTINGS.keepaliveTimeoutMs, socketTimeouts: [] },
    sources: new Map(),
    diagnostics: [],
  };
  const rel = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/');
  const tree = scannedTree(cwd, candidates);
  const parsed: NginxConf[] = [];
  // A 100 MB nginx.conf takes seconds and gigabytes: files over the limit are read as empty, with a note.
  const oversized = new Map<string, number>();
  const files: ConfFiles = {
    ...nodeConfFiles,
    read(p) {
      const size = fileSize(p);
      if (size !== undefined && size > maxBytes) {
        oversized.set(p, size);
        return Buffer.alloc(0);
      }
      return nodeConfFiles.read(p);
    },
  };
  for (const c of candidates) {
    try {
      parsed.push(parseNginxConf(files, path.resolve(cwd, c), { tree, display: rel }));
    } catch (e) {
      // nginx itself gives up long before such depth; one such file must not lose the others.
      if (!(e instanceof RangeError)) throw e;
      out.diagnostics.push(diag('not-analyzed', 'note', 'nginx configuration nested too deeply to analyze (stack exhausted); it was skipped', { file: c, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }));
    }
  }
  for (const [abs, size] of oversized) {
    const message = `Not analyzed: ${size} bytes is over the ${maxBytes}-byte limit for a file (maxFileBytes in the config file); it was read as empty.`;
    out.diagnostics.push(diag('not-analyzed', 'note', message, { file: rel(abs), startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }));
  }
  const mains = mainConfigs(parsed);
  for (const conf of mains) {
    for (const [file, text] of conf.sources) out.sources.set(rel(file), text);
    const at = (loc: ConfLocation, length = 1): SourceSpan => {
      const text = conf.sources.get(loc.file);
      const p = text ? text.position(loc.offset) : { line: 1, column: 1 };
      const q = text ? text.position(loc.offset + length) : p;
      return { file: rel(loc.file), startLine: p.line, startColumn: p.column, endLine: q.line, endColumn: q.column };
    };
    let model: ReturnType<typeof buildNginxModel>;
    try {
      model = buildNginxModel(conf);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      out.diagnostics.push(diag('not-analyzed', 'note', 'nginx configuration nested too deeply to analyze (stack exhausted); it was skipped', at({ file: conf.mainPath, offset: 0 })));
      continue;
    }
    for (const e of model.errors) out.diagnostics.push(diag('syntax-error', 'error', `nginx configuration error: ${e.message}`, at(e)));
    out.diagnostics.push(...includeNotes(conf, rel, at));
    for (const c of model.codeCache) out.facts.codeCache.push({ value: c.value, location: at(c.location, 'lua_code_cache'.length) });
    if (model.workerProcesses && !out.facts.workerProcesses) {
      out.facts.workerProcesses = { value: model.workerProcesses.value, location: at(model.workerProcesses.location) };
    }
    for (const t of model.keepaliveTimeouts) out.facts.socketTimeouts.push({ directive: 'lua_socket_keepalive_timeout', value: t.raw, ms: t.ms, location: at(t.location, 'lua_socket_keepalive_timeout'.length) });
    for (const t of model.socketTimeouts) out.facts.socketTimeouts.push({ directive: t.directive, value: t.raw, ms: t.ms, location: at(t.location, t.directive.length) });
    const httpTimeout = model.keepaliveTimeouts.find((t) => t.ms !== null);
    if (httpTimeout?.ms != null) out.facts.defaultKeepaliveTimeoutMs = httpTimeout.ms;

    for (const entry of model.entries) {
      const ep: EntryPoint = {
        directive: entry.directive,
        phase: entry.phase,
        cosocketAllowed: entry.cosocketAllowed,
        location: at(entry.location, entry.directive.length),
        nginx: { resolver: entry.settings.resolver === 'unknown' ? null : entry.settings.resolver === true, ...(entry.server ? { server: at(entry.server, 'server'.length) } : {}) },
      };
      if (entry.form === 'file') {
        const target = entry.filePath ? mapLuaFile(entry.filePath, luaFiles) : undefined;
        if (!target) continue;
        out.fileEntries.set(target, [...(out.fileEntries.get(target) ?? []), ep]);
        out.keepaliveTimeoutMs.set(target, entry.settings.keepaliveTimeoutMs);
        continue;
      }
      const unit = inlineUnit(entry, ep, at, out.diagnostics, syntax);
      if (unit) {
        out.units.push(unit);
        out.keepaliveTimeoutMs.set(unit.path, entry.settings.keepaliveTimeoutMs);
      }
    }
  }
  return out;
}

/**
 * What the analysis may read (docs/semantics.md §5.4): the directory it runs in, and the directory of any
 * configuration given outside it. The file list (for absolute includes matched by path suffix) is made on first
 * use only, without node_modules, .git and what .gitignore excludes.
 */
function scannedTree(cwd: string, candidates: readonly string[]): ScannedTree {
  const roots = [path.resolve(cwd)];
  for (const c of candidates) {
    const dir = path.dirname(path.resolve(cwd, c));
    if (!roots.some((r) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep))) roots.push(dir);
  }
  let list: string[] | undefined;
  return { roots, files: () => (list ??= [...new Set(roots.flatMap((r) => filesUnder(cwd, r, '**/*', true)))]) };
}

/**
 * The unresolved-include notes of one main configuration: one per include not read, and one per directory an
 * absolute include path was taken as (however many includes it served). Paths in messages are project-relative
 * or as written in the configuration, never where this run found them.
 */
function includeNotes(conf: NginxConf, rel: (abs: string) => string, at: (loc: ConfLocation, length?: number) => SourceSpan): Draft[] {
  const out: Draft[] = [];
  const goesOn = 'the analysis went on without it';
  for (const u of conf.unresolved) {
    if (!conf.sources.has(u.file)) {
      // The main file itself was not read.
      out.push(diag('unresolved-include', 'note', `${u.path} is a symbolic link to outside the scanned tree, so it was not read; ${goesOn}.`, at(u, 0)));
      continue;
    }
    let message: string;
    if (u.reason === 'missing') {
      message = `The included file "${u.path}" is not in the scanned tree (nginx reads it as ${rel(u.expected!)}): generated at deploy time, or installed on the server? ${cap(goesOn)}.`;
    } else if (u.reason === 'outside') {
      message = `The included path "${u.path}" is outside the scanned tree and was not read (resty-lint reads nothing outside it); ${goesOn}.`;
    } else {
      message = `The included path "${u.path}" is not in the scanned tree, and several files there end like it (${names(u.candidates!.map(rel))}), none nearer to this configuration than the others, so none was read; ${goesOn}.`;
    }
    out.push(diag('unresolved-include', 'note', message, at(u, 'include'.length)));
  }
  // One note per directory taken for a deployment path, at its first include.
  const groups = new Map<string, NginxConf['bySuffix']>();
  for (const m of conf.bySuffix) {
    const key = `${m.deployedAs}\0${m.treeDir}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const dir = rel(first.treeDir);
    const shown = dir === '' ? '' : `${dir}/`;
    const more = list.length > 1 ? `; the same for ${list.length - 1} more include${list.length > 2 ? 's' : ''} under "${first.deployedAs}" in this configuration` : '';
    const message =
      `The included path "${first.path}" is not in the scanned tree; ${shown}${first.tail} was read instead, ` +
      `taking "${first.deployedAs}" for ${shown || './'} (matched by path suffix${more}).`;
    out.push(diag('unresolved-include', 'note', message, at(first, 'include'.length)));
  }
  return out;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** Up to three paths, then how many more. */
function names(paths: string[]): string {
  if (paths.length > 3) return `${paths.slice(0, 2).join(', ')} and ${paths.length - 2} more`;
  return paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}

/** Inline Lua becomes a unit named after its directive's position; its spans map back into the .conf. */
function inlineUnit(entry: LuaEntry, ep: EntryPoint, at: (loc: ConfLocation, length?: number) => SourceSpan, diagnostics: Draft[], syntax: LuaSyntax): UnitInput | undefined {
  const code = entry.code;
  if (!code) return undefined;
  const unitPath = `${ep.location.file}:${ep.location.startLine}:${ep.location.startColumn}`;
  // Loaded with loadbuffer, so LuaJIT skips a `#` first line here too (docs/semantics.md §9.1).
  const parsed = parseLuaText(code.text, syntax);
  if (!parsed.ok) {
    diagnostics.push(diag('syntax-error', 'error', `Syntax error in ${entry.directive}: ${parsed.message}`, at(code.toConf(parsed.offset))));
    return undefined;
  }
  const locate = ([start, end]: Span): SourceSpan => {
    const a = at(code.toConf(start));
    const b = at(code.toConf(Math.max(start, end - 1)));
    return { ...a, endLine: b.endLine, endColumn: b.endColumn };
  };
  const facts = interpretChunk(parsed.chunk);
  return { path: unitPath, facts, locate, entries: [ep], digest: inlineDigest(facts, locate) };
}

/** What an inline block's facts and their places are made from (UnitInput.digest): it is interpreted again on every
 *  run, and a partial relink takes its last results while the facts and the places they name stay the same. */
function inlineDigest(facts: FileFacts, locate: (span: Span) => SourceSpan): string {
  return createHash('sha256').update(JSON.stringify(facts)).update('\0').update(JSON.stringify(pointsOf(offsetsOf(facts), locate))).digest('hex');
}

function fileSize(abs: string): number | undefined {
  try {
    return fs.statSync(abs).size;
  } catch {
    return undefined;
  }
}

/** Configs that no other candidate includes: the ones nginx is started with. */
function mainConfigs(parsed: NginxConf[]): NginxConf[] {
  const includedBy = new Map<string, Set<string>>();
  for (const p of parsed) {
    for (const f of p.sources.keys()) {
      if (f === p.mainPath) continue;
      const set = includedBy.get(f) ?? new Set();
      set.add(p.mainPath);
      includedBy.set(f, set);
    }
  }
  return parsed.filter((p) => {
    const parents = includedBy.get(p.mainPath);
    // Included by another config that it does not include back (a cycle keeps both).
    return !parents || [...parents].every((q) => includedBy.get(q)?.has(p.mainPath));
  });
}

export function diag(ruleId: string, level: Finding['level'], message: string, location: SourceSpan): Draft {
  return { ruleId, level, message, location, related: [] };
}

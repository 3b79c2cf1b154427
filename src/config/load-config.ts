// Finds, parses and validates the project configuration. Config files are plain data (JSON or YAML 1.2 core
// schema), never executed. Validation is strict: any key, type or value the linter would not use is an error
// naming its key path, so a typo never silently turns a setting off.
import fs from 'node:fs';
import path from 'node:path';
import { isAlias, parseDocument, visit } from 'yaml';
import {
  CONFIG_FILE_NAMES,
  CONFIG_KEYS,
  ConfigError,
  DEFAULT_WRAPPER_ARGUMENT,
  DEFAULT_WRAPPER_CLIENT,
  defaultConfig,
  RULE_LEVEL_SETTINGS,
  WRAPPER_KEYS,
  WRAPPER_KINDS,
  type ResolvedConfig,
  type RuleLevelSetting,
  type WrapperKind,
  type WrapperSpec,
} from './config.ts';

export interface LoadConfigOptions {
  cwd: string;
  /** `--config PATH` (relative to cwd): used instead of searching; a missing file is an error. */
  explicitPath?: string;
  knownRuleIds: readonly string[];
  /** Client profile modules (CLIENT_PROFILES' `module`s) a wrapper's `client` may name. */
  knownClients: readonly string[];
}

/** Loads `explicitPath`, or the nearest `.resty-lint.{json,yaml,yml}` from cwd upwards (stopping at the
 *  filesystem root or after the first directory that contains `.git`); defaults when there is none.
 *  Throws ConfigError for anything wrong with the file. */
export function loadConfig(opts: LoadConfigOptions): ResolvedConfig {
  const cwd = path.resolve(opts.cwd);
  const display = (abs: string): string => toPosix(path.relative(cwd, abs)) || '.';
  let file: string | undefined;
  if (opts.explicitPath !== undefined) {
    file = path.resolve(cwd, opts.explicitPath);
    const st = statOrUndefined(file);
    if (!st) throw new ConfigError('', `${display(file)}: config file not found`);
    if (st.isDirectory()) throw new ConfigError('', `${display(file)}: is a directory, expected a config file`);
  } else {
    file = findConfigFile(cwd, display);
  }
  if (!file) return defaultConfig();
  const shown = display(file);
  const raw = parseConfigFile(file, shown);
  return validate(raw, {
    file: shown,
    cwd,
    configDir: path.dirname(file),
    knownRuleIds: opts.knownRuleIds,
    knownClients: opts.knownClients,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Discovery

function findConfigFile(cwd: string, display: (abs: string) => string): string | undefined {
  let dir = cwd;
  for (;;) {
    const present = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).filter((p) => statOrUndefined(p) !== undefined);
    if (present.length > 1) {
      const others = present.slice(1).map(display);
      throw new ConfigError('', `${display(present[0])}: conflicts with ${others.join(' and ')} in the same directory; keep only one config file`);
    }
    if (present.length === 1) return present[0];
    if (statOrUndefined(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

type Format = 'json' | 'yaml';

function formatOf(file: string, shown: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  throw new ConfigError('', `${shown}: unsupported config file type "${ext || path.basename(file)}" (expected .json, .yaml or .yml)`);
}

function parseConfigFile(file: string, shown: string): unknown {
  const format = formatOf(file, shown);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError('', `${shown}: cannot read config file (${err.code ?? err.message})`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const syntaxError = (offset: number, message: string): ConfigError => {
    const { line, column } = lineColumn(text, offset);
    return new ConfigError('', `${shown}:${line}:${column}: invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`);
  };
  if (format === 'json') {
    try {
      return parseJson(text);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw syntaxError(e.offset, e.message);
      throw e;
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, stringKeys: true, merge: false });
  // Warnings are errors here: an unresolved tag would silently become a string.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const message = problem.code === 'MULTIPLE_DOCS' ? 'a config file holds one YAML document, found more than one' : problem.message;
    throw syntaxError(problem.pos[0], message);
  }
  let unresolved: { source: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (!unresolved && isAlias(node) && node.resolve(doc) === undefined) unresolved = { source: node.source, offset: node.range?.[0] ?? 0 };
    },
  });
  if (unresolved) throw syntaxError(unresolved.offset, `alias *${unresolved.source} refers to no anchor defined before it`);
  // An empty document (nothing but comments) is an empty config.
  if (doc.contents === null) return {};
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError('', `${shown}: invalid YAML: ${(e as Error).message}`);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_JSON_DEPTH = 200;

/** RFC 8259 JSON with error offsets (V8's JSON.parse messages do not always carry one) and duplicate keys
 *  rejected (JSON.parse silently keeps the last). */
function parseJson(text: string): unknown {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = (): string => (pos >= text.length ? 'end of file' : JSON.stringify(text[pos]));
  const skipWs = (): void => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else break;
    }
  };
  const expectChar = (c: string, what: string): void => {
    skipWs();
    if (text[pos] !== c) fail(`expected ${what}, got ${found()}`);
    pos++;
  };
  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const code = text.charCodeAt(pos);
      if (code === 0x22) break;
      if (code < 0x20) fail('control character in string (escape it)');
      if (code === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('invalid \\u escape in string');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail('invalid escape in string');
      } else pos++;
    }
    pos++; // closing quote
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const parseValue = (depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH) fail('nested too deeply');
    skipWs();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail(`expected a double-quoted property name, got ${found()}`);
        const keyAt = pos;
        const key = parseString();
        if (Object.hasOwn(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
        expectChar(':', "':' after the property name");
        // defineProperty: a "__proto__" key stays a plain property.
        Object.defineProperty(obj, key, { value: parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        fail(`expected ',' or '}' after a property value, got ${found()}`);
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        fail(`expected ',' or ']' after an array element, got ${found()}`);
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    JSON_NUMBER.lastIndex = pos;
    const m = JSON_NUMBER.exec(text);
    if (m && m[0] !== '-') {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(`expected a value, got ${found()}`);
  };
  const value = parseValue(0);
  skipWs();
  if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

interface Ctx {
  file: string;
  cwd: string;
  configDir: string;
  knownRuleIds: readonly string[];
  knownClients: readonly string[];
}

const LUA_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LUA_MODULE = /^[^\s./][^\s]*$/;

function validate(raw: unknown, ctx: Ctx): ResolvedConfig {
  const fail = (key: string, detail: string): never => {
    throw new ConfigError(key, `${ctx.file}: ${key}: ${detail}`);
  };
  if (!isPlainObject(raw)) throw new ConfigError('', `${ctx.file}: expected an object at the top level, got ${describe(raw)}`);
  const config = defaultConfig();
  config.file = ctx.file;

  for (const key of Object.keys(raw)) {
    if (!CONFIG_KEYS.includes(key)) fail(keyPath('', key), unknownKey(key, CONFIG_KEYS));
  }
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') fail('$schema', `expected a string, got ${describe(raw.$schema)}`);

  if (raw.rules !== undefined) {
    if (!isPlainObject(raw.rules)) fail('rules', `expected an object mapping rule ids to levels, got ${describe(raw.rules)}`);
    const rules = raw.rules as Record<string, unknown>;
    for (const id of Object.keys(rules)) {
      const key = keyPath('rules', id);
      if (!ctx.knownRuleIds.includes(id)) fail(key, `unknown rule id (known: ${ctx.knownRuleIds.join(', ')})`);
      const level = rules[id];
      if (typeof level !== 'string' || !(RULE_LEVEL_SETTINGS as readonly string[]).includes(level)) {
        fail(key, `expected one of ${RULE_LEVEL_SETTINGS.join(', ')}, got ${describe(level)}`);
      }
      config.rules[id] = level as RuleLevelSetting;
    }
  }

  const stringList = (key: string): string[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(key, `expected an array of strings, got ${describe(v)}`);
    return v.map((item, i) => {
      if (typeof item !== 'string' || item.length === 0) fail(`${key}[${i}]`, `expected a non-empty string, got ${describe(item)}`);
      return item as string;
    });
  };
  config.ignore = stringList('ignore').map((pattern, i) => {
    const negated = pattern.startsWith('!');
    if (negated && pattern.length === 1) fail(`ignore[${i}]`, 'expected a pattern after "!"');
    return (negated ? '!' : '') + relativeGlob(negated ? pattern.slice(1) : pattern, ctx);
  });
  config.nginxConf = stringList('nginxConf').map((p) => relativePath(p, ctx));
  config.luaRoots = stringList('luaRoots').map((p) => relativePath(p, ctx));

  if (raw.cacheDir !== undefined) {
    if (typeof raw.cacheDir !== 'string' || raw.cacheDir.length === 0) fail('cacheDir', `expected a non-empty string, got ${describe(raw.cacheDir)}`);
    config.cacheDir = relativePath(raw.cacheDir as string, ctx);
  }

  if (raw.maxFileBytes !== undefined) {
    const v = raw.maxFileBytes;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) fail('maxFileBytes', `expected a positive integer, got ${describe(v)}`);
    config.maxFileBytes = v as number;
  }

  if (raw.wrappers !== undefined) {
    if (!Array.isArray(raw.wrappers)) fail('wrappers', `expected an array of wrapper objects, got ${describe(raw.wrappers)}`);
    const seen = new Map<string, number>();
    (raw.wrappers as unknown[]).forEach((w, i) => {
      const spec = validateWrapper(w, `wrappers[${i}]`, ctx, fail);
      const id = `${spec.module}\0${spec.function}`;
      const first = seen.get(id);
      if (first !== undefined) fail(`wrappers[${i}]`, `${spec.module}.${spec.function} is already declared by wrappers[${first}]`);
      seen.set(id, i);
      config.wrappers.push(spec);
    });
  }
  return config;
}

function validateWrapper(w: unknown, at: string, ctx: Ctx, fail: (key: string, detail: string) => never): WrapperSpec {
  if (!isPlainObject(w)) return fail(at, `expected an object with module, function and kind, got ${describe(w)}`);
  for (const key of Object.keys(w)) {
    if (!WRAPPER_KEYS.includes(key)) fail(keyPath(at, key), unknownKey(key, WRAPPER_KEYS));
  }
  for (const key of ['module', 'function', 'kind']) {
    if (w[key] === undefined) fail(`${at}.${key}`, 'required key is missing');
  }
  if (typeof w.module !== 'string' || !LUA_MODULE.test(w.module)) {
    fail(`${at}.module`, `expected a Lua module name as required (e.g. "app.store"), got ${describe(w.module)}`);
  }
  if (typeof w.function !== 'string' || !LUA_IDENTIFIER.test(w.function)) {
    fail(`${at}.function`, `expected a function name in the module's table (e.g. "acquire", also for Mod:acquire methods), got ${describe(w.function)}`);
  }
  if (typeof w.kind !== 'string' || !(WRAPPER_KINDS as readonly string[]).includes(w.kind)) {
    fail(`${at}.kind`, `expected one of ${WRAPPER_KINDS.join(', ')}, got ${describe(w.kind)}`);
  }
  const kind = w.kind as WrapperKind;
  const spec: WrapperSpec = { module: w.module as string, function: w.function as string, kind };
  if (kind === 'acquire') {
    if (w.argument !== undefined) fail(`${at}.argument`, `only allowed when kind is "release-long" or "release-short" (kind is "acquire")`);
    if (w.client !== undefined && (typeof w.client !== 'string' || !ctx.knownClients.includes(w.client))) {
      fail(`${at}.client`, `expected one of ${ctx.knownClients.join(', ')}, got ${describe(w.client)}`);
    }
    spec.client = (w.client as string | undefined) ?? DEFAULT_WRAPPER_CLIENT;
    if (w.pool !== undefined) {
      if (typeof w.pool !== 'string' || w.pool.length === 0) fail(`${at}.pool`, `expected a non-empty string (the pool key), got ${describe(w.pool)}`);
      spec.pool = w.pool as string;
    }
  } else {
    for (const key of ['client', 'pool']) {
      if (w[key] !== undefined) fail(`${at}.${key}`, `only allowed when kind is "acquire" (kind is "${kind}")`);
    }
    const arg = w.argument;
    if (arg !== undefined && (typeof arg !== 'number' || !Number.isSafeInteger(arg) || arg <= 0)) {
      fail(`${at}.argument`, `expected a positive integer (1-based argument index), got ${describe(arg)}`);
    }
    spec.argument = (arg as number | undefined) ?? DEFAULT_WRAPPER_ARGUMENT;
  }
  return spec;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
    case 'boolean':
      return String(v);
    case 'object':
      return isPlainObject(v) ? 'an object' : `a ${(v as object).constructor?.name ?? 'value'}`;
    default:
      return typeof v;
  }
}

/** `rules.pool-mixed-lifecycle`, `wrappers[0].kind`; keys that are not plain words are quoted: `rules["a b"]`. */
function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

function unknownKey(key: string, known: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const guess = known.find((k) => norm(k) === norm(key));
  return `unknown key${guess ? `, did you mean "${guess}"?` : ''} (known: ${known.join(', ')})`;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** A path written relative to the config file's directory, made relative to cwd. */
function relativePath(p: string, ctx: Ctx): string {
  return toPosix(path.relative(ctx.cwd, path.resolve(ctx.configDir, p))) || '.';
}

/** A fast-glob pattern written relative to the config file's directory, made relative to cwd. Patterns are
 *  rewritten textually (`vendor/**` → `../vendor/**`); glob syntax passes through untouched. */
function relativeGlob(pattern: string, ctx: Ctx): string {
  if (path.posix.isAbsolute(pattern)) return toPosix(path.relative(ctx.cwd, pattern)) || '.';
  const prefix = toPosix(path.relative(ctx.cwd, ctx.configDir));
  return path.posix.normalize(prefix ? `${prefix}/${pattern}` : pattern);
}

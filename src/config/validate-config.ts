// Validation of a parsed config file (plain data from JSON or YAML) into a ResolvedConfig. Strict: any key, type
// or value the linter would not use is an error naming its key path, so a typo never silently turns a setting
// off. Paths and globs written relative to the config file are rewritten relative to cwd here.
import path from 'node:path';
import {
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

/** Where the config came from: `file` as shown in messages, and the directories its paths are relative to. */
export interface ValidationContext {
  file: string;
  cwd: string;
  configDir: string;
  knownRuleIds: readonly string[];
  knownClients: readonly string[];
}

const LUA_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LUA_MODULE = /^[^\s./][^\s]*$/;

/** The config `raw` describes, over the defaults; throws ConfigError naming the first bad key. */
export function validateConfig(raw: unknown, ctx: ValidationContext): ResolvedConfig {
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

  if (raw.lua52Compat !== undefined) {
    if (typeof raw.lua52Compat !== 'boolean') fail('lua52Compat', `expected true or false, got ${describe(raw.lua52Compat)}`);
    config.lua52Compat = raw.lua52Compat as boolean;
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

function validateWrapper(w: unknown, at: string, ctx: ValidationContext, fail: (key: string, detail: string) => never): WrapperSpec {
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

/** Also used by load-config.ts for the file names it shows. */
export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** A path written relative to the config file's directory, made relative to cwd. */
function relativePath(p: string, ctx: ValidationContext): string {
  return toPosix(path.relative(ctx.cwd, path.resolve(ctx.configDir, p))) || '.';
}

/** A fast-glob pattern written relative to the config file's directory, made relative to cwd. Patterns are
 *  rewritten textually (`vendor/**` → `../vendor/**`); glob syntax passes through untouched. */
function relativeGlob(pattern: string, ctx: ValidationContext): string {
  if (path.posix.isAbsolute(pattern)) return toPosix(path.relative(ctx.cwd, pattern)) || '.';
  const prefix = toPosix(path.relative(ctx.cwd, ctx.configDir));
  return path.posix.normalize(prefix ? `${prefix}/${pattern}` : pattern);
}

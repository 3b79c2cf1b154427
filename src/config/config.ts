// The project configuration (`.resty-lint.json`, `.resty-lint.yaml`, `.resty-lint.yml`): types, key names and
// defaults. Loading lives in load-config.ts, validation in validate-config.ts; schema/resty-lint.schema.json describes the same
// shape for editors (test/config/schema.test.ts keeps the two in step).

export type RuleLevelSetting = 'off' | 'note' | 'warning' | 'error';
export const RULE_LEVEL_SETTINGS: readonly RuleLevelSetting[] = ['off', 'note', 'warning', 'error'];

export type WrapperKind = 'acquire' | 'release-long' | 'release-short';
export const WRAPPER_KINDS: readonly WrapperKind[] = ['acquire', 'release-long', 'release-short'];

/** A project function that hands out or takes back a client, so calls to it count as connect/release. */
export interface WrapperSpec {
  /** Lua module name as required, e.g. "app.store". */
  module: string;
  /** Function name in that module's table, e.g. "acquire" (a `Mod:fn` method is written "fn" too). */
  function: string;
  /** acquire: returns a connected client; release-long: pools its argument (set_keepalive);
   *  release-short: closes its argument. */
  kind: WrapperKind;
  /** acquire only: the client profile module of the returned client. Filled with DEFAULT_WRAPPER_CLIENT when
   *  the config leaves it out. */
  client?: string;
  /** acquire only: the pool key the returned client is connected to (literal). */
  pool?: string;
  /** release-* only: 1-based index of the argument holding the client; for a method call `a:release(red)`
   *  the client is argument 1 (self is not counted). Filled with 1 when the config leaves it out. */
  argument?: number;
}

export interface ResolvedConfig {
  /** Path of the config file used, relative to cwd with `/` separators; absent when none was found. */
  file?: string;
  /** Only the rules the config sets; rules it does not mention keep their default level. */
  rules: Record<string, RuleLevelSetting>;
  /** fast-glob patterns of paths to skip, relative to cwd (`!` negations keep their `!`). */
  ignore: string[];
  /** Extra nginx config paths, relative to cwd. */
  nginxConf: string[];
  /** Extra Lua module root directories, relative to cwd. */
  luaRoots: string[];
  wrappers: WrapperSpec[];
  /** Cache directory, relative to cwd. */
  cacheDir?: string;
  /** Files larger than this are not analyzed. */
  maxFileBytes: number;
  /** The LuaJIT that runs the code was built with LUAJIT_ENABLE_LUA52COMPAT (OpenResty's default build): decides
   *  what is a syntax error (docs/semantics.md §9.3). */
  lua52Compat: boolean;
}

/** Searched in this order in each directory; more than one in the same directory is an error. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.resty-lint.json', '.resty-lint.yaml', '.resty-lint.yml'];

/** Keys allowed at the top level. `$schema` lets JSON files name the schema for editors; it is ignored. */
export const CONFIG_KEYS: readonly string[] = ['$schema', 'rules', 'ignore', 'nginxConf', 'luaRoots', 'wrappers', 'cacheDir', 'maxFileBytes', 'lua52Compat'];
export const WRAPPER_KEYS: readonly string[] = ['module', 'function', 'kind', 'client', 'pool', 'argument'];

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
/** OpenResty's util/configure builds its LuaJIT with -DLUAJIT_ENABLE_LUA52COMPAT unless --without-luajit-lua52. */
export const DEFAULT_LUA52_COMPAT = true;
export const DEFAULT_WRAPPER_CLIENT = 'resty.redis';
export const DEFAULT_WRAPPER_ARGUMENT = 1;

/** The configuration used when no config file is found. */
export function defaultConfig(): ResolvedConfig {
  return { rules: {}, ignore: [], nginxConf: [], luaRoots: [], wrappers: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES, lua52Compat: DEFAULT_LUA52_COMPAT };
}

/** A config file that cannot be found, read, parsed or validated. The CLI reports the message and exits 2.
 *  `key` is the offending key path (`wrappers[2].kind`, `rules.pool-mixed`), or '' for the file as a whole;
 *  the message starts with the config file's path (relative to cwd). */
export class ConfigError extends Error {
  constructor(
    public readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

// The config loader: discovery, JSON/YAML parsing, strict validation with exact messages, path rewriting.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.ts';
import { CLIENT_PROFILES } from '../../src/clients/profiles.ts';
import { CONFIG_KEYS, ConfigError, DEFAULT_MAX_FILE_BYTES, defaultConfig, WRAPPER_KEYS, type ResolvedConfig } from '../../src/config/config.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const KNOWN = { knownRuleIds: RULES.map((r) => r.meta.id), knownClients: CLIENT_PROFILES.map((p) => p.module) };
const RULE_IDS = KNOWN.knownRuleIds.join(', ');
const CLIENTS = KNOWN.knownClients.join(', ');
const TOP_KEYS = CONFIG_KEYS.join(', ');
const W_KEYS = WRAPPER_KEYS.join(', ');

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let sandboxes = 0;

/** A fresh directory tree whose root holds `.git`, so the upward search never leaves it. */
function sandbox(files: Record<string, string>): string {
  const root = join(tmp, `s${++sandboxes}`);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    if (rel.endsWith('/')) mkdirSync(join(root, rel), { recursive: true });
    else writeFileSync(join(root, rel), content);
  }
  return root;
}

function load(cwd: string, explicitPath?: string): ResolvedConfig {
  return loadConfig({ cwd, explicitPath, ...KNOWN });
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config discovery', () => {
  it('returns the defaults when there is no config file', () => {
    const root = sandbox({ 'src/a.lua': '' });
    const config = load(join(root, 'src'));
    expect(config).toEqual(defaultConfig());
    expect(config.file).toBeUndefined();
    expect(config.maxFileBytes).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(DEFAULT_MAX_FILE_BYTES).toBe(4 * 1024 * 1024);
    // OpenResty's own build of LuaJIT has LUA52COMPAT on (docs/semantics.md §9.3).
    expect(config.lua52Compat).toBe(true);
  });

  for (const name of ['.resty-lint.json', '.resty-lint.yaml', '.resty-lint.yml']) {
    it(`finds ${name} in the working directory`, () => {
      const root = sandbox({ [name]: name.endsWith('.json') ? '{ "maxFileBytes": 10 }' : 'maxFileBytes: 10\n' });
      expect(load(root)).toMatchObject({ file: name, maxFileBytes: 10 });
    });
  }

  it('prefers the working directory over its parents', () => {
    const root = sandbox({ '.resty-lint.json': '{ "maxFileBytes": 1 }', 'app/.resty-lint.yml': 'maxFileBytes: 2', 'app/src/x/': '' });
    expect(load(join(root, 'app'))).toMatchObject({ file: '.resty-lint.yml', maxFileBytes: 2 });
    expect(load(join(root, 'app/src/x'))).toMatchObject({ file: '../../.resty-lint.yml', maxFileBytes: 2 });
    expect(load(root)).toMatchObject({ file: '.resty-lint.json', maxFileBytes: 1 });
  });

  it('searches parent directories and stops at the first one containing .git', () => {
    const root = sandbox({ '.resty-lint.json': '{ "maxFileBytes": 1 }', 'repo/.git/HEAD': '', 'repo/src/lib/': '' });
    // The repository root is still searched (a config next to .git is found)...
    writeFileSync(join(root, 'repo/.resty-lint.yaml'), 'maxFileBytes: 3\n');
    expect(load(join(root, 'repo/src/lib'))).toMatchObject({ file: '../../.resty-lint.yaml', maxFileBytes: 3 });
    // ...but nothing above it.
    rmSync(join(root, 'repo/.resty-lint.yaml'));
    expect(load(join(root, 'repo/src/lib'))).toEqual(defaultConfig());
    expect(load(join(root, 'repo'))).toEqual(defaultConfig());
  });

  it('treats a .git file (worktree, submodule) as a repository root too', () => {
    const root = sandbox({ '.resty-lint.json': '{}', 'sub/.git': 'gitdir: ../.git/modules/sub\n', 'sub/src/': '' });
    expect(load(join(root, 'sub/src')).file).toBeUndefined();
  });

  it('rejects two config files in one directory, naming both', () => {
    const root = sandbox({ '.resty-lint.json': '{}', '.resty-lint.yaml': '', 'src/': '' });
    const e = errorOf(() => load(root));
    expect(e.key).toBe('');
    expect(e.message).toBe('.resty-lint.json: conflicts with .resty-lint.yaml in the same directory; keep only one config file');
    expect(errorOf(() => load(join(root, 'src'))).message).toBe(
      '../.resty-lint.json: conflicts with ../.resty-lint.yaml in the same directory; keep only one config file',
    );
    writeFileSync(join(root, '.resty-lint.yml'), '');
    expect(errorOf(() => load(root)).message).toBe(
      '.resty-lint.json: conflicts with .resty-lint.yaml and .resty-lint.yml in the same directory; keep only one config file',
    );
  });

  it('uses an explicit --config path instead of searching', () => {
    // The discovered file would fail; the explicit one is the only one read.
    const root = sandbox({ '.resty-lint.json': '{ "bogus": 1 }', 'ci/lint.yaml': 'luaRoots: [../lib]\n' });
    expect(load(root, 'ci/lint.yaml')).toMatchObject({ file: 'ci/lint.yaml', luaRoots: ['lib'] });
    expect(load(root, join(root, 'ci/lint.yaml')).file).toBe('ci/lint.yaml');
    expect(errorOf(() => load(join(root, 'ci'), '../.resty-lint.json')).message).toBe(`../.resty-lint.json: bogus: unknown key (known: ${TOP_KEYS})`);
  });

  it('reports a missing, directory or unsupported explicit path', () => {
    const root = sandbox({ 'conf.toml': '', 'dir.json/': '' });
    const missing = errorOf(() => load(root, 'nope.json'));
    expect(missing.key).toBe('');
    expect(missing.message).toBe('nope.json: config file not found');
    expect(errorOf(() => load(root, 'dir.json')).message).toBe('dir.json: is a directory, expected a config file');
    expect(errorOf(() => load(root, 'conf.toml')).message).toBe('conf.toml: unsupported config file type ".toml" (expected .json, .yaml or .yml)');
  });
});

describe('config formats', () => {
  const fixture = (name: string) => load(REPO_ROOT, `fixtures/config/valid/${name}`);

  it('reads JSON and YAML to the same configuration', () => {
    const json = fixture('full.json');
    const yaml = fixture('full.yaml');
    expect(json.file).toBe('fixtures/config/valid/full.json');
    expect(yaml.file).toBe('fixtures/config/valid/full.yaml');
    expect({ ...yaml, file: undefined }).toEqual({ ...json, file: undefined });
    expect(json).toEqual({
      file: 'fixtures/config/valid/full.json',
      rules: { 'pool-mixed-lifecycle': 'error', 'keepalive-unbounded-idle': 'off', 'pool-size-conflict': 'warning' },
      ignore: ['fixtures/config/valid/vendor/**', '!fixtures/config/valid/vendor/keep/**', 'fixtures/config/valid/**/*_spec.lua'],
      nginxConf: ['fixtures/config/valid/conf/nginx.conf'],
      luaRoots: ['fixtures/config/valid/lib', 'fixtures/config/valid/lua'],
      wrappers: [
        { module: 'app.store', function: 'acquire', kind: 'acquire', client: 'resty.redis', pool: '127.0.0.1:6379' },
        { module: 'app.store', function: 'release', kind: 'release-long', argument: 1 },
        { module: 'app.db', function: 'get', kind: 'acquire', client: 'resty.mysql' },
        { module: 'app.db', function: 'put', kind: 'release-short', argument: 2 },
      ],
      cacheDir: 'fixtures/config/valid/.cache/resty-lint',
      maxFileBytes: 1048576,
      lua52Compat: false,
    });
  });

  it('fills wrapper defaults: client resty.redis for acquire, argument 1 for release', () => {
    const { wrappers } = fixture('wrappers.yml');
    expect(wrappers[0]).toEqual({ module: 'app.redis', function: 'get', kind: 'acquire', client: 'resty.redis' });
    expect(wrappers[1]).toEqual({ module: 'app.redis', function: 'put', kind: 'release-long', argument: 1 });
    expect(wrappers[2]).toEqual({ module: 'app.redis', function: 'drop', kind: 'release-short', argument: 3 });
    expect(wrappers.filter((w) => w.kind === 'acquire').map((w) => w.client)).toEqual(expect.arrayContaining(KNOWN.knownClients));
  });

  it('reads an empty object, a comments-only or empty YAML file and a BOM as the defaults', () => {
    expect(fixture('empty-object.json')).toEqual({ ...defaultConfig(), file: 'fixtures/config/valid/empty-object.json' });
    expect(fixture('comments-only.yml')).toEqual({ ...defaultConfig(), file: 'fixtures/config/valid/comments-only.yml' });
    const root = sandbox({ 'a.yaml': '', 'b.json': '\uFEFF{ "maxFileBytes": 5 }', 'c.yaml': '\uFEFFmaxFileBytes: 6' });
    expect(load(root, 'a.yaml')).toEqual({ ...defaultConfig(), file: 'a.yaml' });
    expect(load(root, 'b.json').maxFileBytes).toBe(5);
    expect(load(root, 'c.yaml').maxFileBytes).toBe(6);
  });

  it('reads YAML 1.2: off and no are strings, anchors and aliases work', () => {
    const root = sandbox({
      '.resty-lint.yaml': 'rules: { syntax-error: off }\nignore: &ign [a/**]\nnginxConf: *ign\n',
      'b.yaml': 'rules: { syntax-error: no }\n',
    });
    expect(load(root)).toMatchObject({ rules: { 'syntax-error': 'off' }, ignore: ['a/**'], nginxConf: ['a/**'] });
    expect(errorOf(() => load(root, 'b.yaml')).message).toBe('b.yaml: rules.syntax-error: expected one of off, note, warning, error, got "no"');
  });

  it('rejects an empty JSON file, non-string YAML keys and __proto__ keys', () => {
    const root = sandbox({ 'a.json': '', 'b.yaml': '[a]: 1\n', 'c.json': '{ "__proto__": { "rules": {} } }', 'd.json': '{ "rules": { "__proto__": "off" } }' });
    expect(errorOf(() => load(root, 'a.json')).message).toBe('a.json:1:1: invalid JSON: expected a value, got end of file');
    expect(errorOf(() => load(root, 'b.yaml')).message).toBe('b.yaml:1:1: invalid YAML: With stringKeys, all keys must be strings');
    expect(errorOf(() => load(root, 'c.json')).message).toBe(`c.json: __proto__: unknown key (known: ${TOP_KEYS})`);
    expect(errorOf(() => load(root, 'd.json')).message).toBe(`d.json: rules.__proto__: unknown rule id (known: ${RULE_IDS})`);
    expect(({} as Record<string, unknown>).rules).toBeUndefined();
  });

  it('quotes key paths that are not plain words', () => {
    const root = sandbox({ 'a.json': '{ "rules": { "pool mixed": "off" } }', 'b.yaml': '"my key": 1\n' });
    expect(errorOf(() => load(root, 'a.json')).key).toBe('rules["pool mixed"]');
    expect(errorOf(() => load(root, 'b.yaml')).message).toBe(`b.yaml: ["my key"]: unknown key (known: ${TOP_KEYS})`);
  });
});

describe('config validation', () => {
  // Every file in fixtures/config/invalid, the key path its ConfigError names, and its exact message (after
  // "<file>: " or "<file>:<line>:<col>: ").
  const INVALID: Record<string, [key: string, message: string]> = {
    'top-level-array.json': ['', 'expected an object at the top level, got an array'],
    'unknown-top-key.json': ['nginx_conf', `unknown key, did you mean "nginxConf"? (known: ${TOP_KEYS})`],
    'unknown-top-key-plain.yaml': ['rule', `unknown key (known: ${TOP_KEYS})`],
    'schema-not-string.json': ['$schema', 'expected a string, got 7'],
    'rules-not-object.json': ['rules', 'expected an object mapping rule ids to levels, got an array'],
    'unknown-rule.json': ['rules.pool-mixed', `unknown rule id (known: ${RULE_IDS})`],
    'bad-level.yaml': ['rules.syntax-error', 'expected one of off, note, warning, error, got "warn"'],
    'level-boolean.yaml': ['rules.pool-size-conflict', 'expected one of off, note, warning, error, got false'],
    'ignore-not-array.yaml': ['ignore', 'expected an array of strings, got "vendor/**"'],
    'ignore-empty-string.json': ['ignore[1]', 'expected a non-empty string, got ""'],
    'ignore-bare-negation.json': ['ignore[0]', 'expected a pattern after "!"'],
    'nginxconf-item-number.json': ['nginxConf[1]', 'expected a non-empty string, got 1'],
    'luaroots-not-array.json': ['luaRoots', 'expected an array of strings, got an object'],
    'cachedir-boolean.json': ['cacheDir', 'expected a non-empty string, got true'],
    'maxfilebytes-string.yaml': ['maxFileBytes', 'expected a positive integer, got "4MB"'],
    'maxfilebytes-zero.json': ['maxFileBytes', 'expected a positive integer, got 0'],
    'maxfilebytes-fraction.json': ['maxFileBytes', 'expected a positive integer, got 1.5'],
    'lua52compat-string.yaml': ['lua52Compat', 'expected true or false, got "false"'],
    'lua52compat-yes.yaml': ['lua52Compat', 'expected true or false, got "yes"'],
    'lua52compat-number.json': ['lua52Compat', 'expected true or false, got 0'],
    'lua52compat-key-case.json': ['lua52compat', `unknown key, did you mean "lua52Compat"? (known: ${TOP_KEYS})`],
    'wrappers-not-array.json': ['wrappers', 'expected an array of wrapper objects, got an object'],
    'wrapper-not-object.json': ['wrappers[0]', 'expected an object with module, function and kind, got "app.store.acquire"'],
    'wrapper-missing-module.json': ['wrappers[0].module', 'required key is missing'],
    'wrapper-missing-function.yaml': ['wrappers[0].function', 'required key is missing'],
    'wrapper-missing-kind.yaml': ['wrappers[0].kind', 'required key is missing'],
    'wrapper-bad-kind.json': ['wrappers[2].kind', 'expected one of acquire, release-long, release-short, got "aquire"'],
    'wrapper-unknown-key.json': ['wrappers[0].clinet', `unknown key (known: ${W_KEYS})`],
    'wrapper-key-case.yaml': ['wrappers[0].Pool', `unknown key, did you mean "pool"? (known: ${W_KEYS})`],
    'wrapper-bad-client.json': ['wrappers[0].client', `expected one of ${CLIENTS}, got "redis"`],
    'wrapper-client-on-release.yaml': ['wrappers[0].client', 'only allowed when kind is "acquire" (kind is "release-long")'],
    'wrapper-pool-on-release.json': ['wrappers[0].pool', 'only allowed when kind is "acquire" (kind is "release-short")'],
    'wrapper-pool-empty.json': ['wrappers[0].pool', 'expected a non-empty string (the pool key), got ""'],
    'wrapper-argument-on-acquire.json': ['wrappers[0].argument', 'only allowed when kind is "release-long" or "release-short" (kind is "acquire")'],
    'wrapper-argument-zero.json': ['wrappers[0].argument', 'expected a positive integer (1-based argument index), got 0'],
    'wrapper-argument-string.yaml': ['wrappers[0].argument', 'expected a positive integer (1-based argument index), got "2"'],
    'wrapper-function-dotted.json': [
      'wrappers[0].function',
      'expected a function name in the module\'s table (e.g. "acquire", also for Mod:acquire methods), got "store:acquire"',
    ],
    'wrapper-module-space.json': ['wrappers[0].module', 'expected a Lua module name as required (e.g. "app.store"), got "app store"'],
    'wrapper-duplicate.yaml': ['wrappers[2]', 'app.store.acquire is already declared by wrappers[0]'],
    // Syntax errors: line and column of the parser.
    'syntax-trailing-comma.json': ['', '4:3: invalid JSON: expected a double-quoted property name, got "}"'],
    'syntax-bad-literal.json': ['', '2:14: invalid JSON: expected a value, got "t"'],
    'syntax-duplicate-key.json': ['', '3:3: invalid JSON: duplicate key "maxFileBytes"'],
    'syntax-unterminated.json': ['', '1:19: invalid JSON: control character in string (escape it)'],
    'syntax-indent.yaml': ['', '3:1: invalid YAML: Sequence item without - indicator'],
    'syntax-duplicate-key.yaml': ['', '2:1: invalid YAML: Map keys must be unique'],
    'syntax-two-documents.yaml': ['', '2:1: invalid YAML: a config file holds one YAML document, found more than one'],
    'syntax-unknown-tag.yaml': ['', '1:11: invalid YAML: Unresolved tag: !env'],
    'syntax-undefined-alias.yaml': ['', '1:9: invalid YAML: alias *patterns refers to no anchor defined before it'],
  };

  it('has an expectation for every invalid fixture', () => {
    expect(Object.keys(INVALID).sort()).toEqual(readdirSync(join(REPO_ROOT, 'fixtures/config/invalid')).sort());
  });

  for (const [name, [key, message]] of Object.entries(INVALID)) {
    it(`${name}: ${key || '(file)'}`, () => {
      const file = `fixtures/config/invalid/${name}`;
      const e = errorOf(() => load(REPO_ROOT, file));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.name).toBe('ConfigError');
      expect(e.key).toBe(key);
      const sep = /^\d+:\d+: /.test(message) ? ':' : ': ';
      const path = key ? `${key}: ` : '';
      expect(e.message).toBe(`${file}${sep}${path}${message}`);
    });
  }

  it('checks keys in a fixed order, not file order: unknown keys, then rules, ..., maxFileBytes, wrappers', () => {
    const root = sandbox({ 'a.json': '{ "maxFileBytes": 0, "rules": { "x": "off" } }', 'b.json': '{ "wrappers": 1, "maxFileBytes": 0, "x": 1 }' });
    expect(errorOf(() => load(root, 'a.json')).key).toBe('rules.x');
    expect(errorOf(() => load(root, 'b.json')).key).toBe('x');
  });

  it('accepts the largest safe integer and rejects non-integers and Infinity', () => {
    const root = sandbox({ 'a.json': `{ "maxFileBytes": ${Number.MAX_SAFE_INTEGER} }`, 'b.yaml': 'maxFileBytes: .inf', 'c.json': '{ "maxFileBytes": 1e400 }' });
    expect(load(root, 'a.json').maxFileBytes).toBe(Number.MAX_SAFE_INTEGER);
    expect(errorOf(() => load(root, 'b.yaml')).message).toBe('b.yaml: maxFileBytes: expected a positive integer, got Infinity');
    expect(errorOf(() => load(root, 'c.json')).message).toBe('c.json: maxFileBytes: expected a positive integer, got Infinity');
  });
});

describe('config paths', () => {
  const config = JSON.stringify({
    ignore: ['vendor/**', '!vendor/keep/**', '**/*_spec.lua', './gen/', '../outside/**'],
    nginxConf: ['conf/nginx.conf', '/etc/nginx/nginx.conf'],
    luaRoots: ['.', 'lib/', '../shared'],
    cacheDir: '.cache',
  });

  it('keeps paths of a config in the working directory as written (normalized)', () => {
    const root = sandbox({ 'proj/.resty-lint.json': config });
    expect(load(join(root, 'proj'))).toMatchObject({
      ignore: ['vendor/**', '!vendor/keep/**', '**/*_spec.lua', 'gen/', '../outside/**'],
      nginxConf: ['conf/nginx.conf', relativeTo(join(root, 'proj'), '/etc/nginx/nginx.conf')],
      luaRoots: ['.', 'lib', '../shared'],
      cacheDir: '.cache',
    });
  });

  it('rewrites paths of a config in a parent directory relative to the working directory', () => {
    const root = sandbox({ 'proj/.resty-lint.json': config, 'proj/src/app/': '' });
    expect(load(join(root, 'proj/src/app'))).toMatchObject({
      file: '../../.resty-lint.json',
      ignore: ['../../vendor/**', '!../../vendor/keep/**', '../../**/*_spec.lua', '../../gen/', '../../../outside/**'],
      nginxConf: ['../../conf/nginx.conf', relativeTo(join(root, 'proj/src/app'), '/etc/nginx/nginx.conf')],
      luaRoots: ['../..', '../../lib', '../../../shared'],
      cacheDir: '../../.cache',
    });
  });

  it('rewrites paths of an explicit config in a subdirectory', () => {
    const root = sandbox({ 'ci/lint.json': config });
    expect(load(root, 'ci/lint.json')).toMatchObject({
      file: 'ci/lint.json',
      ignore: ['ci/vendor/**', '!ci/vendor/keep/**', 'ci/**/*_spec.lua', 'ci/gen/', 'outside/**'],
      nginxConf: ['ci/conf/nginx.conf', relativeTo(root, '/etc/nginx/nginx.conf')],
      luaRoots: ['ci', 'ci/lib', 'shared'],
      cacheDir: 'ci/.cache',
    });
  });
});

function relativeTo(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

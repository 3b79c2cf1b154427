// Finds and parses the project configuration, then hands it to validateConfig (validate-config.ts). Config files
// are plain data (JSON via the strict parser in strict-json.ts, or YAML 1.2 core schema), never executed.
import fs from 'node:fs';
import path from 'node:path';
import { isAlias, parseDocument, visit } from 'yaml';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, type ResolvedConfig } from './config.ts';
import { JsonSyntaxError, parseJson } from './strict-json.ts';
import { toPosix, validateConfig } from './validate-config.ts';

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
  return validateConfig(raw, {
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

/** A config file is a few kilobytes; 33 MB of ignore patterns aborted V8. Larger files are an error, not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

function parseConfigFile(file: string, shown: string): unknown {
  const format = formatOf(file, shown);
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new ConfigError('', `${shown}: config file is ${size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a config file (it was not read)`);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
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

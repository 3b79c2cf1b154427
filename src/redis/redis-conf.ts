// redis.conf reader for the few settings the pool rules compare with nginx (docs/semantics.md §6).
//
// Syntax as Redis's loadServerConfigFromString (src/config.c) reads it: the text is split at `\n`, each line is
// trimmed of " \t\r\n", empty lines and lines starting with `#` are skipped, the rest is split with sdssplitargs
// (src/sds.c: blanks separate arguments; "double quotes" with \n \r \t \b \a \xHH escapes; 'single quotes' with
// \' only; a closing quote must be followed by a blank or the end), and the directive name is lower-cased.
// A setting given twice takes the last value. `include` is recorded, not followed.

export interface RedisConf {
  port?: number;
  /** `timeout N`: idle client connections are closed after N seconds (0 = never). */
  timeout?: { seconds: number; offset: number };
  maxclients?: { value: number; offset: number };
  /** The addresses of the last `bind`. */
  bind?: string[];
  /** `include path` lines, in order (not followed). */
  includes: { path: string; offset: number }[];
  /** Lines Redis refuses to load; offsets are line starts. */
  errors: { offset: number; message: string }[];
}

/** Integer settings read here: name → inclusive range (from Redis 7's standardConfig table). */
const INT_RANGES: Record<string, [number, number]> = {
  port: [0, 65535],
  timeout: [0, 2147483647],
  maxclients: [1, 4294967295],
};

/**
 * Reads one redis.conf. `text` is the file's content (e.g. SourceText.latin1, so offsets are SourceText offsets).
 * Offsets point at the start of the directive's line. `file` is not read (the caller owns file names).
 */
export function parseRedisConf(text: string, file: string): RedisConf {
  void file;
  const out: RedisConf = { includes: [], errors: [] };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const offset = lineStart;
    const line = trim(text.slice(lineStart, lineEnd));
    lineStart = lineEnd + 1;
    if (line === '' || line[0] === '#') continue;

    const argv = splitArgs(line);
    if (argv === undefined) {
      out.errors.push({ offset, message: `Unbalanced quotes in configuration line` });
      continue;
    }
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    const args = argv.slice(1);

    if (name === 'include') {
      if (args.length !== 1) out.errors.push({ offset, message: `wrong number of arguments for "include"` });
      else out.includes.push({ path: args[0], offset });
      continue;
    }
    if (name === 'bind') {
      // A multi-argument setting: a single argument is itself split at blanks ("bind '127.0.0.1 ::1'").
      const list = args.length === 1 && args[0] !== '' ? (splitArgs(args[0]) ?? [args[0]]) : args;
      if (list.length === 0) out.errors.push({ offset, message: `wrong number of arguments for "bind"` });
      else out.bind = list;
      continue;
    }
    const range = INT_RANGES[name];
    if (!range) continue;
    if (args.length !== 1) {
      out.errors.push({ offset, message: `wrong number of arguments for "${name}"` });
      continue;
    }
    const value = parseInteger(args[0]);
    if (value === undefined) {
      out.errors.push({ offset, message: `"${name}" argument couldn't be parsed into an integer` });
      continue;
    }
    if (value < range[0] || value > range[1]) {
      out.errors.push({ offset, message: `"${name}" argument must be between ${range[0]} and ${range[1]} inclusive` });
      continue;
    }
    if (name === 'port') out.port = value;
    else if (name === 'timeout') out.timeout = { seconds: value, offset };
    else out.maxclients = { value, offset };
  }
  return out;
}

/** sdstrim(line, " \t\r\n"). */
function trim(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** string2ll's accepted form: optional `-`, no leading zeros, no `+`, no blanks. */
function parseInteger(s: string): number | undefined {
  if (!/^-?(?:0|[1-9][0-9]*)$/.test(s) || s === '-0') return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** C isspace in the "C" locale. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** sdssplitargs: the arguments of a line, or undefined for unbalanced quotes / a quote followed by a non-blank. */
export function splitArgs(line: string): string[] | undefined {
  const argv: string[] = [];
  let p = 0;
  const n = line.length;
  for (;;) {
    while (p < n && isSpace(line[p])) p++;
    if (p >= n) return argv;
    let current = '';
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = line[p];
      if (inq) {
        if (c === undefined) return undefined;
        if (c === '\\' && line[p + 1] === 'x' && isHex(line[p + 2]) && isHex(line[p + 3])) {
          current += String.fromCharCode(parseInt(line.slice(p + 2, p + 4), 16));
          p += 3;
        } else if (c === '\\' && p + 1 < n) {
          p++;
          const e = line[p];
          current += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (p + 1 < n && !isSpace(line[p + 1])) return undefined;
          done = true;
        } else {
          current += c;
        }
      } else if (insq) {
        if (c === undefined) return undefined;
        if (c === '\\' && line[p + 1] === "'") {
          p++;
          current += "'";
        } else if (c === "'") {
          if (p + 1 < n && !isSpace(line[p + 1])) return undefined;
          done = true;
        } else {
          current += c;
        }
      } else if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t') {
        done = true;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        current += c;
      }
      if (p < n) p++;
    }
    argv.push(current);
  }
}

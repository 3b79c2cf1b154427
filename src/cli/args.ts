// Command-line arguments of `resty-lint [paths...]` and `resty-lint pools [paths...]`.
import { LEVELS } from '../core/findings.ts';
import type { FailOn } from '../format/text.ts';
import type { AnalysisOptions } from '../project/run-project.ts';
import { FORMATS, POOLS_FORMATS, type Format, type PoolsFormat } from '../report/render.ts';

/** What the command line sets: everything but the rule registry, which the entry point passes in. */
type CliAnalysisOptions = Omit<AnalysisOptions, 'rules'>;


export interface Options extends CliAnalysisOptions {
  format: Format;
  output?: string;
  failOn: FailOn;
  color?: boolean;
  preCommit: boolean;
  writeBaseline?: string;
  /** Apply the mechanical fixes to the files, then report what remains. */
  fix?: boolean;
}

export const HELP = `Usage: resty-lint [paths...] [options]
       resty-lint --pre-commit [options] [files...]
       resty-lint pools [paths...] [--format text|json|html] [--output file]
       resty-lint lsp --stdio

Finds connection-pool misuse in OpenResty Lua code (resty.redis and other cosocket clients).
Paths are files or directories (default: .); node_modules, .git and what git ignores are skipped.
'resty-lint pools' lists every connection pool instead (resty-lint pools --help); to analyze a directory
named pools, write ./pools. 'resty-lint lsp --stdio' is a language server for editors (README: In the editor).

Options:
  -f, --format <text|sarif|json|compact|github>
                                          output format (default: text); github prints GitHub Actions
                                          annotations (at most 10 per level, most important first)
  -c, --config <file>                     config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>                 an nginx config to read besides those found (repeatable)
  -o, --output <file>                     write the report to a file instead of stdout (- is stdout)
      --fail-on <error|warning|note|none> lowest level that makes the exit code 1 (default: warning)
      --cache <dir> / --no-cache          per-file facts cache (default: node_modules/.cache/resty-lint when
                                          node_modules exists, or cacheDir from the config file)
      --baseline <file>                   report only findings that are not in this baseline file
      --write-baseline <file>             record the current findings in a baseline file (exit 0)
      --report-only <file>                analyze all the paths, but report (and count for the exit code) only
                                          findings located in this file or pointing into it (repeatable)
      --pre-commit                        for pre-commit hooks: the arguments that are not options are the
                                          files to report on (as with --report-only), and the project analyzed
                                          is the current directory
      --fix                               apply the mechanical fixes (SARIF \`fixes\`) to the files, then
                                          report what remains
      --color / --no-color                force colors on or off (default: on for a TTY, off with NO_COLOR)
  -v, --version                           print the version
  -h, --help                              print this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on, 2 usage error or internal failure.
`;

export const POOLS_HELP = `Usage: resty-lint pools [paths...] [options]

Lists every connection pool of the code: its key, client, server, pool_size and idle timeouts, the sites that
return its connections (set_keepalive), close them or never release them, the nginx entry points that reach
it, the findings that touch it, and the connections the pools may keep open against a Redis maxclients.
Numbers that rest on an assumption (worker_processes auto, a default pool_size, a default maxclients) say so.

Options:
  -f, --format <text|json|html>   output format (default: text); html is one self-contained page
  -o, --output <file>             write to a file instead of stdout (- is stdout; html source links are
                                  relative to the file)
  -c, --config <file>             config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>         an nginx config to read besides those found (repeatable)
  -h, --help                      print this help

Exit codes: 0 the inventory was written (findings do not change it), 2 usage or configuration error.
`;

export class UsageError extends Error {}

export interface PoolsOptions extends CliAnalysisOptions {
  format: PoolsFormat;
  output?: string;
}

/** Options that take a value (as the next argument), for finding the subcommand among the arguments. */
const VALUE_OPTIONS = new Set(['-f', '--format', '-o', '--output', '-c', '--config', '--nginx-conf', '--fail-on', '--report-only', '--baseline', '--write-baseline', '--cache']);

/** Index of the `pools` subcommand: the first argument that is neither an option nor an option's value. */
export function poolsCommandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (a.startsWith('-') && a !== '-') {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    return a === 'pools' ? i : -1;
  }
  return -1;
}

/**
 * Walks argv the way both commands read it: `--name=value` or `--name value`, `--` ends the options, and
 * everything else is a path. `option` handles one option (calling `take` for its value) and returns a
 * value to stop with (help/version), or undefined to go on; unknown options are usage errors.
 */
function scanArgs<Stop>(
  argv: readonly string[],
  paths: string[],
  option: (name: string, take: () => string) => Stop | undefined | false,
  command: string,
): Stop | undefined {
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const name = arg;
    let took = false;
    const take = (): string => {
      took = true;
      let v = inline;
      if (v === undefined) {
        v = argv[i + 1];
        if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
        i++;
      }
      if (v === '') throw new UsageError(`${name} needs a value (got an empty string)`);
      return v;
    };
    const stop = option(name, take);
    if (stop === false) throw new UsageError(`unknown option ${name}${command}`);
    // `--color=never`: a flag that takes no value must not quietly drop the one it was given.
    if (inline !== undefined && !took) throw new UsageError(`${name} takes no value (got "${name}=${inline}")`);
    if (stop !== undefined) return stop;
  }
  return undefined;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}" (expected one of: ${allowed.join(', ')})`);
  return value as T;
}

/** Options both commands share; false when `name` is not one of them. */
function commonOption(opts: CliAnalysisOptions & { output?: string }, name: string, take: () => string): boolean {
  switch (name) {
    case '-o':
    case '--output': {
      // `-o -` is stdout, as with most tools.
      const out = take();
      opts.output = out === '-' ? undefined : out;
      return true;
    }
    case '-c':
    case '--config':
      opts.config = take();
      return true;
    case '--nginx-conf':
      opts.nginxConf.push(take());
      return true;
    default:
      return false;
  }
}

export function parsePoolsArgs(argv: readonly string[]): PoolsOptions | 'help' {
  const opts: PoolsOptions = { paths: [], format: 'text', nginxConf: [] };
  const stop = scanArgs<'help'>(argv, opts.paths, (name, take) => {
    if (name === '-h' || name === '--help') return 'help';
    if (name === '-f' || name === '--format') opts.format = oneOf(take(), POOLS_FORMATS, 'pools format');
    else if (!commonOption(opts, name, take)) return false;
    return undefined;
  }, " for 'resty-lint pools'");
  return stop ?? opts;
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const opts: Options = { paths: [], format: 'text', failOn: 'warning', nginxConf: [], preCommit: false };
  const stop = scanArgs<'help' | 'version'>(argv, opts.paths, (name, take) => {
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format':
        opts.format = oneOf(take(), FORMATS, 'format');
        break;
      case '--fail-on': {
        const f = take();
        if (f !== 'none' && !(LEVELS as readonly string[]).includes(f)) throw new UsageError(`unknown --fail-on level "${f}" (expected error, warning, note or none)`);
        opts.failOn = f as FailOn;
        break;
      }
      case '--report-only':
        (opts.reportOnly ??= []).push(take());
        break;
      case '--pre-commit':
        opts.preCommit = true;
        break;
      case '--cache':
        opts.cache = take();
        break;
      case '--no-cache':
        opts.cache = false;
        break;
      case '--baseline':
        opts.baseline = take();
        break;
      case '--write-baseline':
        opts.writeBaseline = take();
        break;
      case '--fix':
        opts.fix = true;
        break;
      case '--color':
        opts.color = true;
        break;
      case '--no-color':
        opts.color = false;
        break;
      default:
        if (!commonOption(opts, name, take)) return false;
    }
    return undefined;
  }, '');
  if (stop) return stop;
  if (opts.preCommit) {
    // pre-commit appends the staged file names: they select what is reported, the whole checkout is analyzed.
    opts.reportOnly = [...(opts.reportOnly ?? []), ...opts.paths];
    opts.paths = [];
  }
  return opts;
}


// `include` resolution (docs/semantics.md §5.1): parseNginxConf reads the main file and every included file and splices
// each included file's directives in right after its `include` directive, in the same block, since nginx parses
// them in the context of the include. File access goes through ConfFiles so tests can use a memory file system.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

import { SourceText } from '../source/source-text.ts';
import { parseConfText, type ConfDiagnostic, type Directive, type ParsedConfFile } from './conf-tree.ts';
import { globFiles, type DirectoryLister } from './glob.ts';

/** What parseNginxConf reads. */
export interface ConfFiles extends DirectoryLister {
  /** The file's bytes, or undefined when it cannot be read (missing, a directory, no permission). */
  read(path: string): Buffer | undefined;
}

/** ConfFiles over the real file system. */
export const nodeConfFiles: ConfFiles = {
  read(path) {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};

export interface ParseNginxConfOptions {
  /** nginx's conf prefix, which relative `include` paths are resolved against. Default: the main file's directory. */
  confPrefix?: string;
  /** Include nesting limit (a safety net beside the cycle check). Default 64. */
  maxIncludeDepth?: number;
  /** Limit on the number of file parses an include tree may cost. Default 10000. */
  maxIncludedFiles?: number;
}

export interface NginxConf {
  mainPath: string;
  /** The main file's directives, with included files spliced in after each `include`. */
  directives: Directive[];
  /** Every file read, with its text (for positions: `sources.get(file).position(offset)`). */
  sources: Map<string, SourceText>;
  /** Tokenizer and include errors, per file; the same error in a file included twice is reported once. */
  errors: ConfDiagnostic[];
}

/**
 * Parses the main configuration file and everything it includes. Never throws for bad input: unreadable files,
 * include cycles and syntax errors become diagnostics, and the directives of the other files are still returned.
 */
export function parseNginxConf(files: ConfFiles, mainPath: string, options: ParseNginxConfOptions = {}): NginxConf {
  const confPrefix = options.confPrefix ?? dirname(mainPath);
  const maxDepth = options.maxIncludeDepth ?? 64;
  const maxParses = options.maxIncludedFiles ?? 10_000;
  const sources = new Map<string, SourceText>();
  const parsed = new Map<string, ParsedConfFile | undefined>();
  // Errors are returned in nginx's parse order (the first is the one nginx reports): each is keyed by the
  // offsets of the include directives that led to its file, then its own offset.
  const keyed: { key: number[]; error: ConfDiagnostic }[] = [];
  const seenErrors = new Set<string>();
  let parses = 0;

  const report = (e: ConfDiagnostic, includePath: number[]) => {
    const id = `${e.file}\0${e.offset}\0${e.message}`;
    if (seenErrors.has(id)) return;
    seenErrors.add(id);
    keyed.push({ key: [...includePath, e.offset], error: e });
  };
  const sortedErrors = (): ConfDiagnostic[] =>
    keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.error);

  const load = (path: string): ParsedConfFile | undefined => {
    if (parsed.has(path)) return parsed.get(path);
    const bytes = files.read(path);
    if (!bytes) {
      parsed.set(path, undefined);
      return undefined;
    }
    const source = new SourceText(bytes);
    sources.set(path, source);
    const result = parseConfText(source.latin1, path);
    if (source.bomLength > 0) {
      result.errors.unshift({
        file: path,
        offset: 0,
        message: 'the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name',
      });
    }
    parsed.set(path, result);
    return result;
  };

  // Copies a file's tree, following includes; `stack` holds the files being expanded (cycle check) and `at`
  // the offsets of the include directives that led there.
  const expand = (list: Directive[], stack: string[], at: number[]): Directive[] => {
    const out: Directive[] = [];
    for (const d of list) {
      const copy: Directive = { ...d };
      if (d.children) copy.children = expand(d.children, stack, at);
      out.push(copy);
      if (d.name !== 'include') continue;
      const includingFile = d.file;
      const here = (message: string) => report({ file: includingFile, offset: d.offset, message }, at);
      if (d.block) {
        here('directive "include" is not terminated by ";"');
        continue;
      }
      if (d.args.length !== 1) {
        here('invalid number of arguments in "include" directive');
        continue;
      }
      const pattern = isAbsolute(d.args[0].value) ? d.args[0].value : join(confPrefix, d.args[0].value);
      // nginx globs when the path has any of `*?[` (strpbrk), and sorts the matches; a glob may match nothing.
      const globbed = /[*?[]/.test(pattern) ? globFiles(files, pattern) : [pattern];
      const matched = globbed?.map((p) => resolve(p));
      if (matched === undefined) {
        here(`cannot expand the include pattern "${pattern}": no directory listing available`);
        continue;
      }
      copy.include = { pattern, files: matched };
      for (const path of matched) {
        if (stack.includes(path)) {
          // nginx itself recurses until it crashes (SIGSEGV from `nginx -t` with nginx 1.22).
          here(`include cycle: ${[...stack.slice(stack.indexOf(path)), path].join(' -> ')}`);
          continue;
        }
        if (stack.length > maxDepth) {
          here(`includes nested deeper than ${maxDepth} files`);
          continue;
        }
        if (++parses > maxParses) {
          here(`more than ${maxParses} included files; the rest are skipped`);
          continue;
        }
        const sub = load(path);
        if (!sub) {
          here(`open() "${path}" failed (cannot read the file)`);
          continue;
        }
        const subAt = [...at, d.offset];
        for (const e of sub.errors) report(e, subAt);
        out.push(...expand(sub.directives, [...stack, path], subAt));
      }
    }
    return out;
  };

  const main = resolve(mainPath);
  const root = load(main);
  if (!root) {
    report({ file: main, offset: 0, message: `open() "${main}" failed (cannot read the file)` }, []);
    return { mainPath: main, directives: [], sources, errors: sortedErrors() };
  }
  for (const e of root.errors) report(e, []);
  const directives = expand(root.directives, [main], []);
  return { mainPath: main, directives, sources, errors: sortedErrors() };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

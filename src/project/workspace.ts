// A project kept in memory for the language server: per-file facts stay in a memory cache (by content hash), the
// editor's unsaved buffers replace the files on disk, and each analysis re-reads the config, re-parses only the
// files whose text changed and relinks only the units that touches (src/link/relink.ts). The CLI's entry
// (analyzeProject) does the work.
import fs from 'node:fs';
import path from 'node:path';
import { discoverProject, type ProjectFiles } from './discover-project.ts';
import { FactsCache, type CachedFacts } from './facts-cache.ts';
import { FileSnapshot } from './file-snapshot.ts';
import { analyzeProject, type ProjectRun } from './run-project.ts';
import { rootRelative } from './project-root.ts';
import type { Rule } from '../model/rule.ts';
import { LinkMemory } from '../link/relink.ts';

/** Facts by content hash, in memory; entries no analysis asked for since the last prune are dropped. */
class MemoryFactsCache extends FactsCache {
  private entries = new Map<string, CachedFacts>();
  private readonly snapshots = new Map<string, FileSnapshot>();
  private used = new Set<string>();

  constructor() {
    super('');
  }

  override get(key: string): CachedFacts | undefined {
    this.used.add(key);
    const value = this.entries.get(key);
    if (value) this.hits++;
    else this.misses++;
    return value;
  }

  override set(key: string, value: CachedFacts): void {
    this.used.add(key);
    this.entries.set(key, value);
  }

  /** The snapshot stays in memory with the facts: an edit re-reads and re-hashes only the files that changed on
   *  disk (open buffers never go through it). */
  override snapshot(project: string, variant: string): FileSnapshot {
    const key = `${project}\0${variant}`;
    let s = this.snapshots.get(key);
    if (!s) this.snapshots.set(key, (s = new FileSnapshot(undefined)));
    return s;
  }

  /** None: the workspace always links (hover reads the model), and it has no directory to keep results in. */
  override results(): undefined {
    return undefined;
  }

  /** Keeps what the last analysis used: a workspace's memory follows its files, not its history. */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }
}

export interface WorkspaceAnalysis {
  run: ProjectRun;
  /** Files whose facts were computed (not found in memory) by this analysis. */
  parsed: number;
  /** Units linked again, and units whose last link results were taken as they were (src/link/relink.ts). */
  linked: number;
  kept: number;
  /** Units whose facts the link read: those it linked again and those their work read. */
  factsRead: number;
  ms: number;
}

export class Workspace {
  private readonly cache = new MemoryFactsCache();
  /** Each analysis relinks only the units an edit touches (src/link/relink.ts). */
  private readonly links = new LinkMemory();
  private readonly buffers = new Map<string, Buffer>();
  /** The last discovery, by its arguments: walking a large tree (and asking git for ignores) costs more than
   *  linking it, and the file set changes only when files are created, deleted or renamed (forgetFiles). */
  private found: { args: string; root: string; files: ProjectFiles } | undefined;

  /** `root`: the workspace folder (absolute); the config is found from it as the CLI finds it from cwd. */
  constructor(
    readonly root: string,
    private readonly rules: readonly Rule[],
    private readonly onWarning?: (message: string) => void,
  ) {}

  /** An open buffer's text (absolute path), or undefined when it is closed: the file on disk counts again. */
  setBuffer(file: string, text: string | undefined): void {
    if (text === undefined) this.buffers.delete(path.resolve(file));
    else this.buffers.set(path.resolve(file), Buffer.from(text, 'utf8'));
  }

  /** The set of files may have changed (created, deleted, renamed, a config or .gitignore edited). */
  forgetFiles(): void {
    this.found = undefined;
  }

  /** Analyzes the whole folder as `resty-lint .` run in it would, with the open buffers' text. Throws ConfigError. */
  analyze(): WorkspaceAnalysis {
    const start = performance.now();
    const before = this.cache.misses;
    const run = analyzeProject(this.root, { rules: this.rules, paths: [], nginxConf: [], overlay: this.buffers, factsCache: this.cache, linkMemory: this.links, needModel: true, onWarning: this.onWarning, discover: (root, paths, nginx) => this.discover(root, paths, nginx) });
    this.cache.prune();
    return { run, parsed: this.cache.misses - before, ...this.links.stats, ms: performance.now() - start };
  }

  /** Whether the last discovery found `file` (absolute) on disk: a file saved for the first time was not. */
  discovered(file: string): boolean {
    if (!this.found) return false;
    const rel = rootRelative(this.found.root, path.resolve(file));
    const { lua, nginx, redis } = this.found.files;
    return lua.includes(rel) || nginx.includes(rel) || redis.includes(rel);
  }

  private discover(root: string, paths: readonly string[], nginx: readonly string[] = []): ProjectFiles {
    const args = JSON.stringify([root, paths, nginx]);
    if (this.found?.args !== args) this.found = { args, root, files: discoverProject(root, paths, nginx) };
    const files = this.found.files;
    // A Lua buffer of a file not on disk yet (new, never saved) is analyzed as it is, like any open buffer.
    const unsaved = [...this.buffers.keys()]
      .filter((f) => f.endsWith('.lua') && !fs.existsSync(f))
      .map((f) => rootRelative(root, f))
      .filter((rel) => !rel.startsWith('../') && !files.lua.includes(rel));
    return unsaved.length === 0 ? files : { ...files, lua: [...files.lua, ...unsaved].sort() };
  }
}

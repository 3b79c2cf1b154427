// Link-time evaluation of symbolic values across files: requires become the other module's exports,
// calls become what the callee returns (with its parameters bound to the call's arguments).
import type { FactsSource } from './link-unit.ts';
import type { FileFacts } from '../analysis/file-facts.ts';
import type { ModuleResolver } from './module-resolver.ts';
import { profileFor } from '../clients/profiles.ts';
import { METATABLE_KEY, fieldOf, valueKey, type SymValue } from '../analysis/sym-value.ts';
import type { Wrappers } from './wrappers.ts';
import type { Env, Resolved } from './resolved.ts';
import { luaToString } from '../pool-keys/key-value.ts';
import type { PoolOrigin } from '../model/pool-key.ts';
import { paramOrigin } from './param-origin.ts';
import { AnswerLedger, type Made } from './answer-ledger.ts';
import { MAX_DEPTH, MAX_RESULTS, MAX_STEPS } from './resolver-limits.ts';

export type { Env, Resolved };

const UNKNOWN: Resolved = { r: 'unknown' };

/** A memo entry: the answer, and what the ledger keeps of how it was made. */
interface Entry extends Made {
  answer: Resolved[];
}

/** The memo's mark for a question whose answer is being worked out. */
const ANSWERING: Entry = { answer: [], height: 0, cost: 0, question: -1, reads: [] };

/** What a question asked on its own keeps of an answer made under a cut: its memo is dropped with it, so no later
 *  question reads these numbers. */
const MADE_ALONE: Made = Object.freeze({ height: 0, cost: 1, question: -1, reads: Object.freeze([]) });

export class ValueResolver {
  private depth = 0;
  private steps = 0;
  /** Answers by file, then by value and environment; ANSWERING while a question is being answered (met again
   *  inside its own answer, it is a cycle: unknown). */
  private memo = new Map<string, Map<string, Entry>>();
  /** A top-level question is being asked again on its own, with a memo of its own (answer-ledger.ts). */
  private alone = false;
  private readonly envs = new Map<string, Env>();
  private readonly roots = new Map<string, Env | null>();

  constructor(
    private readonly facts: FactsSource,
    private readonly modules: ModuleResolver,
    /** Declared wrappers (config file): what their calls return. */
    private readonly wrappers: Wrappers,
    /** Globals set by init_by_lua* code, which every handler sees. */
    private readonly globals: ReadonlyMap<string, { file: string; value: SymValue }> = new Map(),
    /** Keeps answers independent of the order questions are asked in; a partial relink's also learns what they
     *  read (answer-ledger.ts). */
    readonly ledger: AnswerLedger = new AnswerLedger(),
  ) {}

  factsOf(file: string): FileFacts | undefined {
    return this.facts.get(file);
  }

  /** The file a module name resolves to, unless it is a client library the analyzer models itself. */
  moduleFile(name: string): string | undefined {
    if (profileFor(name)) return undefined;
    const path = this.modules.resolve(name);
    const file = path && this.facts.has(path) ? path : undefined;
    this.ledger.resolved(name, file);
    return file;
  }

  /** Every value `v` (written in `file`, evaluated with `env`) may have; [unknown] when nothing is known. */
  resolve(file: string, v: SymValue, env: Env | null): Resolved[] {
    if (this.depth > 0) return this.ask(file, v, env);
    this.ledger.topLevel();
    this.steps = 0;
    const answer = this.ask(file, v, env);
    if (!this.ledger.mustAskAlone) return answer;
    // Cut short, or answered from the memo where working it out here would have been: asked again on its own.
    const shared = this.memo;
    this.memo = new Map();
    this.alone = true;
    this.steps = 0;
    try {
      return this.ask(file, v, env);
    } finally {
      this.memo = shared;
      this.alone = false;
    }
  }

  private ask(file: string, v: SymValue, env: Env | null): Resolved[] {
    const ledger = this.ledger;
    if (this.depth > MAX_DEPTH || ++this.steps > MAX_STEPS) {
      ledger.cut();
      return [UNKNOWN];
    }
    // A value that stands for itself needs no lookup, and nothing about it is worth remembering.
    const itself = immediate(file, v, env);
    if (itself) {
      ledger.leaf();
      return [itself];
    }
    let memo = this.memo.get(file);
    if (!memo) this.memo.set(file, (memo = new Map()));
    const key = `${valueKey(v)}|${env?.id ?? 0}`;
    const known = memo.get(key);
    if (known === ANSWERING) {
      ledger.cut();
      return [UNKNOWN];
    }
    if (known) {
      ledger.hit(known, this.depth, this.steps);
      return known.answer;
    }
    memo.set(key, ANSWERING);
    ledger.open();
    this.depth++;
    let result: Resolved[] | undefined;
    try {
      result = dedupe(this.resolveInner(file, v, env));
      return result;
    } finally {
      this.depth--;
      const made = ledger.close(result !== undefined);
      if (result !== undefined && made) memo.set(key, { answer: result, height: made.height, cost: made.cost, question: made.question, reads: made.reads });
      // On its own, the question keeps what it made under a cut, as a memo of its own always did.
      else if (result !== undefined && this.alone) memo.set(key, { answer: result, ...MADE_ALONE });
      else memo.delete(key);
    }
  }

  /** The interned environment for a call's arguments. */
  envFor(args: Env['args']): Env {
    const key = args.map((a) => `${a.file}|${valueKey(a.value)}|${a.env?.id ?? 0}`).join('\u0000');
    let env = this.envs.get(key);
    if (!env) {
      env = { id: this.envs.size + 1, args };
      this.envs.set(key, env);
    }
    return env;
  }

  /** The environment of function `fn` of `file` linked on its own: its parameters are unbound, and evaluate
   *  to symbols of their origin (`conf`, of plugin X or of this function); null when they have no names. */
  rootEnv(file: string, fn: number): Env | null {
    const key = `${file}#${fn}`;
    let env = this.roots.get(key);
    if (env === undefined) {
      const facts = this.facts.get(file);
      const origin = facts && paramOrigin(file, facts, fn);
      // Ids of root environments are negative: they never collide with interned argument lists.
      env = origin ? { id: -(this.roots.size + 1), args: [], root: origin } : null;
      this.roots.set(key, env);
    }
    return env;
  }

  /** An environment whose unbound arguments (written in `file` and evaluated with no environment) are
   *  evaluated with `root` instead: an object created by a call of the function `root` stands for. */
  rebind(env: Env, file: string, root: Env, depth = 0): Env {
    if (depth > MAX_DEPTH) return env;
    return this.envFor(env.args.map((a) => ({ ...a, env: a.env ? this.rebind(a.env, file, root, depth + 1) : a.file === file ? root : null })));
  }

  /** The single value `v` has, or unknown when it may have several. */
  resolveOne(file: string, v: SymValue, env: Env | null): Resolved {
    const all = this.resolve(file, v, env);
    return all.length === 1 ? all[0] : UNKNOWN;
  }

  private resolveInner(file: string, v: SymValue, env: Env | null): Resolved[] {
    switch (v.t) {
      case 'global': {
        // A global the file's own main chunk sets (`function connect_redis() ... end`), else one set by
        // init_by_lua* code, else a name outside the project.
        const own = fieldOf(this.facts.get(file)?.globals, v.name);
        if (own) return this.resolve(file, own, null);
        const set = this.globals.get(v.name);
        return set ? this.resolve(set.file, set.value, null) : [{ r: 'sym', text: v.name }];
      }
      case 'require': {
        const target = this.moduleFile(v.name);
        if (!target) return [{ r: 'sym', text: `require(${JSON.stringify(v.name)})` }];
        return this.resolve(target, this.facts.get(target)!.exports, null);
      }
      case 'param': {
        const arg = env?.args[v.index];
        if (arg) return this.resolve(arg.file, arg.value, arg.env);
        const name = env?.root?.params[v.index];
        if (!name) return [UNKNOWN];
        const { params: _, ...origin } = env!.root!;
        return [{ r: 'sym', text: name, origin }];
      }
      case 'get':
        return this.resolve(file, v.base, env).flatMap((b) => this.field(b, v.key));
      case 'concat': {
        let text = '';
        let symbolic = false;
        let origin: PoolOrigin | undefined;
        for (const p of v.parts) {
          const r = this.resolveOne(file, p, env);
          if (r.r === 'const' && (typeof r.v === 'string' || typeof r.v === 'number')) text += luaToString(r.v);
          else if (r.r === 'sym') {
            // Values of two origins in one string: no one family holds it.
            if (r.origin && origin && r.origin.id !== origin.id) return [UNKNOWN];
            origin ??= r.origin;
            text += `\${${r.text}}`;
            symbolic = true;
          } else return [UNKNOWN];
        }
        return [symbolic ? { r: 'sym', text, ...(origin ? { origin } : {}) } : { r: 'const', v: text }];
      }
      case 'call':
        return this.resolve(file, v.callee, env).flatMap((c) => this.callResult(c, file, v, env));
      case 'or':
        return this.resolve(file, v.left, env).flatMap((l) => this.orDefault(l, file, v.right, env));
      case 'phi':
        return v.options.flatMap((o) => this.resolve(file, o, env));
      default:
        return [immediate(file, v, env) ?? UNKNOWN];
    }
  }

  /** `left or right` once left is known: left when truthy, right when nil or false; a symbol stays an
   *  expression (`conf.port or 6379`) of its origin. */
  private orDefault(left: Resolved, file: string, right: SymValue, env: Env | null): Resolved[] {
    if (left.r === 'unknown') return [UNKNOWN];
    if (left.r === 'const') return left.v === null || left.v === false ? this.resolve(file, right, env) : [left];
    if (left.r !== 'sym') return [left];
    const r = this.resolveOne(file, right, env);
    if (r.r !== 'const' || (typeof r.v !== 'string' && typeof r.v !== 'number')) return [UNKNOWN];
    return [{ ...left, text: `${left.text} or ${typeof r.v === 'string' ? JSON.stringify(r.v) : r.v}` }];
  }

  private field(base: Resolved, key: string, depth = 0): Resolved[] {
    if (base.r === 'table') {
      const fields = this.facts.get(base.file)?.tables[base.id];
      const f = fieldOf(fields, key);
      if (f) return this.resolve(base.file, f, null);
      // A class's object: the field comes from the metatable's __index table (a few levels of inheritance).
      const mt = fieldOf(fields, METATABLE_KEY);
      if (!mt || depth > 3) return [UNKNOWN];
      const index = this.resolve(base.file, mt, null).flatMap((m) => (m.r === 'table' ? this.field(m, '__index', depth + 1) : [UNKNOWN]));
      return index.length === 1 && index[0].r === 'table' ? this.field(index[0], key, depth + 1) : [UNKNOWN];
    }
    if (base.r === 'sym') return [{ ...base, text: `${base.text}.${key}` }];
    return [UNKNOWN];
  }

  private callResult(callee: Resolved, file: string, call: Extract<SymValue, { t: 'call' }>, env: Env | null): Resolved[] {
    const acquired = call.index === 0 ? this.wrappers.acquired(callee) : undefined;
    if (acquired) return [acquired];
    if (callee.r !== 'fn') return [UNKNOWN];
    const fn = this.facts.get(callee.file)?.functions[callee.id];
    if (!fn || fn.returns.length === 0) return [UNKNOWN];
    const calleeEnv = this.envFor(call.args.map((value) => ({ file, value, env })));
    return fn.returns.flatMap((ret) => {
      const value = ret[call.index];
      return value ? this.resolve(callee.file, value, calleeEnv) : [{ r: 'const', v: null } as Resolved];
    });
  }
}

/** What a constant, a table, a function or an object of `file` resolves to: itself. Undefined for other values. */
function immediate(file: string, v: SymValue, env: Env | null): Resolved | undefined {
  switch (v.t) {
    case 'const':
      return { r: 'const', v: v.v };
    case 'table':
      return { r: 'table', file, id: v.id, env };
    case 'fn':
      return { r: 'fn', file, id: v.id };
    case 'obj':
      return { r: 'obj', file, site: v.site, client: v.client, env };
    case 'op':
    case 'unknown':
      return UNKNOWN;
    default:
      return undefined;
  }
}

function resolvedKey(r: Resolved): string {
  switch (r.r) {
    case 'const':
      return `c:${JSON.stringify(r.v)}`;
    case 'table':
    case 'fn':
      return `${r.r}:${r.file}#${r.id}`;
    case 'obj':
      return `obj:${r.file}@${r.site}|${r.env?.id ?? 0}`;
    case 'sym':
      return r.origin ? `s:${r.text}@${r.origin.id}` : `s:${r.text}`;
    case 'unknown':
      return '?';
  }
}

function dedupe(list: Resolved[]): Resolved[] {
  // Most answers are one value: nothing to compare.
  if (list.length < 2) return list;
  const seen = new Map<string, Resolved>();
  for (const r of list) {
    const k = resolvedKey(r);
    if (!seen.has(k)) seen.set(k, r);
  }
  const out = [...seen.values()];
  return out.length > MAX_RESULTS ? [UNKNOWN] : out;
}

// Answers that do not depend on the order questions are asked in. The resolver keeps one memo for the whole link,
// and cuts a question short at its depth limit, its step budget or a cycle. Without a cut, the shared memo only saves
// work: every answer is the one the top-level question gets with a memo of its own. A cut breaks that: what is cut
// then depends on what was asked before. So does a memo hit on an answer made for an earlier top-level question when
// working it out afresh here would have been cut (deeper than the limit from this depth, or more steps than the
// budget has left). A top-level question that meets either is asked again on its own, with a memo of its own, and
// nothing made under the cut stays in the shared memo: every answer is then the question's own, whatever was asked
// before, and linking the units in another order, or only some of them (relink.ts), gives the same answers.
// (A hit cannot hide a cycle: an answer that reads a question which reads it back was cut when it was made.)
// Such questions are rare in real code: over Kong, APISIX, APIcast, synthetic projects and 20 apps, one depth cut
// (Kong) and 29 cycle cuts (APIcast); answering them on their own changed no finding on any of them.
//
// For a partial relink it also learns which files' facts each answer, and each unit's link, read.
import { MAX_DEPTH, MAX_STEPS } from './resolver-limits.ts';

/** What the memo keeps of an answer made in the shared memo. */
export interface Made {
  /** How many levels of questions below it working it out afresh goes (0: none). */
  height: number;
  /** How many steps working it out with no memo at all takes (at most MAX_STEPS + 1). */
  cost: number;
  /** The top-level question it was made for. */
  question: number;
  /** The files whose facts it was read from (only when reads are tracked). */
  reads: readonly string[];
}

/** An answer being worked out. */
interface Frame {
  height: number;
  cost: number;
  /** Something it read was cut short. */
  cut: boolean;
  /** Without repeats (most answers read one file or none: a list beats a set). */
  reads: string[];
}

const NO_READS: readonly string[] = Object.freeze([]);

export class AnswerLedger {
  /** The files the work being done reads (relink.ts sets it around each unit's work), or null. */
  unitReads: Set<string> | null = null;
  /** Every module name resolved, and the file it resolved to (kept when reads are tracked): what a link read of the
   *  set of files. Resolving a name counts as reading `moduleRead(name)`. */
  readonly modules: Map<string, string | undefined> | null;
  private question = 0;
  /** Steps a no-memo answer to the current top-level question would take beyond those counted. */
  private extraSteps = 0;
  /** The current top-level question met a cut. */
  private cutShort = false;
  private readonly frames: Frame[] = [];

  /** `tracksReads`: keep which files answers read (a partial relink needs it; a plain run does not). */
  constructor(private readonly tracksReads = false) {
    this.modules = tracksReads ? new Map() : null;
  }

  /** A top-level question starts. */
  topLevel(): void {
    this.question++;
    this.extraSteps = 0;
    this.cutShort = false;
  }

  /** Whether the top-level question that just ended must be asked again on its own. */
  get mustAskAlone(): boolean {
    return this.cutShort;
  }

  /** A question was cut short: nothing being worked out now may stay in the shared memo. */
  cut(): void {
    this.cutShort = true;
    for (const f of this.frames) f.cut = true;
  }

  /** The facts of `file` are read, by the answer being worked out if any, and by the unit being linked. */
  read(file: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame && !frame.reads.includes(file)) frame.reads.push(file);
    this.unitReads?.add(file);
  }

  /** `name` resolved to `file`: read like a file (an edit that adds or drops files can change it). */
  resolved(name: string, file: string | undefined): void {
    if (!this.modules) return;
    this.modules.set(name, file);
    this.read(moduleRead(name));
  }

  /** A value that stands for itself was asked for: a step, no level below. */
  leaf(): void {
    this.child(0, 1, NO_READS);
  }

  /** The shared memo answered with `m` at `depth`, `steps` steps into the top-level question. */
  hit(m: Made, depth: number, steps: number): void {
    if (m.question !== this.question) {
      this.extraSteps += m.cost - 1;
      if (depth + m.height > MAX_DEPTH || steps + this.extraSteps > MAX_STEPS) this.cut();
    }
    this.child(m.height, m.cost, m.reads);
    if (m.reads.length === 0 || !this.unitReads) return;
    for (const f of m.reads) this.unitReads.add(f);
  }

  /** An answer is about to be worked out afresh. */
  open(): void {
    this.frames.push({ height: 0, cost: 1, cut: false, reads: [] });
  }

  /** The answer was worked out: what the memo keeps of it, or undefined when it met a cut (or failed). */
  close(done: boolean): Made | undefined {
    const f = this.frames.pop()!;
    this.child(f.height, f.cost, f.reads);
    if (!done || f.cut) return undefined;
    return { height: f.height, cost: f.cost, question: this.question, reads: this.tracksReads && f.reads.length > 0 ? f.reads : NO_READS };
  }

  private child(height: number, cost: number, reads: readonly string[]): void {
    const parent = this.frames[this.frames.length - 1];
    if (!parent) return;
    parent.height = Math.max(parent.height, height + 1);
    parent.cost = Math.min(MAX_STEPS + 1, parent.cost + cost);
    for (const r of reads) if (!parent.reads.includes(r)) parent.reads.push(r);
  }
}

/** What resolving a module name reads, among the files a link reads (no file path starts with a NUL). */
export function moduleRead(name: string): string {
  return `\0require ${name}`;
}

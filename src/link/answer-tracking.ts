// What a partial relink (relink.ts) needs to know of the resolver's answers: which files each answer was read from,
// and whether any answer could depend on the order questions were asked in.
//
// The resolver keeps one memo for the whole link and cuts a question short at its depth limit, its step budget or a
// cycle. Without a cut, an answer is what the question gets with a memo of its own (the memo only saves work), so it
// does not depend on what was asked before. A cut makes it depend on the order; so does a memo hit on an answer made
// for an earlier top-level question when working it out afresh here would have been cut (deeper than the limit from
// this depth, or more steps than the budget has left). Both count as cuts; a link with none gives every question the
// answer it gets on its own, and can be reused in part. (A hit cannot hide a cycle: an answer that reads a question
// which reads it back was cut when it was made.) Cuts are rare in real code: over Kong, APISIX, APIcast, synthetic
// projects and 20 apps, one depth cut (Kong) and 29 cycle cuts (APIcast).
import { MAX_DEPTH, MAX_STEPS } from './resolver-limits.ts';

/** What is kept of an answer made afresh. */
interface Made {
  /** How many levels of questions below it working it out afresh goes (0: none). */
  height: number;
  /** How many steps working it out with no memo at all takes (at most MAX_STEPS + 1). */
  cost: number;
  /** The top-level question it was made for. */
  question: number;
  /** The files whose facts it was read from. */
  reads: readonly string[];
}

/** An answer being worked out. */
interface Frame {
  height: number;
  cost: number;
  /** Without repeats (most answers read one file or none: a list beats a set). */
  reads: string[];
}

export class AnswerTracking {
  /** Questions cut short, or answered by a hit that a fresh answer would have cut (see above). */
  cuts = 0;
  /** The files the current unit's link reads (relink.ts sets it around each unit), or null. */
  unitReads: Set<string> | null = null;
  /** The files answers read while this is set (relink.ts: while the callers index is built), or null. */
  answerReads: Set<string> | null = null;
  private question = 0;
  /** Steps a no-memo answer to the current top-level question would take beyond those counted. */
  private extraSteps = 0;
  private readonly frames: Frame[] = [];
  /** By file, then by the resolver's memo key. */
  private readonly made = new Map<string, Map<string, Made>>();

  /** A top-level question starts. */
  topLevel(): void {
    this.question++;
    this.extraSteps = 0;
  }

  cut(): void {
    this.cuts++;
  }

  /** The facts of `file` are read, by the answer being worked out if any, and by the unit being linked. */
  read(file: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame) {
      if (!frame.reads.includes(file)) frame.reads.push(file);
      this.answerReads?.add(file);
    }
    this.unitReads?.add(file);
  }

  /** A value that stands for itself was asked for: a step, no level below. */
  leaf(): void {
    this.child(0, 1, []);
  }

  /** The memo answered `key` of `file` at `depth`, `steps` steps into the top-level question. */
  hit(file: string, key: string, depth: number, steps: number): void {
    const m = this.made.get(file)?.get(key);
    if (!m) return; // made before tracking started: never (tracking is on from the first question)
    if (m.question !== this.question) {
      this.extraSteps += m.cost - 1;
      if (depth + m.height > MAX_DEPTH || steps + this.extraSteps > MAX_STEPS) this.cuts++;
    }
    this.child(m.height, m.cost, m.reads);
    for (const f of m.reads) {
      this.unitReads?.add(f);
      this.answerReads?.add(f);
    }
  }

  /** `key` is about to be worked out afresh. */
  open(): void {
    this.frames.push({ height: 0, cost: 1, reads: [] });
  }

  /** `key` of `file` was worked out (or failed: `keep` false). */
  close(file: string, key: string, keep: boolean): void {
    const f = this.frames.pop()!;
    if (!keep) return;
    const m: Made = { height: f.height, cost: f.cost, question: this.question, reads: f.reads };
    let byKey = this.made.get(file);
    if (!byKey) this.made.set(file, (byKey = new Map()));
    byKey.set(key, m);
    this.child(m.height, m.cost, m.reads);
  }

  private child(height: number, cost: number, reads: readonly string[]): void {
    const parent = this.frames[this.frames.length - 1];
    if (!parent) return;
    parent.height = Math.max(parent.height, height + 1);
    parent.cost = Math.min(MAX_STEPS + 1, parent.cost + cost);
    for (const r of reads) if (!parent.reads.includes(r)) parent.reads.push(r);
  }
}

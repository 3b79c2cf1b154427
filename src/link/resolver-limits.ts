// How far the resolver (resolver.ts) follows a question: past these, the answer is unknown (never a guess).

/** Levels of questions below a top-level one. */
export const MAX_DEPTH = 12;
/** Values one answer may have. */
export const MAX_RESULTS = 8;
/** Work allowed for one top-level question. */
export const MAX_STEPS = 5000;

import type { Rule } from '../src/model/rule.ts';

/** Reported by the engine when it fails on a file: a bug in resty-lint, never in the analyzed code. */
export const rule: Rule = {
  meta: {
    id: 'internal-error',
    name: 'InternalError',
    shortDescription: 'resty-lint failed while analyzing this file (a bug in resty-lint); the file was skipped',
    fullDescription:
      'An exception inside the analyzer stopped the analysis of this file. Its connections were not followed, so findings that depend on it may be missing; every other file was still analyzed. The run exits with status 2.',
    help: {
      text: 'This is a bug in resty-lint, not in your code. Please report it with the message and, if you can, the smallest file that reproduces it.',
      markdown: 'This is a bug in resty-lint, not in your code. Please report it with the message and, if you can, the smallest file that reproduces it.',
    },
    defaultLevel: 'error',
    tags: ['correctness'],
    precision: 'very-high',
  },
};

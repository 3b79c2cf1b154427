import type { Rule } from '../src/model/rule.ts';

/** Reported by the engine itself when a file does not parse; every other file is still analyzed. */
export const rule: Rule = {
  meta: {
    id: 'syntax-error',
    name: 'SyntaxError',
    shortDescription: 'A file could not be parsed or read, so it was not analyzed',
    fullDescription:
      'The file is not valid LuaJIT (or could not be read), so none of its connections could be followed. Findings that depend on it may be missing; every other file was still analyzed.',
    help: {
      text: 'Fix the syntax error at the reported position (LuaJIT 2.1 syntax, as OpenResty runs it). Until then resty-lint cannot see the connections this file opens or releases.',
      markdown:
        'Fix the syntax error at the reported position (LuaJIT 2.1 syntax, as OpenResty runs it). Until then resty-lint cannot see the connections this file opens or releases.',
    },
    defaultLevel: 'error',
    tags: ['correctness'],
    precision: 'very-high',
  },
};

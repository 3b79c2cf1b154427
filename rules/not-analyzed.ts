import type { Rule } from '../src/model/rule.ts';

/** Reported by the engine when it skips a file on purpose; every other file is still analyzed. */
export const rule: Rule = {
  meta: {
    id: 'not-analyzed',
    name: 'NotAnalyzed',
    shortDescription: 'A file was skipped on purpose: bytecode, binary, over the size limit, or unreadable',
    fullDescription:
      'The file is LuaJIT or Lua bytecode, a binary file, larger than the size limit (maxFileBytes in the config file, 4 MiB by default), or could not be read. It was not analyzed, so findings that depend on it may be missing; every other file was.',
    help: {
      text: 'Nothing to fix in the code. Keep bytecode and generated files out of the analyzed paths (ignore in the config file), raise maxFileBytes for a large source file, or fix the file permissions.',
      markdown:
        'Nothing to fix in the code. Keep bytecode and generated files out of the analyzed paths (`ignore` in the config file), raise `maxFileBytes` for a large source file, or fix the file permissions.',
    },
    defaultLevel: 'note',
    tags: ['maintainability'],
    precision: 'very-high',
  },
};

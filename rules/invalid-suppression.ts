import type { Rule } from '../src/model/rule.ts';

/** Reported by the engine when a `resty-lint: ignore` comment names a rule that does not exist. */
export const rule: Rule = {
  meta: {
    id: 'invalid-suppression',
    name: 'InvalidSuppression',
    shortDescription: 'A resty-lint suppression comment names a rule id that does not exist',
    fullDescription:
      'A `-- resty-lint: ignore <rule-id>` (or `ignore-file`, or `#` in nginx.conf) comment names an unknown rule id, usually a typo. It silences nothing, so the finding it was meant for is still reported.',
    help: {
      text: 'Use one of the rule ids listed in docs/rules (for example pool-mixed-lifecycle); several ids are separated by commas, and a reason may follow after `--`.',
      markdown: 'Use one of the rule ids listed in [docs/rules](README.md) (for example `pool-mixed-lifecycle`); several ids are separated by commas, and a reason may follow after `--`.',
    },
    defaultLevel: 'warning',
    tags: ['maintainability'],
    precision: 'very-high',
    example: {
      bad: 'red:close() -- resty-lint: ignore pool-mixed -- admin endpoint',
      good: 'red:close() -- resty-lint: ignore pool-mixed-lifecycle -- admin endpoint',
    },
  },
};

// The rule registry: every rule in rules/, sorted by id. Checked against the directory by test/rules-registry.test.ts.
import type { Rule } from '../src/rule.ts';
import { rule as poolMixedLifecycle } from './pool-mixed-lifecycle.ts';
import { rule as syntaxError } from './syntax-error.ts';

export const RULES: readonly Rule[] = [poolMixedLifecycle, syntaxError];

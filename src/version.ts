// Kept in step with package.json by test/version.test.ts.
export const VERSION = '0.1.0';
export const INFORMATION_URI = 'https://github.com/resty-lint/resty-lint';
export const RULE_DOCS_URI = 'https://github.com/resty-lint/resty-lint/blob/main/docs/rules';

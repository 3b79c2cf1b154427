// Kept in step with package.json by test/version.test.ts.
export const VERSION = '0.1.0';

declare const __RESTY_LINT_BUILD_ID__: string | undefined;
/** Content hash of the sources a bundle was built from (set by scripts/build.mjs); undefined when running
 *  from source, as the tests do. */
export const BUILD_ID: string | undefined = typeof __RESTY_LINT_BUILD_ID__ === 'string' ? __RESTY_LINT_BUILD_ID__ : undefined;
export const INFORMATION_URI = 'https://github.com/resty-lint/resty-lint';
export const RULE_DOCS_URI = 'https://github.com/resty-lint/resty-lint/blob/main/docs/rules';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { Finding } from '../../src/core/findings.ts';
import type { RuleMeta } from '../../src/model/rule.ts';
import { fileUri, formatSarif, type SarifFinding, type SarifInput } from '../../src/format/sarif.ts';
import { assertValidSarif, runSarifMultitool, validateSarifSchema } from '../support/sarif-validate.ts';

const RULES: RuleMeta[] = [
  {
    id: 'syntax-error',
    name: 'SyntaxError',
    shortDescription: 'The file could not be parsed.',
    fullDescription: 'The Lua or nginx configuration file has a syntax error, so it was not analyzed.',
    help: { text: 'Fix the syntax error; nothing else in the file is checked until it parses.', markdown: 'Fix the syntax error; nothing else in the file is checked until it parses.' },
    defaultLevel: 'error',
    tags: ['correctness'],
    precision: 'very-high',
  },
  {
    id: 'pool-mixed-lifecycle',
    name: 'PoolMixedLifecycle',
    shortDescription: 'A cosocket connection is both closed and returned to the pool.',
    fullDescription:
      'The same connection object reaches both close() and set_keepalive() on different paths, so the pool receives connections in an unknown state.',
    help: {
      text: 'Decide per connection: call set_keepalive() when the exchange completed cleanly, close() after an error.',
      markdown: 'Decide per connection: call `set_keepalive()` when the exchange completed cleanly, `close()` after an error.',
    },
    defaultLevel: 'warning',
    tags: ['correctness', 'connection-pool', 'redis'],
    precision: 'high',
  },
  {
    id: 'pool-unbounded-size',
    name: 'PoolUnboundedSize',
    shortDescription: 'set_keepalive() is called without a pool size.',
    fullDescription: 'Without an explicit pool size, lua_socket_pool_size applies to every upstream alike.',
    help: { text: 'Pass pool_size to set_keepalive().', markdown: 'Pass `pool_size` to `set_keepalive()`.' },
    defaultLevel: 'note',
    tags: ['performance'],
    precision: 'medium',
  },
];

const FINDINGS: SarifFinding[] = [
  {
    ruleId: 'pool-mixed-lifecycle',
    level: 'warning',
    message: 'Connection `red` is closed here but [returned to the pool](1) on another path.',
    location: { file: 'lua/app/cache.lua', startLine: 42, startColumn: 5, endLine: 42, endColumn: 16 },
    related: [{ id: 1, message: 'Returned to the pool here.', file: 'lua/app/cache.lua', startLine: 37, startColumn: 5, endLine: 37, endColumn: 42 }],
    fingerprint: '0a1b2c3d4e5f6a7b:1',
  },
  {
    ruleId: 'pool-mixed-lifecycle',
    level: 'warning',
    message: 'Connection `db` is closed here but [returned to the pool](1) in [the helper](2).',
    location: { file: 'lua/app/cache.lua', startLine: 42, startColumn: 20, endLine: 43, endColumn: 3 },
    related: [
      { id: 2, message: 'Helper that pools the connection.', file: 'lua/lib/db helpers.lua', startLine: 10, startColumn: 1, endLine: 14, endColumn: 4 },
      { id: 1, message: 'Returned to the pool here.', file: 'lua/lib/db helpers.lua', startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
    ],
    fingerprint: '1a1b2c3d4e5f6a7b:1',
  },
  {
    ruleId: 'syntax-error',
    level: 'error',
    message: "Unexpected '}' in nginx.conf.",
    location: { file: 'conf/nginx.conf', startLine: 7, startColumn: 1, endLine: 7, endColumn: 2 },
    related: [],
    fingerprint: '2a1b2c3d4e5f6a7b:1',
  },
  {
    ruleId: 'pool-unbounded-size',
    level: 'note',
    message: 'set_keepalive() has no pool size.',
    location: { file: 'lua/app/ünïcode.lua', startLine: 3, startColumn: 9, endLine: 3, endColumn: 25 },
    related: [],
    fingerprint: '3a1b2c3d4e5f6a7b:1',
    suppressions: [{ kind: 'inSource', justification: 'Pool size set in nginx.conf.' }],
  },
  {
    ruleId: 'pool-mixed-lifecycle',
    level: 'error',
    message: 'Connection is closed after being [pooled](1).',
    location: { file: 'lua/app/cache.lua', startLine: 5, startColumn: 1, endLine: 5, endColumn: 10 },
    related: [{ id: 1, message: 'Pooled here.', file: 'lua/app/cache.lua', startLine: 4, startColumn: 1, endLine: 4, endColumn: 20 }],
    fingerprint: '4a1b2c3d4e5f6a7b:1',
  },
];

const INPUT: SarifInput = {
  findings: FINDINGS,
  rules: RULES,
  toolVersion: '0.1.0',
  informationUri: 'https://github.com/example/resty-lint',
  helpUriBase: 'https://github.com/example/resty-lint/blob/v0.1.0/docs/rules',
};

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-sarif-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeTmp(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('formatSarif', () => {
  const text = formatSarif(INPUT);
  const log = JSON.parse(text) as Log;
  const run = log.runs[0];

  it('is valid against the OASIS SARIF 2.1.0 schema', () => {
    expect(validateSarifSchema(log)).toEqual([]);
    expect(() => assertValidSarif(text)).not.toThrow();
  });

  it('passes the SARIF Multitool Sarif;Gh rules with no errors or warnings', { tags: ['slow'] }, () => {
    expect(runSarifMultitool(writeTmp('sample.sarif', text))).toEqual({ errors: [], warnings: [] });
  });

  it('passes the Multitool with originalUriBaseIds too, and with no findings at all', { tags: ['slow'] }, () => {
    const withRoot = formatSarif({ ...INPUT, srcRootUri: 'file:///home/ci/work/project' });
    expect(validateSarifSchema(JSON.parse(withRoot))).toEqual([]);
    expect(runSarifMultitool(writeTmp('root.sarif', withRoot))).toEqual({ errors: [], warnings: [] });
    const empty = formatSarif({ ...INPUT, findings: [] });
    expect(validateSarifSchema(JSON.parse(empty))).toEqual([]);
    expect(runSarifMultitool(writeTmp('empty.sarif', empty))).toEqual({ errors: [], warnings: [] });
  });

  it('is byte-identical whatever the order of findings and rules', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const again = formatSarif({ ...INPUT, findings: shuffled(FINDINGS, seed), rules: shuffled(RULES, seed * 7) });
      expect(again).toBe(text);
    }
  });

  it('ends with a newline, is indented by 2 spaces and holds no machine-specific data', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/file:\/\//);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/); // no timestamps
    expect(run.originalUriBaseIds).toBeUndefined();
    expect(run.artifacts).toBeUndefined();
    expect(run.invocations).toBeUndefined();
  });

  it('describes the tool and every rule, sorted by id', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const driver = run.tool.driver;
    expect(driver.name).toBe('resty-lint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://github.com/example/resty-lint');
    expect(driver.rules?.map((r) => r.id)).toEqual(['pool-mixed-lifecycle', 'pool-unbounded-size', 'syntax-error']);
    expect(driver.rules?.[0]).toEqual({
      id: 'pool-mixed-lifecycle',
      name: 'PoolMixedLifecycle',
      shortDescription: { text: RULES[1].shortDescription },
      fullDescription: { text: RULES[1].fullDescription },
      help: RULES[1].help,
      helpUri: 'https://github.com/example/resty-lint/blob/v0.1.0/docs/rules/pool-mixed-lifecycle.md',
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['correctness', 'connection-pool', 'redis'], precision: 'high', 'problem.severity': 'warning' },
    });
    expect(driver.rules?.map((r) => r.properties?.['problem.severity'])).toEqual(['warning', 'recommendation', 'error']);
    expect(driver.rules?.map((r) => r.defaultConfiguration?.level)).toEqual(['warning', 'note', 'error']);
  });

  it('puts a security rule\'s security-severity into its properties (GitHub code scanning reads it), and no other rule\'s', () => {
    const security: RuleMeta = { ...RULES[1], id: 'pool-identity-mismatch', name: 'PoolIdentityMismatch', tags: ['security', 'connection-pool'], securitySeverity: '7.5' };
    const log = JSON.parse(formatSarif({ ...INPUT, rules: [...RULES, security] })) as Log;
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.find((r) => r.id === 'pool-identity-mismatch')?.properties).toEqual({
      tags: ['security', 'connection-pool'],
      precision: 'high',
      'problem.severity': 'warning',
      'security-severity': '7.5',
    });
    expect(rules.filter((r) => r.properties?.['security-severity'] !== undefined).map((r) => r.id)).toEqual(['pool-identity-mismatch']);
    expect(validateSarifSchema(log)).toEqual([]);
  });

  it('omits helpUri when no base is given', () => {
    const noHelp = JSON.parse(formatSarif({ ...INPUT, helpUriBase: undefined })) as Log;
    expect(noHelp.runs[0].tool.driver.rules?.every((r) => r.helpUri === undefined)).toBe(true);
  });

  it('writes results sorted, with ruleIndex, region, related locations and fingerprints', () => {
    const results = run.results ?? [];
    expect(results.map((r) => `${r.locations?.[0].physicalLocation?.artifactLocation?.uri}:${r.locations?.[0].physicalLocation?.region?.startLine}`)).toEqual([
      'conf/nginx.conf:7',
      'lua/app/cache.lua:5',
      'lua/app/cache.lua:42',
      'lua/app/cache.lua:42',
      'lua/app/%C3%BCn%C3%AFcode.lua:3',
    ]);
    const second = results[3];
    expect(second).toEqual({
      ruleId: 'pool-mixed-lifecycle',
      ruleIndex: 0,
      level: 'warning',
      message: { text: 'Connection `db` is closed here but [returned to the pool](1) in [the helper](2).' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'lua/app/cache.lua', uriBaseId: '%SRCROOT%' },
            region: { startLine: 42, startColumn: 20, endLine: 43, endColumn: 3 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'lua/lib/db%20helpers.lua', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
          },
          message: { text: 'Returned to the pool here.' },
        },
        {
          id: 2,
          physicalLocation: {
            artifactLocation: { uri: 'lua/lib/db%20helpers.lua', uriBaseId: '%SRCROOT%' },
            region: { startLine: 10, startColumn: 1, endLine: 14, endColumn: 4 },
          },
          message: { text: 'Helper that pools the connection.' },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: '1a1b2c3d4e5f6a7b:1' },
    });
    expect(results.map((r) => r.ruleIndex)).toEqual([2, 0, 0, 0, 1]);
    expect(results[1].level).toBe('error'); // a finding's own level wins over the rule default
    expect(results[0].relatedLocations).toBeUndefined();
  });

  it('carries suppressions', () => {
    const suppressed = (run.results ?? []).find((r) => r.ruleId === 'pool-unbounded-size');
    expect(suppressed?.suppressions).toEqual([{ kind: 'inSource', justification: 'Pool size set in nginx.conf.' }]);
    const external = formatSarif({ ...INPUT, findings: [{ ...FINDINGS[2], suppressions: [{ kind: 'external' }] }] });
    expect((JSON.parse(external) as Log).runs[0].results?.[0].suppressions).toEqual([{ kind: 'external' }]);
    expect(validateSarifSchema(JSON.parse(external))).toEqual([]);
  });

  it('adds originalUriBaseIds with a trailing slash only when asked', () => {
    const withRoot = JSON.parse(formatSarif({ ...INPUT, srcRootUri: 'file:///home/ci/work/project' })) as Log;
    expect(withRoot.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/ci/work/project/' } });
    const slashed = JSON.parse(formatSarif({ ...INPUT, srcRootUri: 'file:///w/' })) as Log;
    expect(slashed.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///w/' } });
  });

  it('rejects a finding whose rule is not listed', () => {
    const stray: Finding = { ...FINDINGS[2], ruleId: 'no-such-rule' };
    expect(() => formatSarif({ ...INPUT, findings: [stray] })).toThrow(/no-such-rule/);
  });

  it('encodes paths as relative URI references', () => {
    expect(fileUri('lua/app/a.lua')).toBe('lua/app/a.lua');
    expect(fileUri('my dir/50%#1?.lua')).toBe('my%20dir/50%25%231%3F.lua');
    expect(fileUri('c:/x+y@z.lua')).toBe('c%3A/x+y@z.lua');
  });
});

describe('the validators can fail', () => {
  const broken = (): Log => {
    const log = JSON.parse(formatSarif(INPUT)) as Log;
    const run = log.runs[0] as unknown as { tool: { driver: Record<string, unknown> }; results: Record<string, any>[] };
    delete run.tool.driver.name;
    run.results[0].level = 'fatal';
    run.results[0].locations[0].physicalLocation.region.startLine = 0;
    return log;
  };

  it('validateSarifSchema rejects a broken log', () => {
    const errors = validateSarifSchema(broken());
    expect(errors.some((e) => e.includes('/runs/0/tool/driver') && e.includes("'name'"))).toBe(true);
    expect(errors.some((e) => e.includes('/runs/0/results/0/level'))).toBe(true);
    expect(errors.some((e) => e.includes('/runs/0/results/0/locations/0/physicalLocation/region/startLine'))).toBe(true);
    expect(() => assertValidSarif(JSON.stringify(broken()))).toThrow(/not schema-valid/);
  });

  it('runSarifMultitool reports schema errors and GitHub rule violations', { tags: ['slow'] }, () => {
    const schema = runSarifMultitool(writeTmp('broken.sarif', JSON.stringify(broken(), null, 2)));
    expect(schema.errors.map((e) => e.split(' ')[0]).sort()).toEqual(['JSON1002', 'JSON1008', 'JSON1019']);

    const log = JSON.parse(formatSarif(INPUT)) as Log;
    delete log.runs[0].tool.driver.rules?.[0].help;
    delete log.runs[0].tool.driver.informationUri;
    const gh = runSarifMultitool(writeTmp('gh.sarif', JSON.stringify(log, null, 2)));
    expect(gh.errors).toHaveLength(1);
    expect(gh.errors[0]).toMatch(/^GH2012 \(\d+,\d+\): runs\[0\]\.tool\.driver\.rules\[0\]: .*'help'/);
    expect(gh.warnings).toHaveLength(1);
    expect(gh.warnings[0]).toMatch(/^SARIF2005 .*informationUri/);
  });
});

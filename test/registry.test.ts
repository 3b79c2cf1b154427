// The rule registry lists exactly the rule files in rules/, with complete metadata.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';
import { VERSION } from '../src/core/version.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

describe('rule registry', () => {
  const files = readdirSync(join(REPO_ROOT, 'rules'))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.slice(0, -3))
    .sort();

  it('has one rule per file in rules/, named after its id, sorted by id', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(files);
  });

  for (const rule of RULES) {
    it(`${rule.meta.id} has complete metadata`, () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(m.name).toMatch(/^[A-Z][A-Za-z]+$/);
      for (const text of [m.shortDescription, m.fullDescription, m.help.text, m.help.markdown]) expect(text.length).toBeGreaterThan(20);
      expect(m.tags.length).toBeGreaterThan(0);
      // GitHub code scanning ranks security alerts by properties.security-severity: every security rule has one
      // (a score from 0.0 to 10.0 as a string), and only security rules.
      expect(m.securitySeverity !== undefined).toBe(m.tags.includes('security'));
      if (m.securitySeverity !== undefined) {
        expect(m.securitySeverity).toMatch(/^\d+(\.\d)?$/);
        expect(Number(m.securitySeverity)).toBeLessThanOrEqual(10);
      }
    });
  }

  it('keeps src/core/version.ts in step with package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
});

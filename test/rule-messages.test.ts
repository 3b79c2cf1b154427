// Every rule's message leads with one short sentence that states the defect (GitHub shows only a SARIF
// message's first sentence; the text format prints it on the finding's line), then the evidence and the fix.
// Checked on the findings of every fixture project, so each rule's message variants are covered.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText, type Finding } from '../src/core/findings.ts';
import { splitLead } from '../src/core/message-text.ts';
import { analyzeProject } from '../src/project/run-project.ts';
import { RULES } from '../rules/index.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const MAX_LEAD = 120;
/** Rules the engine reports itself (their messages are written in src/project), not checked here. */
const ENGINE_RULES = new Set(RULES.filter((r) => !r.check).map((r) => r.meta.id));

function projectDirs(): string[] {
  const out: string[] = [];
  for (const group of ['fixtures/lua', 'fixtures/projects', 'fixtures/runtime']) {
    for (const d of readdirSync(join(REPO_ROOT, group)).sort()) if (statSync(join(REPO_ROOT, group, d)).isDirectory()) out.push(`${group}/${d}`);
  }
  return out;
}

function fixtureFindings(): Finding[] {
  const all: Finding[] = [];
  for (const dir of projectDirs()) {
    const run = analyzeProject(join(REPO_ROOT, dir), { rules: RULES, paths: [], nginxConf: [] });
    all.push(...run.findings);
  }
  return all.filter((f) => !ENGINE_RULES.has(f.ruleId));
}

describe('rule messages', () => {
  const findings = fixtureFindings();

  it('cover every rule that checks the model', () => {
    const seen = new Set(findings.map((f) => f.ruleId));
    expect(RULES.filter((r) => r.check && !seen.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
  });

  it('lead with one short sentence ending in a period, and follow it with the evidence and the fix', () => {
    const bad = findings.flatMap((f) => {
      const { lead, rest } = splitLead(f.message);
      const text = plainText(lead, []); // links as their labels, as GitHub shows them
      const problems: string[] = [];
      if (text.length > MAX_LEAD) problems.push(`lead is ${text.length} characters`);
      if (!text.endsWith('.')) problems.push('lead does not end with a period');
      if (rest.length === 0) problems.push('nothing follows the lead');
      return problems.length > 0 ? [`${f.ruleId} ${f.location.file}:${f.location.startLine}: ${problems.join(', ')}: ${text}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('count in the singular for one (`set_timeout(1)` is 1 millisecond)', () => {
    const one = findings.filter((f) => f.ruleId === 'timeout-unit-confusion' && f.message.includes('`set_timeout(1)`'));
    expect(one.map((f) => f.message.split('. ')[0])).toEqual(['`set_timeout(1)` is 1 millisecond, not seconds']);
    expect(findings.filter((f) => /\bis 1 milliseconds\b/.test(f.message)).map((f) => f.message)).toEqual([]);
  });
});

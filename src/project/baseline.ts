// Adopting resty-lint on an existing codebase: `--write-baseline FILE` records today's findings by
// fingerprint; `--baseline FILE` then reports only findings that are not in it. Fingerprints hash the
// flagged line's content (not its number), so unrelated edits that shift lines keep them matched.
import fs from 'node:fs';
import type { Finding } from '../core/findings.ts';

export interface Baseline {
  version: 1;
  findings: Array<{ ruleId: string; file: string; fingerprint: string }>;
}

export class BaselineError extends Error {}

export function toBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, fingerprint: f.fingerprint }));
  entries.sort((a, b) => (a.file + a.ruleId + a.fingerprint < b.file + b.ruleId + b.fingerprint ? -1 : 1));
  return { version: 1, findings: entries };
}

export function formatBaseline(findings: readonly Finding[]): string {
  return `${JSON.stringify(toBaseline(findings), null, 2)}\n`;
}

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${(e as Error).message}`);
  }
  const b = data as Baseline;
  if (!b || b.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((x) => typeof x?.fingerprint === 'string' && typeof x.ruleId === 'string' && typeof x.file === 'string')) {
    throw new BaselineError(`${file} is not a resty-lint baseline (expected {"version": 1, "findings": [{ruleId, file, fingerprint}]})`);
  }
  return b;
}

/** Splits findings into new ones and those the baseline already records (marked as external suppressions). */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; known: Finding[] } {
  const keys = new Set(baseline.findings.map((x) => `${x.ruleId}\u0000${x.file}\u0000${x.fingerprint}`));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    if (keys.has(`${f.ruleId}\u0000${f.location.file}\u0000${f.fingerprint}`)) known.push({ ...f, suppressions: [{ kind: 'external', justification: 'in the baseline' }] });
    else fresh.push(f);
  }
  return { fresh, known };
}

// GitHub Actions workflow commands: one `::error|warning|notice file=…::message` annotation per finding.
//
// GitHub shows at most "10 warning annotations, 10 error annotations, and 10 notice annotations per step"
// (and 50 per job): https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
// (the runner keeps the first ones printed and drops the rest silently). So the most important findings go
// first (errors, then warnings, then notes; then by file and line), no more than the limit per level is
// printed, and one closing `::notice::` says how many findings were left out and where they are. That notice
// is itself a notice annotation, so when anything is left out the notes get one slot less.
import { compareFindings, LEVELS, levelRank, plainMessage, type Finding, type Level } from '../core/findings.ts';
import { sanitize } from './control-chars.ts';

/** Annotations per level that GitHub shows for one step. */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', note: 'notice' };

export interface GithubOptions {
  /** Annotations printed per level (default ANNOTATIONS_PER_LEVEL). */
  limit?: number;
  /** Where the findings left out can be read, ending the closing notice (default: how to get the full report). */
  moreHint?: string;
  /** Slots per level kept free for annotations the caller prints afterwards (the Action's closing `::error::`). */
  reserved?: Partial<Record<Level, number>>;
}

const DEFAULT_HINT = 'run resty-lint with --format text or --format sarif to see them all';

export function formatGithub(findings: readonly Finding[], opts: GithubOptions = {}): string {
  const limit = opts.limit ?? ANNOTATIONS_PER_LEVEL;
  const sorted = [...findings].sort(byImportance);
  const counts: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of sorted) counts[f.level]++;
  const caps: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const l of LEVELS) caps[l] = Math.max(0, limit - (opts.reserved?.[l] ?? 0));
  if (LEVELS.some((l) => counts[l] > caps[l])) caps.note = Math.max(0, caps.note - 1); // room for the closing notice

  const printed: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  const out: string[] = [];
  for (const f of sorted) {
    if (printed[f.level] >= caps[f.level]) continue;
    printed[f.level]++;
    out.push(annotation(f));
  }
  const left = sorted.length - out.length;
  if (left > 0) {
    const parts = LEVELS
      .filter((l) => counts[l] > printed[l])
      .map((l) => `${counts[l] - printed[l]} ${l}${counts[l] - printed[l] === 1 ? '' : 's'}`);
    out.push(
      `::notice::${escapeData(
        `resty-lint: ${left} more finding${left === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations ` +
          `(GitHub shows at most ${limit} per level and step); ${opts.moreHint ?? DEFAULT_HINT}`,
      )}`,
    );
  }
  return out.map((l) => `${l}\n`).join('');
}

/** One workflow command. Columns are sent only for a one-line span (GitHub rejects them otherwise), and
 *  GitHub's endColumn is inclusive where ours is exclusive. Control characters (a Lua string quoted in the
 *  message, a file name) are shown as control pictures, as in the text format: the runner prints the message
 *  into the job log, where ESC would start a terminal escape sequence. */
function annotation(f: Finding): string {
  const l = f.location;
  const props: [string, string | number][] = [['file', l.file], ['line', l.startLine], ['endLine', l.endLine]];
  if (l.startLine === l.endLine) {
    props.push(['col', l.startColumn], ['endColumn', Math.max(l.startColumn, l.endColumn - 1)]);
  }
  props.push(['title', `resty-lint (${f.ruleId})`]);
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(sanitize(String(v)))}`).join(',');
  return `::${COMMAND[f.level]} ${properties}::${escapeData(sanitize(plainMessage(f)))}`;
}

function byImportance(a: Finding, b: Finding): number {
  return levelRank(b.level) - levelRank(a.level) || compareFindings(a, b);
}

/** Escaping of a workflow command's message (as @actions/core's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (as @actions/core's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

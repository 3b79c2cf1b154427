// Issue 17: the language server under a real editor's client, Neovim's built-in LSP client (Debian's neovim 0.7,
// scripts/install-system-deps.sh), headless: diagnostics arrive, the diagnostic float shows the finding, code
// actions are listed and the quick fix, applied by Neovim, clears the finding. What Neovim showed is kept in the
// README (section "In the editor") and compared here, so the README's capture is the one this run produces.
// Without nvim the test is skipped with a warning, except under CI=true where it fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const NVIM = ['/usr/bin/nvim', '/usr/local/bin/nvim'].find((p) => existsSync(p));
const CI = process.env.CI === 'true';
if (!NVIM && !CI) console.warn('test/lsp/neovim.test.ts: nvim is not installed (Debian: apt-get install -y neovim); the real-client test is skipped');

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-nvim-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const README = join(REPO_ROOT, 'README.md');
const START = '<!-- neovim-capture:start (test/lsp/neovim.test.ts writes it with UPDATE_NVIM_CAPTURE=1) -->';
const END = '<!-- neovim-capture:end -->';

interface Seen {
  error?: string;
  events: string[];
  diagnostics: Array<{ code: string; lnum: number; col: number; severity: number; message: string; source: string }>;
  line_before: string;
  float: string[];
  actions: string[];
  line_after: string;
  diagnostics_after: unknown[];
  hover?: string;
}

/** What Neovim showed, as text: the flagged line (`:set number`), the float's lines wrapped as an 80-column
 *  terminal wraps them, the code actions as Neovim's selection prompt lists them, and the line after the fix. */
function capture(seen: Seen): string {
  const d = seen.diagnostics[0];
  const num = (n: number, text: string) => `${String(n).padStart(3)} ${text}`;
  const wrap = (line: string) => line.match(/.{1,80}/g) ?? [''];
  return [
    num(d.lnum + 1, seen.line_before),
    '',
    '-- vim.diagnostic.open_float() on that line:',
    ...seen.float.flatMap(wrap),
    '',
    '-- vim.lsp.buf.code_action():',
    'Code actions:',
    ...seen.actions.map((a, i) => `${i + 1}: ${a}`),
    '',
    '-- after choosing 1 (the diagnostic is gone):',
    num(d.lnum + 1, seen.line_after),
  ].join('\n');
}

describe.skipIf(!NVIM && !CI)('the language server under Neovim', () => {
  it('shows the finding, lists the quick fix, and the fix applied by Neovim clears it', () => {
    if (!NVIM) throw new Error('nvim is not installed (Debian package `neovim`); CI=true requires it');
    const dir = join(tmp, 'project');
    cpSync(join(REPO_ROOT, 'examples/mixed-pool'), dir, { recursive: true });
    const out = join(tmp, 'seen.json');
    const r = spawnSync(NVIM, ['--headless', '--clean', '-u', join(REPO_ROOT, 'test/lsp/nvim/init.lua')], {
      env: { ...process.env, RESTY_LINT_ROOT: dir, RESTY_LINT_FILE: 'users.lua', RESTY_LINT_OUT: out, RESTY_LINT_NODE: process.execPath, RESTY_LINT_BIN: join(REPO_ROOT, 'bin/resty-lint.cjs') },
      encoding: 'utf8',
      timeout: 90000,
    });
    expect(r.status, `nvim: ${r.stderr}`).toBe(0);
    const seen: Seen = JSON.parse(readFileSync(out, 'utf8'));
    expect(seen.error).toBeUndefined();
    expect(seen.events).toEqual(['started', 'applied', 'done']);
    expect(seen.diagnostics.map((d) => [d.code, d.source, d.severity, d.lnum, d.col])).toEqual([['pool-mixed-lifecycle', 'resty-lint', 2, 21, 2]]);
    expect(seen.float.join('\n')).toMatch(/^Diagnostics:\n1\. resty-lint: `close\(\)` closes a connection of pool "127\.0\.0\.1:6379"/);
    expect(seen.actions).toEqual(['Return the connection to the pool: set_keepalive(60000, 50), as the keepalive path does', 'Suppress pool-mixed-lifecycle on this line (resty-lint: ignore)']);
    expect(seen.line_after).toBe('  red:set_keepalive(60000, 50) -- closes a connection of the same pool: load_user loses its reuse');
    expect(seen.diagnostics_after).toEqual([]);
    expect(seen.hover).toMatch(/^\*\*Pool\*\* `"127\.0\.0\.1:6379"` \(client `resty\.redis`\)/);

    const text = capture(seen);
    const readme = readFileSync(README, 'utf8');
    const block = `${START}\n\`\`\`text\n${text}\n\`\`\`\n${END}`;
    if (process.env.UPDATE_NVIM_CAPTURE === '1') {
      writeFileSync(README, readme.replace(new RegExp(`${escape(START)}[^]*?${escape(END)}`), () => block));
    }
    expect(readFileSync(README, 'utf8'), 'README capture differs from this run: UPDATE_NVIM_CAPTURE=1 npx vitest run test/lsp/neovim.test.ts').toContain(block);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

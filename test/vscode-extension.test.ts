// Issue 17: the minimal VS Code extension (editors/vscode) is packaged into a .vsix with the official tool,
// @vscode/vsce (scripts/build-vscode.mjs), and its bundle needs nothing at run time but VS Code and Node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-vsix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the VS Code extension', () => {
  it('packages into a .vsix holding its manifest and its bundled client', () => {
    const out = join(tmp, 'resty-lint.vsix');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-vscode.mjs'), out], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120000 });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const vsix = readFileSync(out);
    expect(vsix.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    for (const entry of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js']) expect(vsix.includes(Buffer.from(entry))).toBe(true);
    expect(vsix.includes(Buffer.from('extension/src/'))).toBe(false);

    const bundle = readFileSync(join(REPO_ROOT, 'editors/vscode/dist/extension.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    const outside = [...required].filter((m) => m !== 'vscode' && !m.startsWith('node:') && !builtinModules.includes(m));
    expect(outside).toEqual([]);
    expect(required.has('vscode')).toBe(true);
  });

  it('starts the server with `lsp --stdio` for Lua files', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'editors/vscode/package.json'), 'utf8'));
    expect(manifest.activationEvents).toEqual(['onLanguage:lua']);
    const source = readFileSync(join(REPO_ROOT, 'editors/vscode/src/extension.js'), 'utf8');
    expect(source).toContain("'lsp', '--stdio'");
  });
});

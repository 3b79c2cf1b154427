// Issue 17: `resty-lint lsp --stdio` driven over JSON-RPC as an editor drives it: initialize, didOpen, didChange,
// codeAction, hover, config changes, several workspace folders, shutdown/exit.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LspClient, uriOf, type Diagnostic } from '../support/lsp-client.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-lsp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let clients: LspClient[] = [];
afterEach(() => {
  for (const c of clients) c.process.kill();
  clients = [];
});

function example(): string {
  const dir = mkdtempSync(join(tmp, 'ex-'));
  cpSync(join(REPO_ROOT, 'examples/mixed-pool'), dir, { recursive: true });
  return dir;
}

function client(): LspClient {
  const c = new LspClient();
  clients.push(c);
  return c;
}

const codes = (d: Diagnostic[] | undefined) => (d ?? []).map((x) => x.code);

describe('resty-lint lsp --stdio', () => {
  it('initializes with incremental sync, quick fixes and hovers, then publishes the workspace diagnostics', async () => {
    const dir = example();
    const c = client();
    const init = await c.initialize([dir]);
    expect(init.capabilities).toMatchObject({ textDocumentSync: { openClose: true, change: 2 }, codeActionProvider: { codeActionKinds: ['quickfix'] }, hoverProvider: true });
    const users = uriOf(join(dir, 'users.lua'));
    await c.until(() => c.diagnostics.has(users), 'users.lua diagnostics');
    const [d] = c.diagnostics.get(users)!;
    expect(d).toMatchObject({
      code: 'pool-mixed-lifecycle',
      codeDescription: { href: 'https://github.com/resty-lint/resty-lint/blob/main/docs/rules/pool-mixed-lifecycle.md' },
      severity: 2,
      source: 'resty-lint',
      range: { start: { line: 21, character: 2 }, end: { line: 21, character: 13 } },
      relatedInformation: [{ location: { uri: users, range: { start: { line: 11, character: 2 } } }, message: expect.stringMatching(/store\.release\(\) returns connections of pool "127\.0\.0\.1:6379"/) }],
    });
    expect(d.message).toMatch(/^`close\(\)` closes a connection of pool "127\.0\.0\.1:6379", which another path keeps alive\. The keepalive path \(users\.lua:12:3\)/);
    expect(await c.shutdown()).toBe(0);
  });

  it('analyzes an open buffer as it is, unsaved edits included, and updates the diagnostics of other files', async () => {
    const dir = example();
    const c = client();
    await c.initialize([dir]);
    const users = join(dir, 'users.lua');
    const store = join(dir, 'store.lua');
    await c.until(() => codes(c.diagnostics.get(uriOf(users))).includes('pool-mixed-lifecycle'), 'the finding');
    const text = readFileSync(users, 'utf8');
    await c.open(users, text);
    // The unsaved buffer pools the connection instead of closing it: the finding goes, the file on disk is unchanged.
    let n = c.published.length;
    await c.change(users, text.replace('red:close()', 'red:set_keepalive(60000, 50)'), 2);
    await c.until(() => c.publishedAfter(n, users)?.length === 0, 'no finding on the edited buffer');
    expect(readFileSync(users, 'utf8')).toBe(text);
    // Another file's edit: a new function in store.lua closes a connection of the pool that users.lua's buffer now
    // keeps alive, so store.lua gets a finding whose other side is in users.lua.
    const storeText = readFileSync(store, 'utf8');
    await c.open(store, storeText);
    n = c.published.length;
    await c.change(store, storeText.replace('function _M.destroy(red)\n  red:close()', 'function _M.destroy(red)\n  red:close()\nend\nfunction _M.drop()\n  local red = redis:new()\n  red:connect(HOST, PORT)\n  red:close()'), 2);
    await c.until(() => codes(c.publishedAfter(n, store)).includes('pool-mixed-lifecycle'), 'a finding in store.lua from the edit');
    const related = c.diagnostics.get(uriOf(store))!.find((d) => d.code === 'pool-mixed-lifecycle')!.relatedInformation![0];
    expect(related.location.uri).toBe(uriOf(users));
    // Closing the edited buffer without saving: the file on disk counts again, its close() is back.
    n = c.published.length;
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(users) } });
    await c.until(() => codes(c.publishedAfter(n, users)).includes('pool-mixed-lifecycle'), 'the finding back');
    expect(await c.shutdown()).toBe(0);
  });

  it('analyzes a new file from its buffer before it is saved, and from disk once it is', async () => {
    const dir = example();
    const c = client();
    await c.initialize([dir]);
    await c.until(() => c.diagnostics.has(uriOf(join(dir, 'users.lua'))), 'the workspace loaded');
    // A new module, not on disk: it closes a connection of the pool users.lua keeps alive.
    const fresh = join(dir, 'report.lua');
    const text = 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:get("k")\nred:close()\n';
    let n = c.published.length;
    await c.open(fresh, text);
    await c.until(() => codes(c.publishedAfter(n, fresh)).includes('pool-mixed-lifecycle'), 'a finding in the unsaved file');
    // Saved: it is a file of the project like the others; closed, its finding stays (read from disk now).
    writeFileSync(fresh, text);
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(fresh) } });
    const analyses = () => c.logs.filter((l) => /analyzed \d+ files/.test(l)).length;
    const before = analyses();
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(fresh) } });
    await c.until(() => analyses() > before, 'an analysis after closing it');
    // Had it dropped out of the project, its diagnostics would have been cleared.
    expect(codes(c.diagnostics.get(uriOf(fresh)))).toContain('pool-mixed-lifecycle');
    expect(await c.shutdown()).toBe(0);
  });

  it('offers the mechanical fix and a suppression comment; the suppressed finding is no longer shown', async () => {
    const dir = example();
    const c = client();
    await c.initialize([dir]);
    const users = join(dir, 'users.lua');
    await c.until(() => c.diagnostics.has(uriOf(users)), 'diagnostics');
    const text = readFileSync(users, 'utf8');
    await c.open(users, text);
    const range = { start: { line: 21, character: 4 }, end: { line: 21, character: 4 } };
    type Action = { title: string; kind: string; isPreferred?: boolean; diagnostics: Diagnostic[]; edit: { changes: Record<string, Array<{ range: unknown; newText: string }>> } };
    const actions = await c.connection.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri: uriOf(users) }, range, context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toEqual(['Return the connection to the pool: set_keepalive(60000, 50), as the keepalive path does', 'Suppress pool-mixed-lifecycle on this line (resty-lint: ignore)']);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: 'pool-mixed-lifecycle' }] });
    expect(actions[0].edit.changes[uriOf(users)]).toEqual([{ range: { start: { line: 21, character: 6 }, end: { line: 21, character: 13 } }, newText: 'set_keepalive(60000, 50)' }]);
    expect(actions[1].edit.changes[uriOf(users)]).toEqual([{ range: { start: { line: 21, character: 0 }, end: { line: 21, character: 0 } }, newText: '  -- resty-lint: ignore pool-mixed-lifecycle -- REASON: why this is safe here\n' }]);
    // Nothing on a line without a finding.
    expect(await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(users) }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    const lines = text.split('\n');
    lines.splice(21, 0, '  -- resty-lint: ignore pool-mixed-lifecycle -- REASON: why this is safe here');
    const n = c.published.length;
    await c.change(users, lines.join('\n'), 2);
    await c.until(() => c.publishedAfter(n, users)?.length === 0, 'the suppressed finding hidden');
    expect(await c.shutdown()).toBe(0);
  });

  it('hovers a client variable and a connect call with its pool, client and where it is kept alive and closed', async () => {
    const dir = example();
    const c = client();
    await c.initialize([dir]);
    await c.until(() => c.diagnostics.has(uriOf(join(dir, 'users.lua'))), 'diagnostics');
    const hover = (file: string, line: number, character: number) =>
      c.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(join(dir, file)) }, position: { line, character } });
    const onConnect = await hover('store.lua', 10, 20); // red:connect(HOST, PORT)
    expect(onConnect?.contents.value).toMatch(/^\*\*Pool\*\* `"127\.0\.0\.1:6379"` \(client `resty\.redis`\)/);
    expect(onConnect?.contents.value).toContain('\n\nKept alive:\n- users.lua:12:3 `store.release(60000, 50)`');
    expect(onConnect?.contents.value).toContain('\n\nClosed:\n- users.lua:22:3 `close()`');
    const onVariable = await hover('store.lua', 8, 9); // local red = redis:new()
    expect(onVariable?.contents.value).toBe(onConnect?.contents.value);
    expect(await hover('users.lua', 0, 3)).toBeNull();
    expect(await c.shutdown()).toBe(0);
  });

  it('picks up a config change without a restart', async () => {
    const dir = example();
    const c = client();
    await c.initialize([dir], { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const users = uriOf(join(dir, 'users.lua'));
    await c.until(() => c.diagnostics.get(users)?.[0]?.severity === 2, 'a warning');
    writeFileSync(join(dir, '.resty-lint.json'), '{ "rules": { "pool-mixed-lifecycle": "error" } }\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.resty-lint.json')), type: 1 }] });
    await c.until(() => c.diagnostics.get(users)?.[0]?.severity === 1, 'an error, as the config says');
    writeFileSync(join(dir, '.resty-lint.json'), '{ "rules": { "pool-mixed-lifecycle": "off" } }\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.resty-lint.json')), type: 2 }] });
    await c.until(() => c.diagnostics.get(users)?.length === 0, 'nothing: the rule is off');
    writeFileSync(join(dir, '.resty-lint.json'), '{ "rules": { "pool-mixed-lifecycle": "loud" } }\n');
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.resty-lint.json')), type: 2 }] });
    await c.until(() => c.logs.some((l) => l.startsWith('show: resty-lint: configuration error')), 'the config error shown');
    expect(await c.shutdown()).toBe(0);
  });

  it('serves several workspace folders, each analyzed as its own project', async () => {
    const a = example();
    const b = mkdtempSync(join(tmp, 'b-'));
    mkdirSync(join(b, 'lib'));
    writeFileSync(join(b, 'lib/k.lua'), 'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("10.1.1.1", 6379)\nred:set_keepalive(0, 10)\n');
    const c = client();
    await c.initialize([a, b]);
    await c.until(() => c.diagnostics.has(uriOf(join(a, 'users.lua'))) && c.diagnostics.has(uriOf(join(b, 'lib/k.lua'))), 'both folders');
    expect(codes(c.diagnostics.get(uriOf(join(b, 'lib/k.lua'))))).toEqual(['keepalive-unbounded-idle']);
    expect(codes(c.diagnostics.get(uriOf(join(a, 'users.lua'))))).toEqual(['pool-mixed-lifecycle']);
    expect(await c.shutdown()).toBe(0);
  });

  it('refuses to start without --stdio', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), 'lsp'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lsp needs --stdio/);
  });
});

// A Language Server Protocol client over JSON-RPC (vscode-jsonrpc) driving `resty-lint lsp --stdio` as editors run
// it: the bundled executable in a child process. Diagnostics are collected as they are published.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './sarif-validate.ts';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: Diagnostic['range'] }; message: string }>;
}

export const uriOf = (file: string) => pathToFileURL(file).href;

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** The latest diagnostics of each URI, and every publication in order. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
  readonly logs: string[] = [];
  private waiters: Array<() => void> = [];
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.logs.push(`show: ${p.message}`));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(folders: string[], capabilities: object = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: folders.length > 0 ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves when `test` holds on the diagnostics published so far (checked after each publication). */
  async until(test: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; published: ${JSON.stringify(this.published.map((p) => [p.uri, p.diagnostics.map((d) => d.code)]))}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics published for `file` after the `count`th publication. */
  publishedAfter(count: number, file: string): Diagnostic[] | undefined {
    const mine = this.published.slice(count).filter((p) => p.uri === uriOf(file));
    return mine.length > 0 ? mine[mine.length - 1].diagnostics : undefined;
  }

  open(file: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'lua', version, text } });
  }

  change(file: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
  }

  /** Shuts the server down as an editor does; resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.on('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

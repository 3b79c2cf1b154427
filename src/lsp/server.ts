// `resty-lint lsp --stdio`: a language server (vscode-languageserver). Each workspace folder is a Workspace (src/
// project/workspace.ts): analyzed whole with the open buffers' text as they are, re-analyzed shortly after each
// edit (only the edited file is re-parsed), its diagnostics published for every file they change.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../config/config.ts';
import type { Rule } from '../model/rule.ts';
import { rootRelative } from '../project/project-root.ts';
import type { ProjectRun } from '../project/run-project.ts';
import { Workspace } from '../project/workspace.ts';
import { VERSION } from '../core/version.ts';
import { codeActionsFor } from './code-actions.ts';
import { diagnosticsByUri } from './diagnostics.ts';
import { hoverAt } from './hover.ts';

/** Re-analysis waits this long after the last edit, so a burst of keystrokes costs one analysis. */
const DEBOUNCE_MS = 40;
const CONFIG_FILE = /(^|[\\/])\.resty-lint\.(json|ya?ml)$/;

interface Folder {
  root: string;
  workspace: Workspace;
  run?: ProjectRun;
  /** What was last published, by absolute file path (JSON), so unchanged files are not sent again. */
  published: Map<string, string>;
  timer?: NodeJS.Timeout;
  configError?: string;
}

export const LSP_HELP = `Usage: resty-lint lsp --stdio

A Language Server Protocol server over stdin/stdout: live diagnostics, quick fixes and hovers in editors
(README: In the editor). It analyzes each workspace folder as 'resty-lint .' run in it would.
`;

/** Runs the server on this process's stdin and stdout; returns an exit code for a usage error, else never. */
export function runLanguageServer(argv: readonly string[], rules: readonly Rule[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): number | undefined {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(LSP_HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--stdio');
  if (unknown.length > 0 || !argv.includes('--stdio')) {
    io.stderr(`resty-lint: lsp ${unknown.length > 0 ? `does not take ${unknown.join(' ')}` : 'needs --stdio'}\nRun 'resty-lint lsp --help' for usage.\n`);
    return 2;
  }
  serve(createConnection(process.stdin, process.stdout), rules);
  return undefined;
}

export function serve(connection: Connection, rules: readonly Rule[]): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new Map<string, Folder>();
  let watchRegistrable = false;
  let folderEvents = false;

  const addFolder = (uri: string) => {
    const root = fileURLToPath(uri);
    if (folders.has(root)) return;
    const folder: Folder = { root, workspace: new Workspace(root, rules, (m) => connection.console.warn(`resty-lint: ${m}`)), published: new Map() };
    for (const d of documents.all()) if (inside(root, fileOf(d.uri))) folder.workspace.setBuffer(fileOf(d.uri), d.getText());
    folders.set(root, folder);
  };
  /** The innermost folder holding a file. */
  const folderOf = (file: string): Folder | undefined =>
    [...folders.values()].filter((f) => inside(f.root, file)).sort((a, b) => b.root.length - a.root.length)[0];

  const analyzeNow = (folder: Folder) => {
    folder.timer = undefined;
    let result;
    try {
      result = folder.workspace.analyze();
    } catch (e) {
      if (!(e instanceof ConfigError)) {
        // A fault of ours: said in the editor's log, and the server keeps serving the last results.
        connection.console.error(`resty-lint: internal error: ${(e as Error).stack ?? e}`);
        return;
      }
      // Keep the last diagnostics; say once what is wrong with the config until it changes.
      if (folder.configError !== e.message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `resty-lint: configuration error: ${e.message}` });
      folder.configError = e.message;
      return;
    }
    folder.configError = undefined;
    folder.run = result.run;
    publish(folder);
    connection.console.log(`resty-lint: analyzed ${result.run.filesAnalyzed} files in ${result.ms.toFixed(1)} ms (${result.parsed} parsed)`);
  };
  const schedule = (folder: Folder | undefined, delay = DEBOUNCE_MS) => {
    if (!folder) return;
    if (folder.timer) clearTimeout(folder.timer);
    folder.timer = setTimeout(() => analyzeNow(folder), delay);
  };
  const publish = (folder: Folder) => {
    // By file path: an open buffer's diagnostics go to the URI its editor named it by.
    const next = new Map([...diagnosticsByUri(folder.root, folder.run!.findings)].map(([uri, d]) => [fileOf(uri), d]));
    const open = new Map(documents.keys().map((u) => [fileOf(u), u] as const).filter(([f]) => inside(folder.root, f)));
    for (const file of new Set([...folder.published.keys(), ...next.keys(), ...open.keys()])) {
      const diagnostics: Diagnostic[] = next.get(file) ?? [];
      const json = JSON.stringify(diagnostics);
      // Open buffers always hear the outcome of an analysis (an editor waiting on an edit), other files on change.
      if (folder.published.get(file) === json && !open.has(file)) continue;
      if (diagnostics.length > 0) folder.published.set(file, json);
      else folder.published.delete(file);
      connection.sendDiagnostics({ uri: open.get(file) ?? pathToFileURL(file).href, diagnostics });
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [`file://${params.rootPath}`] : []);
    for (const uri of uris) addFolder(uri);
    watchRegistrable = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'resty-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistrable) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: ['**/*.lua', '**/*.conf', '**/.resty-lint.{json,yaml,yml}', '**/.gitignore'].map((globPattern) => ({ globPattern })),
      });
    }
    if (folderEvents) connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) {
        const root = fileURLToPath(f.uri);
        const folder = folders.get(root);
        if (!folder) continue;
        for (const file of folder.published.keys()) connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
        folders.delete(root);
      }
      for (const f of e.added) {
        addFolder(f.uri);
        schedule(folders.get(fileURLToPath(f.uri)), 0);
      }
    });
    for (const folder of folders.values()) schedule(folder, 0);
  });

  documents.onDidChangeContent((e) => {
    const file = fileOf(e.document.uri);
    const folder = folderOf(file);
    folder?.workspace.setBuffer(file, e.document.getText());
    schedule(folder);
  });
  documents.onDidClose((e) => {
    const file = fileOf(e.document.uri);
    const folder = folderOf(file);
    folder?.workspace.setBuffer(file, undefined);
    schedule(folder);
  });
  documents.onDidSave((e) => {
    const file = fileOf(e.document.uri);
    const folder = folderOf(file);
    // A saved file may be new (until now analyzed from its buffer only), or a config: the set of files and the
    // settings are read again.
    if (folder && (CONFIG_FILE.test(file) || !folder.workspace.discovered(file))) folder.workspace.forgetFiles();
    schedule(folder);
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const change of e.changes) {
      const file = fileOf(change.uri);
      const folder = folderOf(file);
      if (!folder) continue;
      if (change.type !== FileChangeType.Changed || CONFIG_FILE.test(file) || file.endsWith('.gitignore')) folder.workspace.forgetFiles();
      schedule(folder);
    }
  });

  connection.onCodeAction((params) => {
    const file = fileOf(params.textDocument.uri);
    const folder = folderOf(file);
    if (!folder?.run) return [];
    return codeActionsFor(folder.run, rootRelative(folder.root, file), params.range);
  });
  connection.onHover((params) => {
    const file = fileOf(params.textDocument.uri);
    const folder = folderOf(file);
    if (!folder?.run) return undefined;
    return hoverAt(folder.run, rootRelative(folder.root, file), params.position);
  });

  documents.listen(connection);
  connection.listen();
}

function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

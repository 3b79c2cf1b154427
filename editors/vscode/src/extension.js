// The VS Code side of `resty-lint lsp --stdio`: starts the server for Lua files and leaves the rest to the
// language client (diagnostics, quick fixes, hovers). Bundled with vscode-languageclient by scripts/build-vscode.mjs.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The server command: the configured bin, the workspace's own resty-lint, else `resty-lint` on the PATH. Never an
 *  implicit download (npx --yes): what runs in the editor is what the project or the user installed. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('resty-lint').get('path');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder && path.join(folder, 'node_modules', 'resty-lint', 'bin', 'resty-lint.cjs');
  const bin = configured || (local && fs.existsSync(local) ? local : undefined);
  if (bin) return { command: 'node', args: [bin, 'lsp', '--stdio'], options: { cwd: folder } };
  return { command: 'resty-lint', args: ['lsp', '--stdio'], options: { cwd: folder, shell: process.platform === 'win32' } };
}

function activate(context) {
  client = new LanguageClient('resty-lint', 'resty-lint', serverCommand(), {
    documentSelector: [{ scheme: 'file', language: 'lua' }, { scheme: 'file', pattern: '**/*.conf' }],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };

// Edit latency of `resty-lint lsp --stdio` (issue 17): the server is started on a workspace, loaded once, then one
// open file is edited (a comment line added, then removed, alternately); for each edit, the time from sending
// didChange to the publication of that file's diagnostics (debounce included), and the server's own analysis time
// (its log line "analyzed N files in X ms (P parsed)"). Medians of EDITS edits after two untimed ones.
//
// Standalone: `node scripts/bench/lsp-latency.mjs [dir file]` prints the two data sets' numbers (or those of dir).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ensureProject } from './synthetic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EDITS = 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Starts `cli lsp --stdio` on `dir`, edits `file` EDITS+2 times; all times in ms. */
export async function editLatency(cli, dir, file) {
  const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(file).href;
  let onPublish = () => {};
  let lastAnalysis;
  conn.onNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && onPublish());
  conn.onNotification('window/logMessage', (p) => {
    const m = /analyzed (\d+) files in ([\d.]+) ms \((\d+) parsed\)/.exec(p.message);
    if (m) lastAnalysis = { files: Number(m[1]), ms: Number(m[2]), parsed: Number(m[3]) };
  });
  conn.listen();
  const published = () => new Promise((resolve) => (onPublish = resolve));
  const t0 = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {} });
  const text = fs.readFileSync(file, 'utf8');
  let first = published();
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text } });
  await first;
  // The workspace is loaded when the analysis after didOpen has reported (the first may have run before it).
  while (!lastAnalysis) await new Promise((r) => setTimeout(r, 20));
  const loadMs = performance.now() - t0;
  const latency = [];
  const analysis = [];
  const parsed = [];
  for (let i = 0; i < EDITS + 2; i++) {
    const next = published();
    lastAnalysis = undefined;
    const start = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: i % 2 === 0 ? `${text}\n-- edit ${i}\n` : text }] });
    await next;
    const ms = performance.now() - start;
    while (!lastAnalysis) await new Promise((r) => setTimeout(r, 5));
    if (i < 2) continue;
    latency.push(ms);
    analysis.push(lastAnalysis.ms);
    parsed.push(lastAnalysis.parsed);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return { files: lastAnalysis?.files, loadMs: Math.round(loadMs), editToDiagnosticsMs: Math.round(median(latency)), editToDiagnosticsMaxMs: Math.round(Math.max(...latency)), analysisMs: Math.round(median(analysis)), parsedPerEdit: median(parsed), edits: EDITS };
}

/** The two workspaces of the issue: the bundled example (small) and a synthetic project the size of Kong (1.3k files). */
export async function editorLatency(cli, cacheDir, seed) {
  const small = path.join(cacheDir, 'lsp-small');
  fs.rmSync(small, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples/mixed-pool'), small, { recursive: true });
  const large = ensureProject(cacheDir, 1300, seed).dir;
  const handler = fs.readdirSync(path.join(large, 'lua/app'), { recursive: true }).filter((f) => f.endsWith('.lua')).sort()[0];
  return {
    small: { name: 'examples/mixed-pool', ...(await editLatency(cli, small, path.join(small, 'users.lua'))) },
    large: { name: 'synthetic-1300', ...(await editLatency(cli, large, path.join(large, 'lua/app', handler))) },
  };
}

export function latencyLines(r) {
  return [
    `- small project (${r.small.name}, ${r.small.files} files): edit -> diagnostics ${r.small.editToDiagnosticsMs} ms median (max ${r.small.editToDiagnosticsMaxMs} ms; target < 1000 ms), server analysis ${r.small.analysisMs} ms`,
    `- Kong-size workspace (${r.large.name}, ${r.large.files} files, loaded in ${r.large.loadMs} ms): analysis after an edit ${r.large.analysisMs} ms median, ${r.large.parsedPerEdit} file re-parsed (target < 300 ms); edit -> diagnostics ${r.large.editToDiagnosticsMs} ms median (max ${r.large.editToDiagnosticsMaxMs} ms)`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cli = path.join(ROOT, 'bin/resty-lint.cjs');
  if (process.argv[2]) {
    console.log(JSON.stringify(await editLatency(cli, path.resolve(process.argv[2]), path.resolve(process.argv[3]))));
  } else {
    const r = await editorLatency(cli, path.join(ROOT, 'bench/cache'), 42);
    console.log(latencyLines(r).join('\n'));
  }
}

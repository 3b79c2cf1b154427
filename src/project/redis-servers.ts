// redis.conf files → the server settings rules compare the pools against.
import fs from 'node:fs';
import path from 'node:path';
import type { SourceSpan } from '../core/findings.ts';
import type { RedisServer } from '../model/project-model.ts';
import { parseRedisConf } from '../redis/redis-conf.ts';
import { SourceText } from '../source/source-text.ts';
import { diag, type Draft } from './nginx-units.ts';

export function loadRedisServers(cwd: string, files: readonly string[], sources: Map<string, SourceText>, diagnostics: Draft[]): RedisServer[] {
  const out: RedisServer[] = [];
  for (const file of files) {
    let text: SourceText;
    try {
      text = new SourceText(fs.readFileSync(path.resolve(cwd, file)));
    } catch (e) {
      diagnostics.push(diag('not-analyzed', 'note', `Could not read this file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, start(file)));
      continue;
    }
    sources.set(file, text);
    const conf = parseRedisConf(text.latin1, file);
    const at = (offset: number): SourceSpan => {
      const p = text.position(offset);
      return { file, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + text.lineText(p.line).trimEnd().length - (p.column - 1) };
    };
    for (const e of conf.errors) diagnostics.push(diag('syntax-error', 'error', `redis.conf error: ${e.message}`, at(e.offset)));
    out.push({
      file,
      port: conf.port,
      timeoutSeconds: conf.timeout?.seconds ?? 0,
      timeoutLocation: conf.timeout ? at(conf.timeout.offset) : undefined,
      maxclients: conf.maxclients?.value,
    });
  }
  return out;
}

function start(file: string): SourceSpan {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

// The key of a run's rule results: a digest of everything the model and the rules are made from. The rules read
// only the model, and the model is a pure function of the units (their paths, facts and entries), the
// positions their spans locate to, the nginx and redis settings, and the config's roots and wrappers. So two
// runs with the same key make the same findings, and the second can take the first's (result-cache.ts).
//
// A Lua file enters by its digest (lua-file-units.ts): its cache entry's payload (its facts) and the digest of
// its positions (SourceText.positionDigest). An edit that leaves both alone (a comment reworded on its line)
// keeps the key; one that moves a line or changes what the code does changes it. The nginx and redis side is
// computed on every run anyway and enters as it is.
//
// The key comes with the digest of everything but the Lua files (`rest`): a run whose `rest` and Lua file list
// are the last run's, and whose changed files' facts are the same but for their offsets, links the same model
// but for where its spans are in those files (moved-findings.ts).
import { createHash } from 'node:crypto';
import type { WrapperSpec } from '../config/config.ts';
import type { RedisServer } from '../model/project-model.ts';
import type { SourceText } from '../source/source-text.ts';
import type { NginxUnits } from './nginx-units.ts';

export interface ResultKeyInput {
  /** The rules that run, in the order they run. */
  ruleIds: readonly string[];
  /** The parsed Lua files in file order, with their digests. */
  luaFiles: ReadonlyArray<{ path: string; digest: string }>;
  nginx: NginxUnits;
  redisServers: readonly RedisServer[];
  luaRoots?: readonly string[];
  rootName: string;
  wrappers?: readonly WrapperSpec[];
}

const FORMAT = 'resty-lint-result-key 2';

export interface ResultKey {
  /** Everything the findings are made from. */
  key: string;
  /** Everything but the Lua files. */
  rest: string;
}

export function resultKey(input: ResultKeyInput): ResultKey {
  const rest = restOf(input);
  const key = createHash('sha256').update(FORMAT).update('\0').update(rest);
  key.update('\0').update(JSON.stringify(input.luaFiles.map((f) => [f.path, f.digest])));
  return { key: key.digest('hex'), rest };
}

/** Everything but the Lua files, as one digest. */
function restOf(input: ResultKeyInput): string {
  const hash = createHash('sha256');
  const part = (value: unknown) => hash.update('\0').update(JSON.stringify(value, plain) ?? 'undefined');
  part(input.ruleIds);
  const { nginx } = input;
  part(nginx.units.map((u) => [u.path, u.facts, u.entries]));
  part([nginx.fileEntries, nginx.keepaliveTimeoutMs, nginx.facts]);
  // Inline Lua locates into the nginx files' text.
  part([...nginx.sources].map(([file, text]: [string, SourceText]) => [file, text.positionDigest()]));
  part(input.redisServers);
  part([input.luaRoots ?? [], input.rootName, input.wrappers ?? []]);
  return hash.digest('hex');
}

/** JSON for the key: maps and sets as their entries, in their (deterministic) insertion order. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  return value;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseRedisConf, splitArgs } from '../../src/redis/redis-conf.ts';
import { SourceText } from '../../src/source/source-text.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('parseRedisConf', () => {
  it('reads fixtures/conf-model/redis/redis.conf, last occurrence winning', () => {
    const path = join(REPO_ROOT, 'fixtures', 'conf-model', 'redis', 'redis.conf');
    const source = new SourceText(readFileSync(path));
    const conf = parseRedisConf(source.latin1, path);
    expect(conf).toEqual({
      port: 6379,
      timeout: { seconds: 120, offset: conf.timeout!.offset },
      maxclients: { value: 2000, offset: conf.maxclients!.offset },
      bind: ['127.0.0.1', '-::1'],
      includes: [{ path: '/etc/redis/local.conf', offset: conf.includes[0]?.offset }],
      errors: [],
    });
    expect(source.position(conf.timeout!.offset)).toEqual({ line: 8, column: 1 });
    expect(source.position(conf.maxclients!.offset)).toEqual({ line: 7, column: 1 });
    expect(source.position(conf.includes[0].offset)).toEqual({ line: 9, column: 1 });
  });

  it('skips comments and blank lines, trims, lower-cases names, handles CRLF', () => {
    const text = '# timeout 5\n\n   TIMEOUT 30  \r\n\tPort 7000\r\n';
    const conf = parseRedisConf(text, 'r.conf');
    expect(conf.timeout).toEqual({ seconds: 30, offset: 13 });
    expect(conf.port).toBe(7000);
    expect(conf.errors).toEqual([]);
  });

  it('reads quoted arguments', () => {
    const conf = parseRedisConf('timeout "60"\nbind \'10.0.0.1\' "::1"\nmaxclients "1\\x30"\n', 'r.conf');
    expect(conf.timeout?.seconds).toBe(60);
    expect(conf.bind).toEqual(['10.0.0.1', '::1']);
    expect(conf.maxclients?.value).toBe(10);
  });

  it('splits a single bind argument at blanks', () => {
    expect(parseRedisConf('bind "127.0.0.1 ::1"\n', 'r.conf').bind).toEqual(['127.0.0.1', '::1']);
  });

  it('reports lines Redis refuses, with the line start as offset, and keeps the earlier value', () => {
    const text = 'timeout 10\ntimeout abc\nport 70000\nmaxclients 0\ntimeout 1 2\nbind "x\nport 01\n';
    const conf = parseRedisConf(text, 'r.conf');
    expect(conf.timeout).toEqual({ seconds: 10, offset: 0 });
    expect(conf.port).toBeUndefined();
    expect(conf.maxclients).toBeUndefined();
    expect(conf.errors).toEqual([
      { offset: 11, message: '"timeout" argument couldn\'t be parsed into an integer' },
      { offset: 23, message: '"port" argument must be between 0 and 65535 inclusive' },
      { offset: 34, message: '"maxclients" argument must be between 1 and 4294967295 inclusive' },
      { offset: 47, message: 'wrong number of arguments for "timeout"' },
      { offset: 59, message: 'Unbalanced quotes in configuration line' },
      { offset: 67, message: '"port" argument couldn\'t be parsed into an integer' },
    ]);
  });

  it('treats a trailing # as an argument, like Redis', () => {
    const conf = parseRedisConf('timeout 0 # never\n', 'r.conf');
    expect(conf.timeout).toBeUndefined();
    expect(conf.errors).toEqual([{ offset: 0, message: 'wrong number of arguments for "timeout"' }]);
  });

  it('handles an empty file and a last line without newline', () => {
    expect(parseRedisConf('', 'r.conf')).toEqual({ includes: [], errors: [] });
    expect(parseRedisConf('port 1', 'r.conf').port).toBe(1);
  });
});

describe('splitArgs (sdssplitargs)', () => {
  it('splits like Redis', () => {
    expect(splitArgs('set key "a b"')).toEqual(['set', 'key', 'a b']);
    expect(splitArgs('"\\n\\t\\x41\\q"')).toEqual(['\n\tAq']);
    expect(splitArgs("'it\\'s' '\\n'")).toEqual(["it's", '\\n']);
    expect(splitArgs('ab"c d"')).toEqual(['abc d']);
    expect(splitArgs('""')).toEqual(['']);
    expect(splitArgs('   ')).toEqual([]);
  });

  it('rejects unbalanced quotes and a quote followed by a non-blank', () => {
    expect(splitArgs('"abc')).toBeUndefined();
    expect(splitArgs("'abc")).toBeUndefined();
    expect(splitArgs('"a"b')).toBeUndefined();
    expect(splitArgs("'a'b")).toBeUndefined();
  });
});

// Outside git, a .gitignore's patterns are tested together (gitignoreMatcher): a pattern without `/` against each
// segment of the path, the others as one expression. The answer must be the one each pattern's own expression
// (globToRegExp) gives, on every path.
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/files/glob-match.ts';
import { gitignoreMatcher } from '../../src/files/ignore-rules.ts';

const GLOBS = [
  ['**/.DS_Store', '**/servroot*', '**/kong*.yml', '**/luacov.*', 'doc', 'autodoc/output', '**/*.so', '**/bazel-*'],
  ['**/[ab]c', '**/{gen,tmp}', '**/x?z', '**/foo**bar', '**/a.b', 'spec/**/fixtures', '**/deep/er'],
  ['**/build'],
];
const SEGMENTS = ['.DS_Store', 'servroot', 'servroot2', 'kong.yml', 'kong-x.yml', 'kong.yaml', 'luacov.out', 'doc', 'docs', 'autodoc', 'output', 'lib.so', 'so', 'bazel-bin', 'ac', 'bc', 'cc', 'gen', 'tmp', 'xyz', 'xz', 'foo', 'bar', 'fooXbar', 'a.b', 'aXb', 'spec', 'fixtures', 'deep', 'er', 'build', 'a.lua'];

function* paths(): Generator<string> {
  for (const a of SEGMENTS) {
    yield a;
    for (const b of SEGMENTS) {
      yield `${a}/${b}`;
      for (const c of ['a.lua', 'fixtures', 'bar', 'er']) yield `${a}/${b}/${c}`;
    }
  }
}

describe('gitignoreMatcher', () => {
  it('ignores exactly what the patterns\' own expressions match', () => {
    for (const globs of GLOBS) {
      const together = gitignoreMatcher(globs);
      const apart = globs.map(globToRegExp);
      let ignored = 0;
      for (const rel of paths()) {
        const expected = apart.some((re) => re.test(rel));
        expect(together(rel), `${rel} with ${globs.join(' ')}`).toBe(expected);
        if (expected) ignored++;
      }
      expect(ignored).toBeGreaterThan(100);
    }
  });
});

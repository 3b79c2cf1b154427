// Issue 14 item 15: how option values are read. A flag never takes an inline value, `-o -` is stdout, an empty
// value is an error, and the value of --cache is never mistaken for the `pools` subcommand.
import { describe, expect, it } from 'vitest';
import { parseArgs, parsePoolsArgs, poolsCommandIndex, UsageError } from '../../src/cli/args.ts';

describe('option values', () => {
  it('boolean flags reject an inline value (--color=never must not turn colors on)', () => {
    expect(() => parseArgs(['--color=never'])).toThrow(UsageError);
    expect(() => parseArgs(['--no-color=1'])).toThrow(/takes no value/);
    expect(() => parseArgs(['--no-cache=yes'])).toThrow(/takes no value/);
    expect(() => parseArgs(['--pre-commit=false'])).toThrow(/takes no value/);
    expect(parseArgs(['--color'])).toMatchObject({ color: true });
  });

  it('-o - means stdout; -o "" is an error', () => {
    expect(parseArgs(['-o', '-'])).toMatchObject({ output: undefined });
    expect(parseArgs(['--output=-'])).toMatchObject({ output: undefined });
    expect(parsePoolsArgs(['-o', '-'])).toMatchObject({ output: undefined });
    expect(() => parseArgs(['-o', ''])).toThrow(/empty/);
    expect(() => parseArgs(['--output='])).toThrow(/empty/);
  });

  it('--cache pools src: pools is the cache directory, not the subcommand', () => {
    const argv = ['--cache', 'pools', 'src'];
    expect(poolsCommandIndex(argv)).toBe(-1);
    expect(parseArgs(argv)).toMatchObject({ cache: 'pools', paths: ['src'] });
    expect(poolsCommandIndex(['--cache', 'dir', 'pools', 'src'])).toBe(2);
  });
});

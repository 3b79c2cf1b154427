import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeValues, encodeValues } from '../src/project/compact-values.ts';

const roundTrip = (x: unknown) => decodeValues(encodeValues(x));

describe('compact values', () => {
  it('keeps every kind of plain data as it was', () => {
    const value = {
      none: undefined,
      nothing: null,
      yes: true,
      no: false,
      numbers: [0, 1, 127, 128, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -1, -0, 0.5, -1e300, Number.NaN, Infinity],
      text: ['', 'ascii', 'é✓ 𝄞', 'lone \ud800 surrogate', '\udc00', 'a\0b'],
      nested: { map: new Map<unknown, unknown>([['k', { a: 1 }], [2, [3]], [undefined, null]]), set: new Set(['x', 1, undefined]) },
      empty: [{}, [], new Map(), new Set()],
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.is(back.numbers[8], -0)).toBe(true);
    expect('none' in back).toBe(true);
  });

  it('writes each string and each shape once', () => {
    const uses = Array.from({ length: 1000 }, (_, i) => ({ file: 'lua/app/handlers/very/long/path.lua', key: 'redis:127.0.0.1:6379', line: i }));
    expect(encodeValues(uses).length).toBeLessThan(v8.serialize(uses).length / 5);
  });

  it('keeps shared objects shared, and cycles', () => {
    const shared = { key: 'k' };
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const back = roundTrip({ a: shared, b: [shared], c: new Map([['x', shared]]), loop }) as Record<string, any>;
    expect(back.a).toBe(back.b[0]);
    expect(back.c.get('x')).toBe(back.a);
    expect(back.loop.self).toBe(back.loop);
  });

  it('takes an own __proto__ key as a property, never as the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "other": 1}') as Record<string, unknown>;
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'other']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toStrictEqual({ polluted: true });
  });

  it('refuses what is not plain data instead of writing something else', () => {
    class Pool {
      key = 'k';
    }
    for (const x of [new Pool(), () => 1, Symbol('s'), 1n, new Uint8Array(2), new Date(0)]) expect(() => encodeValues({ x })).toThrow(TypeError);
  });

  it('throws on bytes it did not write: cut short anywhere, or with bytes after the end', () => {
    const bytes = encodeValues({ a: [1, 'two', { three: new Map([[4, new Set([5])]]) }], b: 'two' });
    for (let n = 0; n < bytes.length; n++) expect(() => decodeValues(bytes.subarray(0, n)), `cut at ${n}`).toThrow(RangeError);
    expect(() => decodeValues(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(RangeError);
    expect(() => decodeValues(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(RangeError);
  });
});

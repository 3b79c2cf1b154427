// The strict JSON parser for .resty-lint.json: RFC 8259 only, with the offset of every syntax error (for
// `file:line:column` messages) and duplicate keys rejected. Kept apart from the loader because it is a
// self-contained parser that knows nothing about the config's shape.

/** A JSON syntax error at `offset` (UTF-16 index into the text). */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_JSON_DEPTH = 200;

/** RFC 8259 JSON with error offsets (V8's JSON.parse messages do not always carry one) and duplicate keys
 *  rejected (JSON.parse silently keeps the last). */
export function parseJson(text: string): unknown {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = (): string => (pos >= text.length ? 'end of file' : JSON.stringify(text[pos]));
  const skipWs = (): void => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else break;
    }
  };
  const expectChar = (c: string, what: string): void => {
    skipWs();
    if (text[pos] !== c) fail(`expected ${what}, got ${found()}`);
    pos++;
  };
  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const code = text.charCodeAt(pos);
      if (code === 0x22) break;
      if (code < 0x20) fail('control character in string (escape it)');
      if (code === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('invalid \\u escape in string');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail('invalid escape in string');
      } else pos++;
    }
    pos++; // closing quote
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const parseValue = (depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH) fail('nested too deeply');
    skipWs();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail(`expected a double-quoted property name, got ${found()}`);
        const keyAt = pos;
        const key = parseString();
        if (Object.hasOwn(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
        expectChar(':', "':' after the property name");
        // defineProperty: a "__proto__" key stays a plain property.
        Object.defineProperty(obj, key, { value: parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        fail(`expected ',' or '}' after a property value, got ${found()}`);
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        fail(`expected ',' or ']' after an array element, got ${found()}`);
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    JSON_NUMBER.lastIndex = pos;
    const m = JSON_NUMBER.exec(text);
    if (m && m[0] !== '-') {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(`expected a value, got ${found()}`);
  };
  const value = parseValue(0);
  skipWs();
  if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
  return value;
}

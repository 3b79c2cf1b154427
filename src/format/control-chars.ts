// Control characters (from file names, messages quoting Lua strings, source lines) would drive the terminal or
// the CI log viewer (ESC starts an escape sequence, BEL rings): outputs read by people show them as Unicode
// control pictures instead.

/** `s` with C0 and C1 controls (and DEL) shown as control pictures; newlines are kept. */
export function sanitize(s: string): string {
  return s.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, controlPicture);
}

/** The visible stand-in of one control character. */
export function controlPicture(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
}

// The syntax of a finding's message: plain text with SARIF's embedded links (SARIF 2.1.0 §3.11.6).
//
// `[label](n)` links to the finding's related location n. Literal `[`, `]` and `\` are escaped with a
// backslash (`\[`, `\]`, `\\`), so a value quoted in a message (a pool name, a file name) can never start,
// end or swallow a link. The spec requires the escapes in link text and in the text around links; SARIF
// viewers (GitHub, CodeQL's) unescape them everywhere.

/** A value quoted verbatim in a message, escaped so it reads as text (see above). */
export function literal(s: string): string {
  return s.replace(/[\\[\]]/g, '\\$&');
}

export type MessagePart = { text: string } | { label: string; id: number };

// An escape, a link, a run of ordinary characters, or a lone `\` or `[` that starts nothing.
const TOKEN = /\\([\\[\]])|\[((?:[^\\[\]]|\\[\\[\]])*)\]\((\d+)\)|[^\\[]+|[\\[]/g;

/** The message as text runs (unescaped) and links (label unescaped). */
export function parseMessage(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const text = (s: string) => {
    const last = parts[parts.length - 1];
    if (last && 'text' in last) last.text += s;
    else parts.push({ text: s });
  };
  for (const m of message.matchAll(TOKEN)) {
    if (m[1] !== undefined) text(m[1]);
    else if (m[3] !== undefined) parts.push({ label: unescape(m[2]), id: Number(m[3]) });
    else text(m[0]);
  }
  return parts;
}

function unescape(s: string): string {
  return s.replace(/\\([\\[\]])/g, '$1');
}

/** The message in SARIF's syntax: links whose id `hasLink` accepts are kept, every other `[`, `]` and `\`
 *  is escaped (a message written without escapes, like a parser's error text, comes out valid too). */
export function toSarifText(message: string, hasLink: (id: number) => boolean): string {
  return parseMessage(message)
    .map((p) => ('text' in p ? literal(p.text) : hasLink(p.id) ? `[${literal(p.label)}](${p.id})` : literal(`[${p.label}](${p.id})`)))
    .join('');
}

/** Where the lead sentence ends: after the first `.` followed by whitespace or the end, outside link labels,
 *  or at the first line break. The lead states the defect; the rest is evidence and the fix. GitHub shows only
 *  the first sentence of a SARIF message, the text format prints it on the finding's line. */
export function splitLead(message: string): { lead: string; rest: string } {
  let at = 0;
  for (const m of message.matchAll(TOKEN)) {
    if (m[1] === undefined && m[3] === undefined) {
      const end = /\.(?=\s|$)|\n/.exec(m[0]);
      if (end) {
        const cut = at + end.index + (end[0] === '.' ? 1 : 0);
        return { lead: message.slice(0, cut), rest: message.slice(cut).replace(/^\s+/, '') };
      }
    }
    at += m[0].length;
  }
  return { lead: message, rest: '' };
}

// HTML escaping shared by the pools page (pools-html.ts) and its diagram (pools-diagram.ts).

/** Text and attribute values: the five characters HTML gives a meaning. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

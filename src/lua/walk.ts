// Iterative traversal of luaparse trees: real code has left-deep chains (a.b.c..., 1+1+...) deep
// enough to overflow any recursive walker.

/** Calls `visit` on every node object reachable from `root` (arrays are descended into), in document order. */
export function forEachNode(root: unknown, visit: (node: { type: string }) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (Array.isArray(cur)) {
      for (let i = cur.length - 1; i >= 0; i--) stack.push(cur[i]);
      continue;
    }
    if (!cur || typeof cur !== 'object') continue;
    const node = cur as Record<string, unknown>;
    if (typeof node.type === 'string') visit(node as { type: string });
    const children: unknown[] = [];
    for (const key in node) {
      if (key === 'loc' || key === 'type') continue;
      const v = node[key];
      if (v && typeof v === 'object') children.push(v);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Deepest nesting of nodes under `root`, computed without recursion. */
export function maxDepth(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [cur, d] = stack.pop()!;
    if (!cur || typeof cur !== 'object') continue;
    if (d > max) max = d;
    if (Array.isArray(cur)) {
      for (const c of cur) stack.push([c, d]);
      continue;
    }
    for (const key in cur as Record<string, unknown>) {
      if (key === 'loc') continue;
      const v = (cur as Record<string, unknown>)[key];
      if (v && typeof v === 'object') stack.push([v, d + 1]);
    }
  }
  return max;
}

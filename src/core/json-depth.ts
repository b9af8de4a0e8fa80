// JSON.parse reads any depth, but much that walks a value afterwards (structuredClone, JSON.stringify, a
// validator, a recursive copy) overflows the stack on a deep one. No document of ours nests more than a few
// levels, so anything deeper than a generous limit is refused, said where, before anything recurses into it.

/** Far deeper than any snapshot, catalog, provider answer or price table; far shallower than a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON pointer of the first value nested deeper than `limit` (arrays and objects count a level each), or null.
 * Iterative, so that it cannot overflow itself; a cycle (an object passed in by code) is found as too deep too.
 */
export function tooDeepAt(value: unknown, limit = MAX_JSON_DEPTH): string | null {
  if (typeof value !== "object" || value === null) return null;
  // Each entry: the node, its depth, and how to find its path again (parent entry, key) should it be too deep.
  const nodes: object[] = [value];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const keys: string[] = [""];
  const pending: number[] = [0];
  while (pending.length > 0) {
    const at = pending.pop()!;
    const node = nodes[at]!;
    const depth = depths[at]!;
    if (depth >= limit) return pointer(at, parents, keys);
    const add = (child: unknown, key: string) => {
      if (typeof child !== "object" || child === null) return;
      nodes.push(child);
      depths.push(depth + 1);
      parents.push(at);
      keys.push(key);
      pending.push(nodes.length - 1);
    };
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) add(node[i], String(i));
    else for (const key in node) if (Object.hasOwn(node, key)) add((node as Record<string, unknown>)[key], key);
  }
  return null;
}

function pointer(at: number, parents: readonly number[], keys: readonly string[]): string {
  const tokens: string[] = [];
  for (let i = at; i > 0; i = parents[i]!) tokens.push(keys[i]!.replace(/~/g, "~0").replace(/\//g, "~1"));
  return tokens.length === 0 ? "/" : `/${tokens.reverse().join("/")}`;
}

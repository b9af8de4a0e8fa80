// One spelling for one value: keys sorted at every depth, so equal snapshots are equal bytes.

/**
 * The value with keys sorted at every depth. What is already in order is returned as it is, not copied: the stages
 * build their objects key-sorted, so hashing 10,000 models copies next to nothing. Never mutates its input.
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortKeysDeep(item);
      if (out === undefined && sorted !== item) out = value.slice(0, i);
      out?.push(sorted);
    }
    return out ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = false;
  for (let i = 1; i < keys.length && !changed; i++) if (keys[i - 1]! > keys[i]!) changed = true;
  const children: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    if (child === undefined) {
      changed = true;
      continue;
    }
    const sorted = sortKeysDeep(child);
    children[i] = sorted;
    if (sorted !== child) changed = true;
  }
  if (!changed) return value;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const i of order) if (children[i] !== undefined) out[keys[i]!] = children[i];
  return out;
}

/** Pretty, key-sorted, newline-terminated: what goes to disk, made to be read in a diff. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

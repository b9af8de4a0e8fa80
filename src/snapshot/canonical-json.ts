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
  for (const i of order) if (children[i] !== undefined) setOwn(out, keys[i]!, children[i]);
  return out;
}

/** `out[key] = value`, except that a "__proto__" key (JSON.parse makes it an own property) stays data, not a prototype. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * Pretty, key-sorted, newline-terminated: what goes to disk, made to be read in a diff. One string: for small values
 * and as the reference the streamed form is tested against; a snapshot is written with canonicalChunks.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/**
 * Containers this shallow are walked here; anything deeper (a model, a provider's policy) is stringified whole. At
 * 1,000,000 models the file is larger than the longest string V8 can make, so it can only exist as pieces.
 */
const WALKED_DEPTH = 2;

/**
 * The text of `JSON.stringify(sortKeysDeep(value), null, pretty ? 2 : undefined)` (plus the final newline when
 * pretty), in pieces of about one model each: joined, byte for byte the same. Keys are sorted here, per piece.
 */
export function* canonicalChunks(
  value: unknown,
  { pretty }: { readonly pretty: boolean },
): Generator<string, void, undefined> {
  const root = serializable(value);
  if (root === undefined) throw new TypeError("canonicalChunks: the value has no JSON form");
  yield* chunksOf(root, 0, pretty);
  if (pretty) yield "\n";
}

/** What JSON.stringify would serialise in place of the value: toJSON's result; undefined where it leaves a member out. */
function serializable(value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function")
    return value;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  return value;
}

function* chunksOf(value: unknown, depth: number, pretty: boolean): Generator<string, void, undefined> {
  const walk =
    depth < WALKED_DEPTH &&
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (!walk) {
    const text = JSON.stringify(sortKeysDeep(value), null, pretty ? 2 : undefined);
    // A nested value's own line breaks take its depth's indentation; JSON strings never hold a raw line break.
    yield pretty && depth > 0 ? text.replaceAll("\n", `\n${"  ".repeat(depth)}`) : text;
    return;
  }
  const inner = pretty ? `\n${"  ".repeat(depth + 1)}` : "";
  const close = pretty ? `\n${"  ".repeat(depth)}` : "";
  const colon = pretty ? ": " : ":";
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "[" : ","}${inner}`;
      const item = serializable(value[i]);
      if (item === undefined) yield "null";
      else yield* chunksOf(item, depth + 1, pretty);
    }
    yield `${close}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let first = true;
  for (const key of keys) {
    const child = serializable(record[key]);
    if (child === undefined) continue;
    yield `${first ? "{" : ","}${inner}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* chunksOf(child, depth + 1, pretty);
  }
  yield first ? "{}" : `${close}}`;
}

/**
 * The keys in the order sortKeysDeep's copy holds them: sorted by code unit, except that an object puts
 * integer-like keys ("9", "10") first, in numeric order, whatever order they were added in.
 */
function sortedKeys(record: object): string[] {
  const order = Object.create(null) as Record<string, true>;
  for (const key of Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) order[key] = true;
  return Object.keys(order);
}

// Is this object a snapshot we can route on? The schema check is ajv's standalone output, so it costs no
// runtime dependency. Every reader of snapshots goes through here — the selector, and the build side's validate,
// diff, --previous and --check — so that one file is valid to all of them or to none.
// A WeakSet remembers the snapshots loadSnapshot checked and then froze, so loadSnapshot + createSelector validate
// only once; an object that can still change is checked every time it is handed in.
import validate from "../../generated/validate-snapshot.js";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { SnapshotError } from "./errors.js";

/** The snapshot schema version this selector was written against. Any 2.x.y loads, and so does any 1.x.y: every
 * 1.x snapshot is a valid 2.x snapshot (2.0 only widened what ids, kinds and fact sources may be). */
export const SUPPORTED_SCHEMA_VERSION = "2.0.0";
const SUPPORTED_MAJOR = 2;
const SUPPORTED_MINOR = 0;
const OLDEST_MAJOR = 1;

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
const validateSchema = validate as unknown as Validator;

const trusted = new WeakSet<object>();
const MAX_LISTED_PROBLEMS = 20;
const REGENERATE = "regenerate it with `provider-registry register`";

/**
 * Returns `data` itself, typed, when it is a snapshot this selector understands; throws SnapshotError otherwise.
 * `source` names the snapshot in messages (its path, when it came from a file).
 */
export function checkSnapshot(data: unknown, source = "the snapshot"): ProviderRegistrySnapshot {
  if (typeof data === "object" && data !== null && trusted.has(data)) return data as ProviderRegistrySnapshot;
  verify(data, source);
  return data as ProviderRegistrySnapshot;
}

/**
 * For readers that copy or write what they read (the build side's --previous, --check and diff): the snapshot as
 * this version knows it, without the fields a newer minor version added (they are not ours to carry into a snapshot
 * of this version). The same checks as checkSnapshot, the same SnapshotError. The original is not changed: parts
 * that lose a field are copied, the rest is shared.
 */
export function knownSnapshot(
  data: unknown,
  source = "the snapshot",
): { snapshot: ProviderRegistrySnapshot; unknownFields: readonly string[] } {
  return verify(data, source);
}

/** Marks a snapshot that passed checkSnapshot and can no longer change (loadSnapshot froze it). */
export function trustFrozen(snapshot: ProviderRegistrySnapshot): void {
  trusted.add(snapshot);
}

function verify(
  data: unknown,
  source: string,
): { snapshot: ProviderRegistrySnapshot; unknownFields: readonly string[] } {
  const minor = checkVersion(data, source);
  let errors = schemaErrors(data);
  let known = data;
  let unknownFields: string[] = [];
  // Minor versions only add optional fields, so a newer minor's unknown fields are expected; nothing else is.
  if (errors.length > 0 && minor !== null && minor > SUPPORTED_MINOR)
    ({ errors, known, unknownFields } = errorsBesidesAdditions(data, errors));
  const problems =
    errors.length > 0 ? unique(errors.map(describeError)) : semanticProblems(known as ProviderRegistrySnapshot);
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`  - … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    throw new SnapshotError(
      "SNAPSHOT_INVALID",
      `${source} is not a valid provider-registry snapshot (${plural(problems.length, "problem")}):\n${listed.join("\n")}\n` +
        `Fix or ${REGENERATE}.`,
      problems,
    );
  }
  return { snapshot: known as ProviderRegistrySnapshot, unknownFields };
}

/**
 * Whether `data` claims a minor version newer than this reader's, whose added fields it skips. For readers that
 * describe problems their own way; the version rules stay here.
 */
export function isNewerMinor(data: unknown): boolean {
  try {
    const minor = checkVersion(data, "");
    return minor !== null && minor > SUPPORTED_MINOR;
  } catch {
    return false;
  }
}

/**
 * Refuses an unknown major version before validating, since its errors would only be noise. Returns the minor
 * version of a current-major snapshot (-1 for an older major, whose fields are all known), or null when
 * schemaVersion is missing or malformed (validation then reports it).
 */
function checkVersion(data: unknown, source: string): number | null {
  if (typeof data !== "object" || data === null) return null;
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== "string") return null;
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) return null;
  const major = Number(match[1]);
  if (major < SUPPORTED_MAJOR && major >= OLDEST_MAJOR) return -1;
  if (major !== SUPPORTED_MAJOR) {
    const advice =
      major > SUPPORTED_MAJOR
        ? "upgrade provider-registry to a version that reads it, or regenerate the snapshot with this version's `provider-registry register`"
        : "regenerate the snapshot with `provider-registry register`";
    throw new SnapshotError(
      "UNSUPPORTED_SCHEMA_VERSION",
      `${source} has schemaVersion ${version}, but this provider-registry reads schema ${OLDEST_MAJOR}.x to ${SUPPORTED_MAJOR}.x ` +
        `(written against ${SUPPORTED_SCHEMA_VERSION}): ${advice}.`,
    );
  }
  return Number(match[2]);
}

function schemaErrors(data: unknown): SchemaError[] {
  return validateSchema(data) ? [] : [...(validateSchema.errors ?? [])];
}

/**
 * An unknown field can also fail the `oneOf` around it (pricing, defaultModel), so dropping additionalProperties
 * errors is not enough: remove the unknown fields from a copy and validate again; whatever remains is real.
 * The copy is made along the paths to the removed fields only (never a deep clone: an unknown field may nest
 * 100,000 levels deep, and a recursive copy of it overflows the stack).
 */
function errorsBesidesAdditions(
  data: unknown,
  errors: SchemaError[],
): { errors: SchemaError[]; known: unknown; unknownFields: string[] } {
  let known = data;
  const unknownFields: string[] = [];
  for (let round = 0; round < 8; round++) {
    const additions = errors.filter((e) => e.keyword === "additionalProperties");
    if (additions.length === 0) break;
    for (const e of additions)
      unknownFields.push(`${e.instancePath}/${escapePointer(String(e.params.additionalProperty))}`);
    known = withoutFields(
      known,
      additions.map((e) => ({ pointer: e.instancePath, key: String(e.params.additionalProperty) })),
    );
    errors = schemaErrors(known);
  }
  return { errors, known, unknownFields };
}

const isNode = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** `root` with each field removed, copying each object or array on the way to one once; `root` is not changed. */
function withoutFields(root: unknown, removals: readonly { pointer: string; key: string }[]): unknown {
  if (!isNode(root)) return root;
  const copies = new Map<object, Record<string, unknown>>();
  const copyOf = (node: Record<string, unknown>) => {
    let copy = copies.get(node);
    if (copy === undefined) {
      copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string, unknown>;
      copies.set(node, copy);
    }
    return copy;
  };
  const top = copyOf(root);
  for (const { pointer, key } of removals) {
    let original: Record<string, unknown> = root;
    let copy: Record<string, unknown> | undefined = top;
    for (const token of pointer.split("/").slice(1).map(unescapePointer)) {
      const child = Object.hasOwn(original, token) ? original[token] : undefined;
      if (!isNode(child)) {
        copy = undefined;
        break;
      }
      const childCopy = copyOf(child);
      // defineProperty, not assignment: a key "__proto__" must stay a field, not become the copy's prototype.
      Object.defineProperty(copy, token, { value: childCopy, writable: true, enumerable: true, configurable: true });
      original = child;
      copy = childCopy;
    }
    if (copy !== undefined) delete copy[key];
  }
  return top;
}

const unescapePointer = (token: string) => token.replace(/~1/g, "/").replace(/~0/g, "~");
const escapePointer = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

function describeError(e: SchemaError): string {
  const at = e.instancePath === "" ? "/" : e.instancePath;
  switch (e.keyword) {
    case "required":
      return `${e.instancePath}/${escapePointer(String(e.params.missingProperty))}: is required but missing`;
    case "additionalProperties":
      return `${e.instancePath}/${escapePointer(String(e.params.additionalProperty))}: is not a field of this schema version`;
    case "enum":
      return `${at}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

/** What the schema cannot say: a model listed twice would make its provider's ranking ambiguous. */
function semanticProblems(snapshot: ProviderRegistrySnapshot): string[] {
  const models = snapshot.models;
  // register writes models sorted by provider, then id, so a repeat is next to its first: one pass that checks the
  // order and finds repeats together, no keys built. Only a list out of that order needs the map.
  const problems: string[] = [];
  let first = 0;
  for (let i = 1; i < models.length; i++) {
    const a = models[i - 1]!;
    const b = models[i]!;
    if (a.provider === b.provider) {
      if (a.id === b.id) {
        problems.push(`/models/${i}: repeats /models/${first} (${b.provider} ${b.id})`);
        continue;
      }
      if (a.id > b.id) return repeatsByKey(models);
    } else if (a.provider > b.provider) return repeatsByKey(models);
    first = i;
  }
  return problems;
}

function repeatsByKey(models: ProviderRegistrySnapshot["models"]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  models.forEach((model, i) => {
    const key = `${model.provider}\u0000${model.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else problems.push(`/models/${i}: repeats /models/${first} (${model.provider} ${model.id})`);
  });
  return problems;
}

const unique = (items: string[]) => [...new Set(items)];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** For the Python selector, generated by scripts/conformance.ts: the oldest major version that still loads. */
export { OLDEST_MAJOR as OLDEST_SCHEMA_MAJOR };

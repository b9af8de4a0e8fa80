// What a caller may ask for, and its one-time normalisation into the numbers the hot path compares.
import type { SelectionContext } from "./context.js";
import { SelectionError } from "./errors.js";
import { ensureCategory, lookup, type ModelRecord, type ProviderRecord, type SnapshotIndex } from "./snapshot-index.js";
import {
  CATEGORIES,
  JSON_MODE,
  MAX_ID_LENGTH,
  NO_MINIMUM,
  REASONING,
  TOOLS,
  VISION,
  type Category,
} from "./vocabulary.js";

export { CATEGORIES, type Category };

export interface Requirements {
  /** `true` requires the capability; `false` or absent does not (it never excludes models that have it). */
  vision?: boolean;
  tools?: boolean;
  reasoning?: boolean;
  json?: boolean;
  /** Minimum context window in tokens; a model whose window is unknown does not meet it. */
  minContext?: number;
  /** Minimum output tokens; a model whose limit is unknown does not meet it. */
  minOutput?: number;
}

export interface SelectionRequest {
  /** A model id or alias (any case), or "auto" (the same as leaving it out). */
  model?: string;
  /** Default: balanced. */
  category?: Category;
  /** Restrict the choice to one provider. */
  provider?: string;
  requires?: Requirements;
  /** Model ids or aliases (any case) to skip, at every provider, e.g. ones that just failed. */
  exclude?: readonly string[];
}

function invalid(message: string): never {
  throw new SelectionError("INVALID_REQUEST", `invalid request: ${message}`);
}

/**
 * Any value, for a message. Requests come from callers' code, so the message must not throw: JSON.stringify does on
 * a BigInt or a cycle, String does on an object without a prototype.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "bigint") return cut(`${value}n`, SHOWN_LIMIT);
  if (typeof value === "symbol") return cut(value.toString(), SHOWN_LIMIT);
  try {
    return cut(JSON.stringify(value) ?? String(value), SHOWN_LIMIT);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * How much of a caller's value or name a message quotes: a request can carry megabytes (a name read from an
 * upload), and a message is read by people and written to logs. A name is cut at MAX_ID_LENGTH, so any name that
 * can match is quoted whole.
 */
const SHOWN_LIMIT = 1000;

/** A name in quotes, cut (and its length given) when it is longer than any model id. */
export function quoted(name: string): string {
  return name.length <= MAX_ID_LENGTH ? `"${name}"` : `"${cut(name, MAX_ID_LENGTH)}" (${name.length} characters)`;
}

/** The first `limit` UTF-16 units and "…", never half a surrogate pair; the text itself when it fits. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit)}…`;
}

// Requirements are read by name: a shared `requires[key]` went megamorphic and cost an auto request a third of
// its time (measured with `npm run bench`; see docs/benchmarks.md).
function flag(value: unknown, key: "vision" | "tools" | "reasoning" | "json", bit: number): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return bit;
  return invalid(`requires.${key} must be true or false (got ${describeValue(value)})`);
}

function minimum(value: unknown, key: "minContext" | "minOutput"): number {
  if (value === undefined) return NO_MINIMUM;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return invalid(`requires.${key} must be a number of tokens, 0 or more (got ${describeValue(value)})`);
  }
  return value;
}

function capabilities(requires: Requirements): number {
  return (
    flag(requires.vision, "vision", VISION) |
    flag(requires.tools, "tools", TOOLS) |
    flag(requires.reasoning, "reasoning", REASONING) |
    flag(requires.json, "json", JSON_MODE)
  );
}

// A misspelt key (`minContex`) would otherwise drop a requirement silently and return a model that breaks it.
// One loop per kind of object rather than one taking a callback: select calls these on every request.
function checkRequestKeys(request: object): void {
  for (const key in request) {
    if (!isRequestKey(key)) invalid(`unknown field ${key}`);
  }
}

function checkRequirementKeys(requires: object): void {
  for (const key in requires) {
    if (!isRequirementKey(key)) invalid(`unknown field requires.${key}`);
  }
}

const isRequestKey = (k: string) =>
  k === "model" || k === "category" || k === "provider" || k === "requires" || k === "exclude";
const isRequirementKey = (k: string) =>
  k === "vision" || k === "tools" || k === "reasoning" || k === "json" || k === "minContext" || k === "minOutput";

function categoryIndex(category: unknown): 0 | 1 | 2 {
  switch (category) {
    case undefined:
    case "balanced":
      return 1;
    case "fast_response":
      return 0;
    case "extended_reasoning":
      return 2;
    default:
      return invalid(`category must be one of ${CATEGORIES.join(", ")} (got ${describeValue(category)})`);
  }
}

const isRecord = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The model a request names; null for auto (any case). */
function requestedModel(name: unknown): string | null {
  if (typeof name !== "string" || name === "") return invalid(`model must be a model id, an alias or "auto"`);
  return name === "auto" || (name.length === 4 && name.toLowerCase() === "auto") ? null : name;
}

/**
 * Checks a request and resolves it against the snapshot: one object per select call, which the choice keeps.
 * The rare paths live in helpers so that this stays under V8's inlining limit (460 bytes of bytecode).
 */
export function normalizeRequest(request: unknown, index: SnapshotIndex): SelectionContext {
  if (request === undefined) request = {};
  if (!isRecord(request)) invalid('it must be an object such as { category: "balanced" }');
  checkRequestKeys(request);
  const r = request as SelectionRequest;

  const model = r.model === undefined ? null : requestedModel(r.model);
  const c = categoryIndex(r.category);
  ensureCategory(index, c);

  let need = 0;
  let minContext = NO_MINIMUM;
  let minOutput = NO_MINIMUM;
  const requires = r.requires;
  if (requires !== undefined) {
    if (!isRecord(requires)) invalid("requires must be an object such as { vision: true, minContext: 100000 }");
    checkRequirementKeys(requires);
    need = capabilities(requires);
    minContext = minimum(requires.minContext, "minContext");
    minOutput = minimum(requires.minOutput, "minOutput");
  }

  return {
    index,
    model,
    category: CATEGORIES[c],
    categoryIndex: c,
    categoryNamed: r.category !== undefined,
    provider: r.provider === undefined ? null : resolveProvider(index, r.provider),
    need,
    minContext,
    minOutput,
    excluded: r.exclude === undefined ? null : resolveExcluded(index, r.exclude),
  };
}

function resolveProvider(index: SnapshotIndex, name: unknown): ProviderRecord {
  if (typeof name !== "string" || name === "") return invalid("provider must be a provider id");
  const p = index.providerById.get(name) ?? index.providerById.get(name.toLowerCase());
  if (p) return p;
  return invalid(
    `unknown provider ${quoted(name)}; the snapshot knows ${index.providers.map((q) => q.id).join(", ") || "no providers"}`,
  );
}

/** Names that match no model exclude nothing: a model that failed and has since left the snapshot is gone anyway. */
function resolveExcluded(index: SnapshotIndex, exclude: unknown): ReadonlySet<ModelRecord> | null {
  if (!Array.isArray(exclude)) return invalid("exclude must be an array of model ids");
  let excluded: Set<ModelRecord> | null = null;
  for (const name of exclude) {
    if (typeof name !== "string" || name === "") invalid("exclude must be an array of model ids");
    const records = lookup(index, name);
    if (!records) continue;
    excluded ??= new Set();
    for (const r of records) excluded.add(r);
  }
  return excluded;
}

/** Rule 2 applies only to requests that name none of these. */
export function namesRoutingCriteria(ctx: SelectionContext): boolean {
  return (
    ctx.categoryNamed ||
    ctx.provider !== null ||
    ctx.need !== 0 ||
    ctx.minContext !== NO_MINIMUM ||
    ctx.minOutput !== NO_MINIMUM
  );
}

/**
 * For messages: "a balanced request requiring vision and a context of at least 100000 tokens". Built without arrays
 * (it is most of the message of a request nothing fits); the words are joined as joinWords joins them.
 */
export function describeRequest(req: SelectionContext): string {
  const hasContext = req.minContext !== NO_MINIMUM;
  const hasOutput = req.minOutput !== NO_MINIMUM;
  const count = bits(req.need & (VISION | TOOLS | REASONING | JSON_MODE)) + (hasContext ? 1 : 0) + (hasOutput ? 1 : 0);
  let text = `${req.category === "extended_reasoning" ? "an" : "a"} ${req.category} request`;
  let i = 0;
  if (req.need & VISION) text += separator(i++, count) + "vision";
  if (req.need & TOOLS) text += separator(i++, count) + "tools";
  if (req.need & REASONING) text += separator(i++, count) + "reasoning";
  if (req.need & JSON_MODE) text += separator(i++, count) + "JSON mode";
  if (hasContext) text += `${separator(i++, count)}a context window of at least ${req.minContext} tokens`;
  if (hasOutput) text += `${separator(i++, count)}at least ${req.minOutput} output tokens`;
  return text;
}

const separator = (i: number, count: number): string => (i === 0 ? " requiring " : i === count - 1 ? " and " : ", ");

function bits(mask: number): number {
  let n = 0;
  for (; mask !== 0; mask &= mask - 1) n++;
  return n;
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

// What a caller may ask for, and its one-time normalisation into the numbers the hot path compares.
import { SelectionError } from "./errors.js";

export const CATEGORIES = ["fast_response", "balanced", "extended_reasoning"] as const;
export type Category = (typeof CATEGORIES)[number];

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

export const VISION = 1;
export const TOOLS = 2;
export const REASONING = 4;
export const JSON_MODE = 8;

/**
 * Stands for "no minimum". Unknown windows are stored as -1, so `window >= minimum` admits them exactly when no
 * minimum was asked for, without a branch in the hot loop.
 */
export const NO_MINIMUM = -2;
export const UNKNOWN_SIZE = -1;

export interface NormalizedRequest {
  /** The name as given; null for auto. */
  readonly model: string | null;
  readonly category: Category;
  readonly categoryIndex: 0 | 1 | 2;
  readonly categoryNamed: boolean;
  /** As given; resolved against the snapshot by the selector. */
  readonly provider: string | null;
  /** Required capabilities as a bit mask of VISION, TOOLS, REASONING, JSON_MODE. */
  readonly need: number;
  readonly minContext: number;
  readonly minOutput: number;
  /** null when nothing is excluded. */
  readonly exclude: readonly string[] | null;
}

function invalid(message: string): never {
  throw new SelectionError("INVALID_REQUEST", `invalid request: ${message}`);
}

function flag(requires: Requirements, key: "vision" | "tools" | "reasoning" | "json", bit: number): number {
  const value = requires[key];
  if (value === undefined || value === false) return 0;
  if (value === true) return bit;
  return invalid(`requires.${key} must be true or false (got ${JSON.stringify(value)})`);
}

function minimum(requires: Requirements, key: "minContext" | "minOutput"): number {
  const value = requires[key];
  if (value === undefined) return NO_MINIMUM;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return invalid(`requires.${key} must be a number of tokens, 0 or more (got ${JSON.stringify(value)})`);
  }
  return value;
}

// A misspelt key (`minContex`) would otherwise drop a requirement silently and return a model that breaks it.
function checkKeys(object: object, known: (key: string) => boolean, where: string): void {
  for (const key in object) {
    if (!known(key)) invalid(`unknown field ${where}${key}`);
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
      return invalid(`category must be one of ${CATEGORIES.join(", ")} (got ${JSON.stringify(category)})`);
  }
}

export function normalizeRequest(request: unknown): NormalizedRequest {
  if (request === undefined) request = {};
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    invalid("it must be an object such as { category: \"balanced\" }");
  }
  checkKeys(request, isRequestKey, "");
  const r = request as SelectionRequest;

  let model: string | null = null;
  if (r.model !== undefined) {
    if (typeof r.model !== "string" || r.model === "") invalid(`model must be a model id, an alias or "auto"`);
    model = r.model === "auto" || (r.model.length === 4 && r.model.toLowerCase() === "auto") ? null : r.model;
  }
  const index = categoryIndex(r.category);

  let provider: string | null = null;
  if (r.provider !== undefined) {
    if (typeof r.provider !== "string" || r.provider === "") invalid("provider must be a provider id");
    provider = r.provider;
  }

  let need = 0;
  let minContext = NO_MINIMUM;
  let minOutput = NO_MINIMUM;
  const requires = r.requires;
  if (requires !== undefined) {
    if (typeof requires !== "object" || requires === null || Array.isArray(requires)) {
      invalid("requires must be an object such as { vision: true, minContext: 100000 }");
    }
    checkKeys(requires, isRequirementKey, "requires.");
    need = flag(requires, "vision", VISION) | flag(requires, "tools", TOOLS) |
      flag(requires, "reasoning", REASONING) | flag(requires, "json", JSON_MODE);
    minContext = minimum(requires, "minContext");
    minOutput = minimum(requires, "minOutput");
  }

  let exclude: readonly string[] | null = null;
  if (r.exclude !== undefined) {
    if (!Array.isArray(r.exclude)) invalid("exclude must be an array of model ids");
    for (const name of r.exclude) {
      if (typeof name !== "string" || name === "") invalid("exclude must be an array of model ids");
    }
    if (r.exclude.length > 0) exclude = r.exclude;
  }

  return {
    model,
    category: CATEGORIES[index],
    categoryIndex: index,
    categoryNamed: r.category !== undefined,
    provider,
    need,
    minContext,
    minOutput,
    exclude,
  };
}

/** Rule 2 applies only to requests that name none of these. */
export function namesRoutingCriteria(req: NormalizedRequest): boolean {
  return req.categoryNamed || req.provider !== null || req.need !== 0 || req.minContext !== NO_MINIMUM ||
    req.minOutput !== NO_MINIMUM;
}

/** For messages: "a balanced request requiring vision and a context of at least 100000 tokens". */
export function describeRequest(req: NormalizedRequest): string {
  const needs: string[] = [];
  if (req.need & VISION) needs.push("vision");
  if (req.need & TOOLS) needs.push("tools");
  if (req.need & REASONING) needs.push("reasoning");
  if (req.need & JSON_MODE) needs.push("JSON mode");
  if (req.minContext !== NO_MINIMUM) needs.push(`a context window of at least ${req.minContext} tokens`);
  if (req.minOutput !== NO_MINIMUM) needs.push(`at least ${req.minOutput} output tokens`);
  let text = `${req.category === "extended_reasoning" ? "an" : "a"} ${req.category} request`;
  if (needs.length > 0) text += ` requiring ${joinWords(needs)}`;
  return text;
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

// Everything the environment says about routing, read once into plain data. Pure: the environment is passed in.
import { isObject } from "../core/json-object.js";
import { tooDeepAt } from "../core/json-depth.js";
import { ConfigError } from "../core/errors.js";
import { CATEGORIES, type Category } from "../core/categories.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { compareText } from "../core/order.js";
import { closest } from "../core/suggest.js";
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { envBoolean, envList, envNumber, envString, type Env } from "./env-values.js";

import { DEFAULT_PROVIDER_PRIORITY } from "../core/builtin-providers.js";
export const DEFAULT_REASONABLE_OUTPUT_PRICE = 10;

/** A list as the user wrote it, with the variable it came from, so diagnostics can name it. */
export interface ListSetting {
  readonly variable: string;
  readonly values: readonly string[];
}

export interface ProviderSettings {
  readonly allowedModels?: ListSetting;
  readonly preferredModels?: ListSetting;
  /** Per category, in precedence order: <P>_PREFERRED_MODELS_<CATEGORY>, then the older <P>_SPEED_MODEL / <P>_QUALITY_MODEL. */
  readonly preferredByCategory: Readonly<Record<Category, readonly ListSetting[]>>;
  readonly defaultModel?: { readonly variable: string; readonly value: string };
}

export interface PriceOverride {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}

export interface RoutingSettings {
  readonly providerPriority: readonly string[];
  readonly allowedProviders: readonly string[] | null;
  readonly disabledProviders: readonly string[];
  readonly providers: Readonly<Record<string, ProviderSettings>>;
  readonly defaultModel?: { readonly variable: string; readonly value: string };
  readonly costAwareRouting: boolean;
  readonly freeTierPreference: boolean;
  readonly routeUnverified: boolean;
  readonly reasonableOutputPrice: number;
  /** MODEL_COSTS_JSON, keyed by model id as written. */
  readonly modelCosts: ReadonlyMap<string, PriceOverride>;
  readonly freeModels?: ListSetting;
  readonly diagnostics: readonly Diagnostic[];
}

/** The parts of a provider definition that name variables. */
export type ProviderNaming = Pick<ProviderDefinition, "id" | "baseUrl" | "apiKey" | "enableFlag" | "defaultModelEnv">;

/** Every variable a definition names, so that MOONSHOT_API_KEY is not taken for a typo. */
function ownedVariables(p: ProviderNaming): string[] {
  return [...p.baseUrl.env, ...p.apiKey.env, ...(p.enableFlag ? [p.enableFlag] : []), ...(p.defaultModelEnv ?? [])];
}

const LEGACY_CATEGORY_VARIABLES: Readonly<Record<string, Category>> = {
  SPEED_MODEL: "fast_response",
  QUALITY_MODEL: "extended_reasoning",
};

const PROVIDER_SUFFIXES = [
  "API_KEY",
  "API_URL",
  "ALLOWED_MODELS",
  "PREFERRED_MODELS",
  "DEFAULT_MODEL",
  "SPEED_MODEL",
  "QUALITY_MODEL",
  ...CATEGORIES.map((c) => `PREFERRED_MODELS_${c.toUpperCase()}`),
];

/** Suffixes that many other tools use too; a variable with one of them is only a typo when its prefix is close to a provider's. */
const GENERIC_SUFFIXES: ReadonlySet<string> = new Set(["API_KEY", "API_URL"]);

/** Variables the predecessor read that mean nothing here; said once so nobody wonders. */
const RETIRED_VARIABLES: Readonly<Record<string, string>> = {
  MAX_COST_PER_REQUEST: "provider-registry does not cap cost per request; prices are in the snapshot for the application to use",
};

export function readSettings(env: Env, providers: readonly ProviderNaming[]): RoutingSettings {
  const ids = providers.map((p) => p.id);
  const known = new Set(ids);
  const diagnostics: Diagnostic[] = [];

  const providerPriority = readPriority(env, ids, diagnostics);
  const allowedProviders = readProviderFilter(env, "ALLOWED_PROVIDERS", known, diagnostics);
  const disabledProviders = readProviderFilter(env, "DISABLED_PROVIDERS", known, diagnostics) ?? [];

  const perProvider: Record<string, ProviderSettings> = {};
  for (const p of providers) {
    const prefix = p.id.toUpperCase();
    const list = (suffix: string): ListSetting | undefined => {
      const variable = `${prefix}_${suffix}`;
      const values = envList(env, variable);
      return values && values.length > 0 ? { variable, values } : undefined;
    };
    const preferredByCategory = {} as Record<Category, ListSetting[]>;
    for (const category of CATEGORIES) {
      preferredByCategory[category] = [list(`PREFERRED_MODELS_${category.toUpperCase()}`)].filter(isDefined);
    }
    for (const [suffix, category] of Object.entries(LEGACY_CATEGORY_VARIABLES)) {
      const legacy = list(suffix);
      if (legacy) preferredByCategory[category].push(legacy);
    }
    const defaultVariables = [`${prefix}_DEFAULT_MODEL`, ...(p.defaultModelEnv ?? [])];
    let defaultModel: ProviderSettings["defaultModel"];
    for (const variable of defaultVariables) {
      const value = envString(env, variable);
      if (value !== undefined) {
        defaultModel = { variable, value };
        break;
      }
    }
    perProvider[p.id] = {
      ...optional("allowedModels", list("ALLOWED_MODELS")),
      ...optional("preferredModels", list("PREFERRED_MODELS")),
      preferredByCategory,
      ...optional("defaultModel", defaultModel),
    };
  }

  const defaultModelValue = envString(env, "DEFAULT_MODEL");
  const freeModels = envList(env, "FREE_MODEL_LIST");

  for (const d of findTypos(env, providers)) diagnostics.push(d);
  for (const [variable, why] of Object.entries(RETIRED_VARIABLES)) {
    if (envString(env, variable) !== undefined) {
      diagnostics.push({ level: "info", code: "VARIABLE_NOT_USED", variable, message: `${variable} is set but not used: ${why}.` });
    }
  }

  return {
    providerPriority,
    allowedProviders,
    disabledProviders,
    providers: perProvider,
    ...(defaultModelValue !== undefined && defaultModelValue.toLowerCase() !== "auto"
      ? { defaultModel: { variable: "DEFAULT_MODEL", value: defaultModelValue } }
      : {}),
    costAwareRouting: envBoolean(env, "COST_AWARE_ROUTING_ENABLED", false),
    freeTierPreference: envBoolean(env, "FREE_TIER_PREFERENCE_ENABLED", false),
    routeUnverified: envBoolean(env, "ROUTE_UNVERIFIED_MODELS", false),
    reasonableOutputPrice: envNumber(env, "BALANCED_MAX_OUTPUT_PRICE", DEFAULT_REASONABLE_OUTPUT_PRICE),
    modelCosts: readModelCosts(env),
    ...(freeModels && freeModels.length > 0 ? { freeModels: { variable: "FREE_MODEL_LIST", values: freeModels } } : {}),
    diagnostics,
  };
}

/** The predecessor's name for PROVIDER_PRIORITY, read when PROVIDER_PRIORITY is not set. */
export const LEGACY_PRIORITY_VARIABLE = "PROVIDER_PRIORITY_ORDER";

/**
 * PROVIDER_PRIORITY (or the predecessor's PROVIDER_PRIORITY_ORDER) names some providers in order; the rest follow in
 * the default order, then by id. Both set and different: PROVIDER_PRIORITY wins, with a warning.
 */
function readPriority(env: Env, ids: readonly string[], diagnostics: Diagnostic[]): string[] {
  const current = envList(env, "PROVIDER_PRIORITY")?.map((v) => v.toLowerCase());
  const legacy = envList(env, LEGACY_PRIORITY_VARIABLE)?.map((v) => v.toLowerCase());
  const variable = current !== undefined || legacy === undefined ? "PROVIDER_PRIORITY" : LEGACY_PRIORITY_VARIABLE;
  if (current !== undefined && legacy !== undefined && current.join(",") !== legacy.join(",")) {
    diagnostics.push({
      level: "warning",
      code: "PRIORITY_VARIABLES_DIFFER",
      variable: LEGACY_PRIORITY_VARIABLE,
      message: `PROVIDER_PRIORITY (${current.join(",")}) and the predecessor's ${LEGACY_PRIORITY_VARIABLE} (${legacy.join(",")}) are both set and differ; PROVIDER_PRIORITY is used. Remove one of them.`,
    });
  }
  const written = current ?? legacy ?? [];
  const unknown = written.filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    const near = unknown.map((u) => closest(u, ids, 2)).filter((n) => n !== undefined);
    throw new ConfigError(
      `${variable} names unknown provider${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}${near.length === unknown.length ? ` (did you mean ${near.join(", ")}?)` : ""}; known providers: ${ids.join(", ")}`,
      { variable },
    );
  }
  const rest = [...ids].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
  return [...written, ...rest.filter((id) => !written.includes(id))];
}

function rank(id: string): number {
  const i = (DEFAULT_PROVIDER_PRIORITY as readonly string[]).indexOf(id);
  return i === -1 ? DEFAULT_PROVIDER_PRIORITY.length : i;
}

function readProviderFilter(env: Env, variable: string, known: ReadonlySet<string>, diagnostics: Diagnostic[]): string[] | null {
  const list = envList(env, variable)?.map((v) => v.toLowerCase());
  // One rule for empty lists: ",,," names no provider, as "   " and an unset variable do, so it filters nothing.
  if (list === undefined || list.length === 0) return null;
  for (const id of list.filter((v) => !known.has(v))) {
    diagnostics.push({
      level: "warning",
      code: "UNKNOWN_PROVIDER",
      variable,
      message: `${variable} names "${id}", which is not a known provider (known: ${[...known].join(", ")}); it has no effect.`,
    });
  }
  return list.filter((v) => known.has(v));
}

/** A price table is two levels deep: {"model": {"input": 1}}. */
const MAX_COSTS_DEPTH = 8;

/** A value for a message: short, whatever it holds. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function readModelCosts(env: Env): Map<string, PriceOverride> {
  const variable = "MODEL_COSTS_JSON";
  const raw = envString(env, variable);
  const costs = new Map<string, PriceOverride>();
  if (raw === undefined) return costs;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`${variable} is not valid JSON (${(error as Error).message})`, { variable });
  }
  const deep = tooDeepAt(parsed, MAX_COSTS_DEPTH);
  if (deep !== null) throw new ConfigError(`${variable} nests too deep (at ${deep.slice(0, 60)}${deep.length > 60 ? "…" : ""}): it is model id → price or {"input", "output"}`, { variable });
  if (!isObject(parsed)) {
    throw new ConfigError(`${variable} must be a JSON object of model id to price, e.g. {"glm-4.5-air": 0.6} or {"glm-4.5": {"input": 0.6, "output": 2.2}}`, { variable });
  }
  for (const [model, value] of Object.entries(parsed)) {
    const field = `${variable}.${model}`;
    const price = (v: unknown, part: string): number => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        throw new ConfigError(`${field}${part} must be a non-negative number (USD per million tokens), not ${preview(v)}`, { variable, field });
      }
      return v;
    };
    if (typeof value === "number") {
      // One number is the price of input and output alike, as the predecessor used it.
      const p = price(value, "");
      costs.set(model, { input: p, output: p });
    } else if (isObject(value)) {
      const extra = Object.keys(value).filter((k) => !["input", "output", "cachedInput"].includes(k));
      if (extra.length > 0) throw new ConfigError(`${field} has unknown field "${extra[0]}" (expected input, output, cachedInput)`, { variable, field });
      costs.set(model, {
        input: price(value.input, ".input"),
        output: price(value.output, ".output"),
        ...(value.cachedInput !== undefined ? { cachedInput: price(value.cachedInput, ".cachedInput") } : {}),
      });
    } else {
      throw new ConfigError(`${field} must be a number or {"input", "output"}, not ${preview(value)}`, { variable, field });
    }
  }
  return costs;
}

/** KIMMI_PREFERRED_MODELS and the like: a known suffix behind a prefix that no provider has. */
function findTypos(env: Env, providers: readonly ProviderNaming[]): Diagnostic[] {
  const ids = providers.map((p) => p.id);
  const owned = new Set(providers.flatMap(ownedVariables));
  const prefixes = new Set(ids.map((id) => id.toUpperCase()));
  const out: Diagnostic[] = [];
  for (const variable of Object.keys(env).sort()) {
    if (owned.has(variable) || envString(env, variable) === undefined) continue;
    for (const suffix of PROVIDER_SUFFIXES) {
      if (!variable.endsWith(`_${suffix}`)) continue;
      const prefix = variable.slice(0, -suffix.length - 1);
      if (prefix === "" || prefixes.has(prefix)) break;
      const near = closest(prefix.toLowerCase(), ids, 2);
      // Other tools' keys and endpoints (OPENAI_API_KEY, GITHUB_API_URL) end the same way: only a near miss is ours.
      if (!near && GENERIC_SUFFIXES.has(suffix)) break;
      out.push({
        level: "warning",
        code: "UNKNOWN_VARIABLE_PREFIX",
        variable,
        message: `${variable} has the prefix ${prefix}, which no provider has${near ? `; did you mean ${near.toUpperCase()}_${suffix}?` : ` (providers: ${ids.join(", ")}).`} It is ignored.`,
      });
      break;
    }
    const category = /^([A-Z0-9]+)_PREFERRED_MODELS_(.+)$/.exec(variable);
    if (category && prefixes.has(category[1]!) && !CATEGORIES.some((c) => c.toUpperCase() === category[2])) {
      out.push({
        level: "warning",
        code: "UNKNOWN_CATEGORY",
        variable,
        message: `${variable} names the category ${category[2]}, which does not exist (categories: ${CATEGORIES.map((c) => c.toUpperCase()).join(", ")}). It is ignored.`,
      });
    }
  }
  return out;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

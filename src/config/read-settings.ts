// Everything the environment says about routing, read once into plain data. Pure: the environment is passed in.
import type { Diagnostic } from "../core/diagnostic.js";
import { envBoolean, envList, envNumber, envString, type Env } from "./env-values.js";
import { readModelCosts, type PriceOverride } from "./model-costs.js";
import { readProviderFilter } from "./provider-filter.js";
import { readPriority } from "./provider-priority.js";
import {
  readProviderSettings,
  type ListSetting,
  type ProviderNaming,
  type ProviderSettings,
} from "./provider-settings.js";
import { findUnusedVariables } from "./unused-variables.js";

export type { PriceOverride } from "./model-costs.js";
export { LEGACY_PRIORITY_VARIABLE } from "./provider-priority.js";
export type { ListSetting, ProviderNaming, ProviderSettings } from "./provider-settings.js";

export const DEFAULT_REASONABLE_OUTPUT_PRICE = 10;

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

export function readSettings(env: Env, providers: readonly ProviderNaming[]): RoutingSettings {
  const ids = providers.map((p) => p.id);
  const known = new Set(ids);
  const diagnostics: Diagnostic[] = [];

  const providerPriority = readPriority(env, ids, diagnostics);
  const allowedProviders = readProviderFilter(env, "ALLOWED_PROVIDERS", known, diagnostics);
  const disabledProviders = readProviderFilter(env, "DISABLED_PROVIDERS", known, diagnostics) ?? [];

  const perProvider: Record<string, ProviderSettings> = {};
  for (const p of providers) perProvider[p.id] = readProviderSettings(env, p);

  const defaultModelValue = envString(env, "DEFAULT_MODEL");
  const freeModels = envList(env, "FREE_MODEL_LIST");

  diagnostics.push(...findUnusedVariables(env, providers));

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

// One provider's routing variables (<P>_ALLOWED_MODELS, <P>_PREFERRED_MODELS[_<CATEGORY>], <P>_DEFAULT_MODEL, …) as
// written, each with the variable it came from. Pure: the environment is passed in.
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { CATEGORIES, type Category } from "../core/categories.js";
import { envList, firstSet, type Env } from "./env-values.js";

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

/** The parts of a provider definition that name variables. */
export type ProviderNaming = Pick<ProviderDefinition, "id" | "baseUrl" | "apiKey" | "enableFlag" | "defaultModelEnv">;

/** Older one-model variables, read after <P>_PREFERRED_MODELS_<CATEGORY> for their category. */
const LEGACY_CATEGORY_VARIABLES: Readonly<Record<string, Category>> = {
  SPEED_MODEL: "fast_response",
  QUALITY_MODEL: "extended_reasoning",
};

export function readProviderSettings(env: Env, provider: ProviderNaming): ProviderSettings {
  const prefix = provider.id.toUpperCase();
  const list = (suffix: string): ListSetting | undefined => {
    const variable = `${prefix}_${suffix}`;
    const values = envList(env, variable);
    return values && values.length > 0 ? { variable, values } : undefined;
  };
  const preferredByCategory = {} as Record<Category, ListSetting[]>;
  for (const category of CATEGORIES) {
    const preferred = list(`PREFERRED_MODELS_${category.toUpperCase()}`);
    preferredByCategory[category] = preferred !== undefined ? [preferred] : [];
  }
  for (const [suffix, category] of Object.entries(LEGACY_CATEGORY_VARIABLES)) {
    const legacy = list(suffix);
    if (legacy) preferredByCategory[category].push(legacy);
  }
  const allowedModels = list("ALLOWED_MODELS");
  const preferredModels = list("PREFERRED_MODELS");
  const setDefault = firstSet(env, [`${prefix}_DEFAULT_MODEL`, ...(provider.defaultModelEnv ?? [])]);
  const defaultModel = setDefault && { variable: setDefault.name, value: setDefault.value };
  return {
    ...(allowedModels !== undefined ? { allowedModels } : {}),
    ...(preferredModels !== undefined ? { preferredModels } : {}),
    preferredByCategory,
    ...(defaultModel !== undefined ? { defaultModel } : {}),
  };
}

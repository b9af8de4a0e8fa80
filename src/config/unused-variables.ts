// Variables that are set but that nothing reads: a provider prefix or category with a typo, or a retired variable.
// Each gets a diagnostic, so a setting that silently does nothing is said out loud. Pure.
import { CATEGORIES } from "../core/categories.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { closest } from "../core/suggest.js";
import { envString, type Env } from "./env-values.js";
import type { ProviderNaming } from "./provider-settings.js";

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

/** Variables users of earlier routers set that mean nothing here; said once so nobody wonders. */
const RETIRED_VARIABLES: Readonly<Record<string, string>> = {
  MAX_COST_PER_REQUEST:
    "provider-registry does not cap cost per request; prices are in the snapshot for the application to use",
};

/** Typos first (by variable name), then retired variables. */
export function findUnusedVariables(env: Env, providers: readonly ProviderNaming[]): Diagnostic[] {
  return [...findTypos(env, providers), ...findRetired(env)];
}

/** KIMMI_PREFERRED_MODELS and the like: a known suffix behind a prefix that no provider has, or an unknown category. */
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

function findRetired(env: Env): Diagnostic[] {
  return Object.entries(RETIRED_VARIABLES)
    .filter(([variable]) => envString(env, variable) !== undefined)
    .map(([variable, why]) => ({
      level: "info",
      code: "VARIABLE_NOT_USED",
      variable,
      message: `${variable} is set but not used: ${why}.`,
    }));
}

/** Every variable a definition names, so that MOONSHOT_API_KEY is not taken for a typo. */
function ownedVariables(p: ProviderNaming): string[] {
  return [...p.baseUrl.env, ...p.apiKey.env, ...(p.enableFlag ? [p.enableFlag] : []), ...(p.defaultModelEnv ?? [])];
}

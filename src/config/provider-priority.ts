// PROVIDER_PRIORITY: the order providers are tried in. Pure: the environment is passed in.
import { DEFAULT_PROVIDER_PRIORITY } from "../core/builtin-providers.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { ConfigError } from "../core/errors.js";
import { compareText } from "../core/order.js";
import { closest } from "../core/suggest.js";
import { envList, type Env } from "./env-values.js";

/** The older name for PROVIDER_PRIORITY, read when PROVIDER_PRIORITY is not set. */
export const LEGACY_PRIORITY_VARIABLE = "PROVIDER_PRIORITY_ORDER";

/**
 * PROVIDER_PRIORITY (or the older PROVIDER_PRIORITY_ORDER) names some providers in order; the rest follow in the
 * default order, then by id. Both set and different: PROVIDER_PRIORITY wins, with a warning. An unknown provider is
 * a ConfigError.
 */
export function readPriority(env: Env, ids: readonly string[], diagnostics: Diagnostic[]): string[] {
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
  const rest = [...ids].sort((a, b) => defaultRank(a) - defaultRank(b) || compareText(a, b));
  return [...written, ...rest.filter((id) => !written.includes(id))];
}

/** The provider's place in the default priority; providers it does not name come after all that it does. */
function defaultRank(id: string): number {
  const i = (DEFAULT_PROVIDER_PRIORITY as readonly string[]).indexOf(id);
  return i === -1 ? DEFAULT_PROVIDER_PRIORITY.length : i;
}

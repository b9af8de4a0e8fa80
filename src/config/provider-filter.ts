// ALLOWED_PROVIDERS and DISABLED_PROVIDERS: which providers the selector may use. Pure: the environment is passed in.
import type { Diagnostic } from "../core/diagnostic.js";
import { envList, type Env } from "./env-values.js";

/** The known providers the variable names, lower-cased; null when it names none. Unknown names are reported. */
export function readProviderFilter(
  env: Env,
  variable: string,
  known: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): string[] | null {
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

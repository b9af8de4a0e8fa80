// Which providers to probe, and why each of the others is skipped. Pure: the environment is passed in.
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { envBoolean, envString, firstSet, type Env } from "../config/env-values.js";
import { ConfigError } from "../errors.js";
import { decodeCredential } from "../secrets/redact.js";

export interface ProbeTarget {
  readonly definition: ProviderDefinition;
  /** Credentials removed; safe to print and to write. */
  readonly baseUrl: string | null;
  readonly apiKeyVariable: string | null;
  readonly plan:
    | { readonly probe: true; readonly url: string; readonly authorization?: string; readonly secrets: readonly string[] }
    | { readonly probe: false; readonly reason: string };
}

export interface ProviderFilters {
  readonly allowedProviders: readonly string[] | null;
  readonly disabledProviders: readonly string[];
}

export function planProbes(definitions: readonly ProviderDefinition[], env: Env, filters: ProviderFilters): ProbeTarget[] {
  return definitions.map((definition) => planOne(definition, env, filters));
}

function planOne(definition: ProviderDefinition, env: Env, filters: ProviderFilters): ProbeTarget {
  const urlSetting = firstSet(env, definition.baseUrl.env);
  const key = firstSet(env, definition.apiKey.env);
  const readBase = () =>
    urlSetting ? parseBaseUrl(urlSetting.value, urlSetting.name) : definition.baseUrl.default ? parseBaseUrl(definition.baseUrl.default, "default") : undefined;
  const target = (base: BaseUrl | undefined) => ({ definition, baseUrl: base?.display ?? null, apiKeyVariable: key?.name ?? null });
  // A provider the filters leave out is skipped whatever its URL says: a bad URL there is no reason to stop the run.
  const filteredOut = (reason: string): ProbeTarget => {
    let base: BaseUrl | undefined;
    try {
      base = readBase();
    } catch {
      base = undefined;
    }
    return { ...target(base), plan: { probe: false, reason } };
  };

  if (filters.allowedProviders && !filters.allowedProviders.includes(definition.id)) return filteredOut("not in ALLOWED_PROVIDERS");
  if (filters.disabledProviders.includes(definition.id)) return filteredOut("listed in DISABLED_PROVIDERS");
  if (definition.enableFlag && envString(env, definition.enableFlag) !== undefined && !envBoolean(env, definition.enableFlag, true)) {
    return filteredOut(`${definition.enableFlag} is false`);
  }
  const base = readBase();
  const skip = (reason: string): ProbeTarget => ({ ...target(base), plan: { probe: false, reason } });
  if (!base) return skip(`no endpoint: set ${definition.baseUrl.env.join(" or ")}`);
  if (definition.apiKey.required && !key) return skip(`no API key: set ${definition.apiKey.env.join(" or ")}`);

  // Basic credentials travel base64-encoded, a spelling of them that must be redacted as well.
  const basic = !key && base.username !== undefined ? Buffer.from(`${base.username}:${base.password ?? ""}`).toString("base64") : undefined;
  const authorization = key ? `Bearer ${key.value}` : basic !== undefined ? `Basic ${basic}` : undefined;
  const secrets = [key?.value, base.password, base.username, ...base.queryValues, basic].filter((s): s is string => typeof s === "string" && s.length > 0);
  return {
    ...target(base),
    plan: {
      probe: true,
      // Gateways may need their query (?api-version=…): it is sent, but never printed or written.
      url: `${base.display}${definition.modelsPath ?? "/models"}${base.query}`,
      ...(authorization !== undefined ? { authorization } : {}),
      secrets,
    },
  };
}

interface BaseUrl {
  /** Without credentials, query or fragment: safe to print. */
  readonly display: string;
  /** "" or "?…", as written. */
  readonly query: string;
  readonly queryValues: readonly string[];
  readonly username?: string;
  readonly password?: string;
}

/** Credentials in a URL (https://user:pass@host) are taken out: used for auth, never printed or written. */
function parseBaseUrl(raw: string, variable: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${variable} is not a URL`, { variable });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`${variable} must be an http or https URL, not ${url.protocol}`, { variable });
  }
  const username = url.username ? decodeCredential(url.username) : undefined;
  const password = url.password ? decodeCredential(url.password) : undefined;
  const query = url.search;
  const queryValues = [...url.searchParams.values()];
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  return {
    display: url.toString().replace(/\/+$/, ""),
    query,
    queryValues,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

// Which providers to probe, and why each of the others is skipped. Pure: the environment is passed in.
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { envBoolean, envString, firstSet, type Env } from "../config/env-values.js";
import type { ProbeRequest } from "../probe/probe-types.js";
import { adapters } from "./adapters/index.js";
import { checkKey } from "./check-key.js";
import { parseBaseUrl, withScheme, type BaseUrl, type BaseUrlOptions } from "./read-base-url.js";

export interface ProbeTarget {
  readonly definition: ProviderDefinition;
  /** Credentials removed; safe to print and to write. */
  readonly baseUrl: string | null;
  readonly apiKeyVariable: string | null;
  /** What to request and with which secrets; `credentials` is always set by the plan. */
  readonly plan:
    | ({ readonly probe: true } & ProbeRequest & { readonly credentials: readonly string[] })
    | { readonly probe: false; readonly reason: string };
}

export interface ProviderFilters {
  readonly allowedProviders: readonly string[] | null;
  readonly disabledProviders: readonly string[];
}

export type PlanOptions = BaseUrlOptions;

export function planProbes(
  definitions: readonly ProviderDefinition[],
  env: Env,
  filters: ProviderFilters,
  options: PlanOptions = {},
): ProbeTarget[] {
  return definitions.map((definition) => planOne(definition, env, filters, options));
}

function planOne(
  definition: ProviderDefinition,
  env: Env,
  filters: ProviderFilters,
  options: PlanOptions,
): ProbeTarget {
  const urlSetting = firstSet(env, definition.baseUrl.env);
  const key = firstSet(env, definition.apiKey.env);
  const keyValues = key ? [key.value] : [];
  // A local server (Ollama, LM Studio) is only looked for when asked: its URL is set, or its enable flag is true.
  // Read only when needed: a provider the filters leave out may carry an unreadable flag without stopping the run.
  const defaultAllowed = () =>
    definition.enabledByDefault !== false ||
    (definition.enableFlag !== undefined && envBoolean(env, definition.enableFlag, false));
  const schemeless = definition.baseUrl.schemelessAs;
  const readBase = () =>
    urlSetting
      ? parseBaseUrl(withScheme(urlSetting.value, schemeless), urlSetting.name, keyValues, options)
      : definition.baseUrl.default && defaultAllowed()
        ? parseBaseUrl(definition.baseUrl.default, `${definition.id}'s default base URL`, keyValues, options)
        : undefined;
  const target = (base: BaseUrl | undefined) => ({
    definition,
    baseUrl: base?.display ?? null,
    apiKeyVariable: key?.name ?? null,
  });
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

  if (filters.allowedProviders && !filters.allowedProviders.includes(definition.id))
    return filteredOut("not in ALLOWED_PROVIDERS");
  if (filters.disabledProviders.includes(definition.id)) return filteredOut("listed in DISABLED_PROVIDERS");
  if (
    definition.enableFlag &&
    envString(env, definition.enableFlag) !== undefined &&
    !envBoolean(env, definition.enableFlag, true)
  ) {
    return filteredOut(`${definition.enableFlag} is false`);
  }
  const base = readBase();
  const skip = (reason: string): ProbeTarget => ({ ...target(base), plan: { probe: false, reason } });
  if (!base) {
    return skip(
      definition.baseUrl.default && definition.enableFlag && !defaultAllowed()
        ? `not enabled: set ${definition.baseUrl.env.join(" or ")}, or ${definition.enableFlag}=true`
        : `no endpoint: set ${definition.baseUrl.env.join(" or ")}`,
    );
  }
  if (definition.apiKey.required && !key) return skip(`no API key: set ${definition.apiKey.env.join(" or ")}`);
  if (key) checkKey(key.name, key.value);

  return { ...target(base), plan: { probe: true, ...probeRequest(definition, key?.value, base) } };
}

/** What to request for a provider to be probed, with the key (if any) where its adapter wants it. */
function probeRequest(
  definition: ProviderDefinition,
  key: string | undefined,
  base: BaseUrl,
): ProbeRequest & { readonly credentials: readonly string[] } {
  // Basic credentials travel base64-encoded, a spelling of them that must be redacted as well.
  const basic =
    key === undefined && base.username !== undefined
      ? Buffer.from(`${base.username}:${base.password ?? ""}`).toString("base64")
      : undefined;
  // Where the key goes is the adapter's to say (x-api-key, x-goog-api-key); everything else rides in Authorization.
  const adapter = adapters[definition.adapter];
  const keyHeader = adapter?.keyHeader;
  const headers: Record<string, string> = { ...adapter?.headers };
  if (key !== undefined && keyHeader) headers[keyHeader.header.toLowerCase()] = `${keyHeader.prefix ?? ""}${key}`;
  const authorization =
    key !== undefined && !keyHeader ? `Bearer ${key}` : basic !== undefined ? `Basic ${basic}` : undefined;
  const secrets = [key, base.password, base.username, ...base.queryValues, basic].filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
  // Gateways may need their query (?api-version=…, Gemini's ?key=…): it is sent, but never printed or written.
  const at = (path: string) => `${base.href}${path}${base.query}`;
  const fallbackPaths = definition.fallbackModelsPaths ?? [];
  const credentials = [key, base.password, base.username, ...base.queryTokens, basic].filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
  return {
    url: at(definition.modelsPath ?? "/models"),
    ...(authorization !== undefined ? { authorization } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(fallbackPaths.length > 0 ? { fallbackUrls: fallbackPaths.map(at) } : {}),
    ...(adapter?.details ? { detailsUrl: at(adapter.details.path) } : {}),
    secrets,
    credentials,
  };
}

// Which providers to probe, and why each of the others is skipped. Pure: the environment is passed in.
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { envBoolean, envString, firstSet, type Env } from "../config/env-values.js";
import { ConfigError } from "../errors.js";
import { decodeCredential } from "../secrets/redact.js";
import { adapters } from "./adapters/index.js";

export interface ProbeTarget {
  readonly definition: ProviderDefinition;
  /** Credentials removed; safe to print and to write. */
  readonly baseUrl: string | null;
  readonly apiKeyVariable: string | null;
  readonly plan:
    | {
        readonly probe: true;
        readonly url: string;
        readonly authorization?: string;
        /** Other headers: a key in x-api-key or x-goog-api-key, anthropic-version. */
        readonly headers?: Readonly<Record<string, string>>;
        /** Tried in order when the list URL answers 404 (LM Studio's /v1/models). */
        readonly fallbackUrls?: readonly string[];
        /** For adapters that ask about each model: the URL to POST to. */
        readonly detailsUrl?: string;
        readonly secrets: readonly string[];
      }
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
  // A local server (Ollama, LM Studio) is only looked for when asked: its URL is set, or its enable flag is true.
  // Read only when needed: a provider the filters leave out may carry an unreadable flag without stopping the run.
  const defaultAllowed = () => definition.enabledByDefault !== false || (definition.enableFlag !== undefined && envBoolean(env, definition.enableFlag, false));
  const schemeless = definition.baseUrl.schemelessAs;
  const readBase = () =>
    urlSetting
      ? parseBaseUrl(withScheme(urlSetting.value, schemeless), urlSetting.name)
      : definition.baseUrl.default && defaultAllowed()
        ? parseBaseUrl(definition.baseUrl.default, "default")
        : undefined;
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
  if (!base) {
    return skip(
      definition.baseUrl.default && definition.enableFlag && !defaultAllowed()
        ? `not enabled: set ${definition.baseUrl.env.join(" or ")}, or ${definition.enableFlag}=true`
        : `no endpoint: set ${definition.baseUrl.env.join(" or ")}`,
    );
  }
  if (definition.apiKey.required && !key) return skip(`no API key: set ${definition.apiKey.env.join(" or ")}`);

  // Basic credentials travel base64-encoded, a spelling of them that must be redacted as well.
  const basic = !key && base.username !== undefined ? Buffer.from(`${base.username}:${base.password ?? ""}`).toString("base64") : undefined;
  // Where the key goes is the adapter's to say (x-api-key, x-goog-api-key); everything else rides in Authorization.
  const adapter = adapters[definition.adapter];
  const keyHeader = adapter?.keyHeader;
  const headers: Record<string, string> = { ...adapter?.headers };
  if (key && keyHeader) headers[keyHeader.header.toLowerCase()] = `${keyHeader.prefix ?? ""}${key.value}`;
  const authorization = key && !keyHeader ? `Bearer ${key.value}` : basic !== undefined ? `Basic ${basic}` : undefined;
  const secrets = [key?.value, base.password, base.username, ...base.queryValues, basic].filter((s): s is string => typeof s === "string" && s.length > 0);
  // Gateways may need their query (?api-version=…, Gemini's ?key=…): it is sent, but never printed or written.
  const at = (path: string) => `${base.display}${path}${base.query}`;
  const fallbackPaths = definition.fallbackModelsPaths ?? [];
  return {
    ...target(base),
    plan: {
      probe: true,
      url: at(definition.modelsPath ?? "/models"),
      ...(authorization !== undefined ? { authorization } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(fallbackPaths.length > 0 ? { fallbackUrls: fallbackPaths.map(at) } : {}),
      ...(adapter?.details ? { detailsUrl: at(adapter.details.path) } : {}),
      secrets,
    },
  };
}

/** OLLAMA_HOST is written as host:port (127.0.0.1:11434, 0.0.0.0): such a value is read with the given scheme. */
function withScheme(value: string, scheme: string | undefined): string {
  return scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) ? `${scheme}://${value}` : value;
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

// Which providers to probe, and why each of the others is skipped. Pure: the environment is passed in.
import type { ProviderDefinition } from "../../generated/provider-definition-types.js";
import { envBoolean, envString, firstSet, type Env } from "../config/env-values.js";
import { ConfigError } from "../core/errors.js";
import type { ProbeRequest } from "../probe/probe-provider.js";
import { decodeCredential, holdsAnyCredential, scrub } from "../core/redact.js";
import { adapters } from "./adapters/index.js";
import { linkLocalReason } from "./base-url-safety.js";

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

export interface PlanOptions {
  /**
   * Probe base URLs at link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata hosts, which are refused
   * otherwise: a key sent there goes to whatever answers on the machine's own link (`--allow-link-local`).
   */
  readonly allowLinkLocal?: boolean;
}

export function planProbes(definitions: readonly ProviderDefinition[], env: Env, filters: ProviderFilters, options: PlanOptions = {}): ProbeTarget[] {
  return definitions.map((definition) => planOne(definition, env, filters, options));
}

/** The longest base URL the snapshot schema takes (providers[].baseUrl). */
export const MAX_BASE_URL_LENGTH = 2048;

function planOne(definition: ProviderDefinition, env: Env, filters: ProviderFilters, options: PlanOptions): ProbeTarget {
  const urlSetting = firstSet(env, definition.baseUrl.env);
  const key = firstSet(env, definition.apiKey.env);
  const keyValues = key ? [key.value] : [];
  // A local server (Ollama, LM Studio) is only looked for when asked: its URL is set, or its enable flag is true.
  // Read only when needed: a provider the filters leave out may carry an unreadable flag without stopping the run.
  const defaultAllowed = () => definition.enabledByDefault !== false || (definition.enableFlag !== undefined && envBoolean(env, definition.enableFlag, false));
  const schemeless = definition.baseUrl.schemelessAs;
  const readBase = () =>
    urlSetting
      ? parseBaseUrl(withScheme(urlSetting.value, schemeless), urlSetting.name, keyValues, options)
      : definition.baseUrl.default && defaultAllowed()
        ? parseBaseUrl(definition.baseUrl.default, `${definition.id}'s default base URL`, keyValues, options)
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
  if (key) checkKey(key.name, key.value);

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
  const at = (path: string) => `${base.href}${path}${base.query}`;
  const fallbackPaths = definition.fallbackModelsPaths ?? [];
  const credentials = [key?.value, base.password, base.username, ...base.queryTokens, basic].filter((s): s is string => typeof s === "string" && s.length > 0);
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
      credentials,
    },
  };
}

/** OLLAMA_HOST is written as host:port (127.0.0.1:11434, 0.0.0.0): such a value is read with the given scheme. */
function withScheme(value: string, scheme: string | undefined): string {
  return scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) ? `${scheme}://${value}` : value;
}

/**
 * A key goes into an HTTP header: a line break or other control character there is refused by the HTTP client as a
 * network error (and was retried three times); a non-ASCII character cannot be sent at all. Said once, here, naming
 * the variable and never the value.
 */
function checkKey(variable: string, value: string): void {
  const control = /\p{Cc}/u.exec(value);
  if (control) {
    const what = control[0] === "\n" || control[0] === "\r" ? "a line break" : "a control character";
    throw new ConfigError(`${variable} contains ${what} (at character ${control.index + 1}), which an HTTP header cannot carry: check how the key was pasted`, { variable });
  }
  const nonAscii = /[^\x20-\x7e]/.exec(value);
  if (nonAscii) {
    throw new ConfigError(`${variable} contains a non-ASCII character (at character ${nonAscii.index + 1}), which an HTTP header cannot carry: API keys are plain ASCII; check for a smart quote or a look-alike letter`, { variable });
  }
}

interface BaseUrl {
  /** Without credentials, query or fragment, and with any credential in its path cut out: safe to print and write. */
  readonly display: string;
  /** Without credentials (sent as a header), query or fragment: what is requested. */
  readonly href: string;
  /** "" or "?…", as written. */
  readonly query: string;
  readonly queryValues: readonly string[];
  /** The values of query parameters that carry a credential (?api_key=…, ?token=…, ?sig=…). */
  readonly queryTokens: readonly string[];
  readonly username?: string;
  readonly password?: string;
}

/** Query parameter names that carry a credential rather than a setting such as api-version. */
const CREDENTIAL_PARAMETER = /key|token|secret|pass|auth|sig|cred|session|code/i;

/** Credentials in a URL (https://user:pass@host) are taken out: used for auth, never printed or written. */
function parseBaseUrl(raw: string, variable: string, keys: readonly string[], options: PlanOptions): BaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${variable} is not a URL`, { variable });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`${variable} must be an http or https URL, not ${url.protocol}`, { variable });
  }
  const unsafe = options.allowLinkLocal ? undefined : linkLocalReason(url.hostname);
  if (unsafe !== undefined) {
    throw new ConfigError(
      `${variable} points at ${unsafe}, where a cloud metadata service answers rather than a model server; the key is not sent there. ` +
        "If a model server really lives there, pass --allow-link-local",
      { variable },
    );
  }
  const username = url.username ? decodeCredential(url.username) : undefined;
  const password = url.password ? decodeCredential(url.password) : undefined;
  const query = url.search;
  const params = [...url.searchParams];
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  const href = url.toString().replace(/\/+$/, "");
  const queryTokens = params.filter(([name]) => CREDENTIAL_PARAMETER.test(name)).map(([, value]) => value).filter((v) => v !== "");
  // A key (or token) may also be part of the path (a tenant, a gateway route): the URL written and printed goes without it.
  const credentials = [...keys, ...queryTokens, ...(username !== undefined ? [username] : []), ...(password !== undefined ? [password] : [])];
  const display = holdsAnyCredential(decodeSafely(href), credentials) || holdsAnyCredential(href, credentials) ? scrub(decodeSafely(href), credentials) : href;
  if (display.length > MAX_BASE_URL_LENGTH) {
    throw new ConfigError(`${variable} is ${display.length} characters long; a base URL may be at most ${MAX_BASE_URL_LENGTH}`, { variable });
  }
  return {
    display,
    href,
    query,
    queryValues: params.map(([, value]) => value),
    queryTokens,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

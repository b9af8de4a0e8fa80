// A provider's base URL as a setting gives it: checked, with any credential in it taken out to be sent as a header
// and kept out of everything printed or written.
import { ConfigError } from "../core/errors.js";
import { decodeCredential, holdsAnyCredential, scrub } from "../core/redact.js";
import { linkLocalReason } from "./base-url-safety.js";

/** The longest base URL the snapshot schema takes (providers[].baseUrl). */
export const MAX_BASE_URL_LENGTH = 2048;

export interface BaseUrlOptions {
  /**
   * Probe base URLs at link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata hosts, which are refused
   * otherwise: a key sent there goes to whatever answers on the machine's own link (`--allow-link-local`).
   */
  readonly allowLinkLocal?: boolean;
}

/** OLLAMA_HOST is written as host:port (127.0.0.1:11434, 0.0.0.0): such a value is read with the given scheme. */
export function withScheme(value: string, scheme: string | undefined): string {
  return scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) ? `${scheme}://${value}` : value;
}

export interface BaseUrl {
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
export function parseBaseUrl(raw: string, variable: string, keys: readonly string[], options: BaseUrlOptions): BaseUrl {
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
  const queryTokens = params
    .filter(([name]) => CREDENTIAL_PARAMETER.test(name))
    .map(([, value]) => value)
    .filter((v) => v !== "");
  // A key (or token) may also be part of the path (a tenant, a gateway route): the URL written and printed goes without it.
  const credentials = [
    ...keys,
    ...queryTokens,
    ...(username !== undefined ? [username] : []),
    ...(password !== undefined ? [password] : []),
  ];
  const display =
    holdsAnyCredential(decodeSafely(href), credentials) || holdsAnyCredential(href, credentials)
      ? scrub(decodeSafely(href), credentials)
      : href;
  if (display.length > MAX_BASE_URL_LENGTH) {
    throw new ConfigError(
      `${variable} is ${display.length} characters long; a base URL may be at most ${MAX_BASE_URL_LENGTH}`,
      { variable },
    );
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

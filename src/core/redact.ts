// Keys must never reach any output. Two lines of defence:
//  1. At the source: what a provider says (model ids and names, error text) and what a URL holds (its path) are
//     checked against every credential the run sends — key, URL user and password, query token — whatever its
//     length: a model id that holds one is dropped, a reason or URL has it cut out (`holdsCredential`, `scrub`).
//  2. At the edge: every line printed and every error message passes `redact`, for credentials long enough that
//     finding them cannot hit an ordinary word. A short key ("kimi", "5") is not searched for in our own output,
//     where it would turn provider names and numbers into [REDACTED] and --json into invalid JSON; line 1 keeps it
//     out of what we print, since nothing else we print comes from it.

/** Credentials at least this long are removed wherever they appear, inside any word. */
const ANYWHERE_LENGTH = 8;

export const REDACTED = "[REDACTED]";

/**
 * Whether `text` holds the credential, in any letter case (a provider may echo a key upper-cased): anywhere for one
 * of 8 characters or more; as a whole word (bounded by the ends or by anything but a letter or digit) for a shorter
 * one, which is all a short key can be told by.
 */
export function holdsCredential(text: string, credential: string): boolean {
  if (credential.length === 0) return false;
  return credentialPattern(credential).test(text);
}

/** Whether the text holds any of the credentials (see holdsCredential). */
export function holdsAnyCredential(text: string, credentials: readonly string[]): boolean {
  return credentials.some((c) => holdsCredential(text, c));
}

/** The text with every credential of any length (see holdsCredential) replaced by `replacement`. */
export function scrub(text: string, credentials: readonly string[], replacement = REDACTED): string {
  let out = text;
  for (const credential of longestFirst(credentials)) {
    if (credential.length >= ANYWHERE_LENGTH) out = out.replace(credentialPattern(credential, "g"), () => replacement);
    else if (credential.length > 0)
      out = out.replace(credentialPattern(credential, "g"), (_match, lead: string) => `${lead}${replacement}`);
  }
  return out;
}

/** Output-edge redaction: every occurrence of every credential of 8 characters or more, in any letter case. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of longestFirst(secrets)) {
    if (secret.length >= ANYWHERE_LENGTH) out = out.replace(new RegExp(escapeRegExp(secret), "gi"), REDACTED);
  }
  return out;
}

/** Whether the text holds any of the secrets that `redact` removes. */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return redact(text, secrets) !== text;
}

/** JSON of `value` with secrets redacted in its strings, never in its syntax: always valid JSON. */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? redact(v, secrets) : v), 2);
}

/**
 * Values of variables that look like credentials (…_KEY, …_TOKEN, …_SECRET, …PASSWORD) and URL credentials.
 * A value equal to a public word we print anyway — a provider id (`OPENROUTER_API_KEY=openrouter`) — is left out:
 * there is nothing to hide in it, and redacting it would turn every provider name into [REDACTED].
 */
export function secretsInEnv(
  env: Readonly<Record<string, string | undefined>>,
  publicWords: readonly string[] = [],
): string[] {
  const open = new Set(publicWords.map((w) => w.toLowerCase()));
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (/(_KEY|_TOKEN|_SECRET|PASSWORD)$/i.test(name)) found.add(value.trim());
    const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^@/\s]+)@/i.exec(value.trim());
    if (credentials)
      for (const part of credentials[1]!.split(":")) if (part) (found.add(decodeCredential(part)), found.add(part));
  }
  return longestFirst([...found].filter((s) => s.length > 0 && !open.has(s.toLowerCase())));
}

// Longest first, so a key that contains another is removed whole.
function longestFirst(items: readonly string[]): string[] {
  return [...items].sort((a, b) => b.length - a.length);
}

function credentialPattern(credential: string, flags = ""): RegExp {
  const body = escapeRegExp(credential);
  if (credential.length >= ANYWHERE_LENGTH) return new RegExp(body, `i${flags}`);
  // A short credential counts only where it does not touch a letter or digit on either side.
  return new RegExp(`(^|[^\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, `iu${flags}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A credential from a URL, %-escapes decoded; a stray % that is not an escape (p%ss) is part of it as written. */
export function decodeCredential(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

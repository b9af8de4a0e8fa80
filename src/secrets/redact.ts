// Keys must never reach any output. Everything we print or write about a probe passes through here.

const MIN_SECRET_LENGTH = 4;

/** Every occurrence of every secret, in any letter case (a provider may echo a key upper-cased), becomes [REDACTED]. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.replace(new RegExp(escapeRegExp(secret), "gi"), "[REDACTED]");
  }
  return out;
}

/** Whether the text holds any of the secrets, in any letter case. */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return redact(text, secrets) !== text;
}

/** Values of variables that look like credentials (…_KEY, …_TOKEN, …_SECRET, …_PASSWORD) and URL credentials. */
export function secretsInEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (/(_KEY|_TOKEN|_SECRET|PASSWORD)$/i.test(name)) found.add(value.trim());
    const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^@/\s]+)@/i.exec(value.trim());
    if (credentials) for (const part of credentials[1]!.split(":")) if (part) found.add(decodeCredential(part)), found.add(part);
  }
  // Longest first, so a key that contains another is removed whole.
  return [...found].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
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

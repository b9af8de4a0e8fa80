// A model name is printed and written: the snapshot schema allows 1 to 300 characters, and a control character
// (a terminal escape, a line break) would reach someone's terminal.

export const MAX_NAME_LENGTH = 300;

/** A name to show: trimmed, at most MAX_NAME_LENGTH characters, no control characters; undefined otherwise. */
export function displayName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim();
  return name !== "" && name.length <= MAX_NAME_LENGTH && !hasControlCharacter(name) ? name : undefined;
}

export function hasControlCharacter(text: string): boolean {
  return /\p{Cc}/u.test(text);
}

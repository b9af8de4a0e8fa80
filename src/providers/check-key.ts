// An API key that an HTTP header cannot carry is refused before any request is made.
import { ConfigError } from "../core/errors.js";

/**
 * A key goes into an HTTP header: a line break or other control character there is refused by the HTTP client as a
 * network error (which retrying cannot mend); a non-ASCII character cannot be sent at all. Said once, here, naming
 * the variable and never the value.
 */
export function checkKey(variable: string, value: string): void {
  const control = /\p{Cc}/u.exec(value);
  if (control) {
    const what = control[0] === "\n" || control[0] === "\r" ? "a line break" : "a control character";
    throw new ConfigError(
      `${variable} contains ${what} (at character ${control.index + 1}), which an HTTP header cannot carry: check how the key was pasted`,
      { variable },
    );
  }
  const nonAscii = /[^\x20-\x7e]/.exec(value);
  if (nonAscii) {
    throw new ConfigError(
      `${variable} contains a non-ASCII character (at character ${nonAscii.index + 1}), which an HTTP header cannot carry: API keys are plain ASCII; check for a smart quote or a look-alike letter`,
      { variable },
    );
  }
}

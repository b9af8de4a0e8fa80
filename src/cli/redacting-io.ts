import { redact } from "../core/redact.js";
import type { CliIO } from "./io.js";

/** The same IO with every credential cut out of what is printed (see core/redact.ts for which are searched). */
export function redactingIO(io: CliIO, secrets: readonly string[]): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
}

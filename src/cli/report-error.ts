import { ExitCode } from "../core/errors.js";
import { escapeControls } from "../selector/shared.js";
import type { CliIO } from "./io.js";

/**
 * Typed errors carry their own exit code: the build side's RegistryError and the selector's errors, which cannot
 * import it and so are matched by shape. Anything else is a bug, reported as such.
 */
export function reportError(error: unknown, io: CliIO): number {
  if (error instanceof Error && typeof (error as { exitCode?: unknown }).exitCode === "number") {
    io.stderr(`provider-registry: ${escapeControls(error.message)}\n`);
    return (error as Error & { exitCode: number }).exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `provider-registry: internal error: ${escapeControls(message)}\nThis is a bug; please report it with the command you ran.\n`,
  );
  return ExitCode.usage;
}

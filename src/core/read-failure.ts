// Why a file could not be read, in a few words for an error message: the bounded reader's reason, or the OS's code.
import { FileReadError } from "../selector/shared.js";

export function readFailureReason(error: unknown): string {
  if (error instanceof FileReadError) return error.why;
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

// register --check: write nothing, compare what would be written with the output file, timestamps aside.
import { checkAgainstFile } from "../../compare/check-file.js";
import { shortSummary, summaryLine } from "../../compare/format-changes.js";
import { ExitCode } from "../../core/errors.js";
import type { ProviderRegistrySnapshot } from "../../../generated/snapshot-types.js";
import { escapeLine } from "../../selector/shared.js";
import { readSnapshotFile } from "../../snapshot/read-snapshot.js";
import type { CliIO } from "../io.js";
import type { Peeked } from "./previous-snapshot.js";

export interface CompareOptions {
  readonly io: CliIO;
  readonly json: boolean;
  /** Prints a value as JSON on stdout (for --json). */
  readonly printJson: (value: unknown) => void;
  /** How a file name is shown to the user. */
  readonly displayPath: (file: string) => string;
}

/**
 * Exit 0 when the file holds what register would write, 1 with a summary of the difference when not. `onDisk` is the
 * file as the run first read it (peekSnapshotFile).
 */
export async function compareWithOutput(
  snapshot: ProviderRegistrySnapshot,
  out: string,
  onDisk: Peeked,
  { io, json, printJson, displayPath }: CompareOptions,
): Promise<number> {
  const check = await checkAgainstFile(
    snapshot,
    onDisk.status === "ok"
      ? { status: "ok", contentHash: onDisk.previous.contentHash, read: () => readSnapshotFile(out) }
      : onDisk,
  );
  if (json)
    printJson({
      file: out,
      upToDate: check.upToDate,
      contentHash: { onDisk: check.onDisk, generated: check.generated },
      ...(check.problem ? { problem: check.problem } : {}),
      changes: check.changes,
    });
  if (check.upToDate) {
    if (!json) io.stdout(`${displayPath(out)} is up to date (${check.generated})\n`);
    return ExitCode.ok;
  }
  if (check.problem) io.stderr(`${displayPath(out)} ${escapeLine(check.problem)}: register would write it.\n`);
  else if (check.changes.length === 0)
    io.stderr(
      `${displayPath(out)} differs from what register would write (content hash ${check.onDisk} → ${check.generated}).\n`,
    );
  else
    io.stderr(
      `${displayPath(out)} differs from what register would write: ${summaryLine(check.changes)}\n${shortSummary(check.changes)}`,
    );
  return ExitCode.invalid;
}

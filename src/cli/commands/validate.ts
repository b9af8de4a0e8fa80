import path from "node:path";
import { readSnapshotFile } from "../../snapshot/read-snapshot.js";
import { SCHEMA_VERSION } from "../../snapshot/schema-version.js";
import { ExitCode, UsageError } from "../../core/errors.js";
import { escapeLine } from "../../selector/shared.js";
import type { Command } from "../io.js";
import { parseCommandArgs } from "../parse-args.js";

const HELP = `Usage: provider-registry validate FILE...

Check snapshots against the published schema. Each problem names its JSON pointer.
Exit 0 when every file is valid, 1 when any is not.
`;

export const validate: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs("validate", {
    args: argv,
    options: { help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw new UsageError("validate: name at least one snapshot file");
  let invalid = 0;
  for (const name of positionals) {
    const { problems, note } = await problemsOf(path.resolve(io.cwd, name));
    // The name as typed and the problems as found, neither able to reach the terminal with a control character.
    const displayName = escapeLine(name);
    if (problems.length === 0) {
      io.stdout(`${displayName}: valid${note ?? ""}\n`);
    } else {
      invalid++;
      io.stderr(`${displayName}: invalid\n${problems.map((p) => `  ${escapeLine(p)}\n`).join("")}`);
    }
  }
  return invalid === 0 ? ExitCode.ok : ExitCode.invalid;
};

/** Through the one snapshot reader that select, diff, --previous and --check use too. */
async function problemsOf(file: string): Promise<{ problems: readonly string[]; note?: string }> {
  const read = await readSnapshotFile(file);
  if (read.status === "ok") {
    const n = read.unknownFields.length;
    return {
      problems: [],
      ...(n > 0
        ? {
            note: ` (schema ${read.snapshot.schemaVersion}, newer than this reader's ${SCHEMA_VERSION}: ${n} field${n === 1 ? "" : "s"} it does not know, ignored)`,
          }
        : {}),
    };
  }
  if (read.status === "missing") return { problems: ["cannot read: ENOENT (no such file)"] };
  return { problems: read.problems.length > 0 ? read.problems : [read.why] };
}

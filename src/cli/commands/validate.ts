import { readFile } from "node:fs/promises";
import path from "node:path";
import { schemaProblems } from "../../documents/schema-validator.js";
import { ExitCode, UsageError } from "../../errors.js";
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
    const problems = await problemsOf(path.resolve(io.cwd, name));
    if (problems.length === 0) {
      io.stdout(`${name}: valid\n`);
    } else {
      invalid++;
      io.stderr(`${name}: invalid\n${problems.map((p) => `  ${p}\n`).join("")}`);
    }
  }
  return invalid === 0 ? ExitCode.ok : ExitCode.invalid;
};

async function problemsOf(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return [`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`];
  }
  try {
    return schemaProblems("provider-registry-snapshot", JSON.parse(text));
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
}

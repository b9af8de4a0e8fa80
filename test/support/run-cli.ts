// Runs the command line in-process with a fake terminal, so tests see exit code, stdout and stderr.
import { main, runCommand } from "../../src/cli/main.js";
import type { CliIO, Command } from "../../src/cli/io.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd: string;
}

export async function runCli(argv: string[], options: CliRunOptions): Promise<CliRun> {
  return capture(options, (io) => main(argv, io));
}

/** One command built with test collaborators (e.g. `registerCommand({ register })`), its errors mapped as main does. */
export async function runCliCommand(command: Command, argv: string[], options: CliRunOptions): Promise<CliRun> {
  return capture(options, (io) => runCommand(command, argv, io));
}

async function capture(options: CliRunOptions, run: (io: CliIO) => Promise<number>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run({
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

// Runs the command line in-process with a fake terminal, so tests see exit code, stdout and stderr.
import { main } from "../../src/cli/main.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], options: { env?: Record<string, string | undefined>; cwd: string }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

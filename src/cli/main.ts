import { packageVersion } from "../core/package-root.js";
import { ExitCode } from "../core/errors.js";
import { escapeLine } from "../selector/shared.js";
import { reportError } from "./report-error.js";
import { DEFAULT_SNAPSHOT_FILE, type CliIO, type Command } from "./io.js";

// Loaded on demand, so that `select` does not pay for the build-time side.
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  register: {
    summary: `probe providers and write ${DEFAULT_SNAPSHOT_FILE}`,
    load: async () => {
      const [{ registerCommand }, { register }] = await Promise.all([
        import("./commands/register.js"),
        import("../register.js"),
      ]);
      return registerCommand({ register });
    },
  },
  validate: {
    summary: "check snapshots against the published schema",
    load: async () => (await import("./commands/validate.js")).validate,
  },
  diff: {
    summary: "what changed between two snapshots, breaking changes first",
    load: async () => (await import("./commands/diff.js")).diff,
  },
  select: {
    summary: "choose a model for a request from a snapshot",
    load: async () => (await import("./commands/select.js")).select,
  },
  demo: {
    summary: "register against built-in loopback providers and show the selector (no keys, no network)",
    load: async () => {
      const [{ demoCommand }, { register }] = await Promise.all([
        import("./commands/demo.js"),
        import("../register.js"),
      ]);
      return demoCommand({ register });
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    "Usage: provider-registry <command> [options]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `provider-registry <command> --help` for a command's options.",
    "Exit codes: 0 ok; 1 invalid, check failed or nothing selectable; 2 usage or configuration error; 3 a probe failed under --strict; 4 a large change named in --fail-on.",
    "",
  ].join("\n");
}

/** The whole command line: returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr(`provider-registry: unknown command ${escapeLine(JSON.stringify(name))}\n\n${usage()}`);
    return ExitCode.usage;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (error) {
    return reportError(error, io);
  }
  return runCommand(command, rest, io);
}

/** One command, its typed errors turned into exit codes as the command line does (see reportError). */
export async function runCommand(command: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    return await command(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

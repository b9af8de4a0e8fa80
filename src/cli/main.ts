import { packageVersion } from "../core/package-root.js";
import { ExitCode } from "../core/errors.js";
import { escapeControls, escapeLine } from "../selector/text.js";
import { DEFAULT_SNAPSHOT_FILE, type CliIO, type Command } from "./io.js";

// Loaded on demand, so that `select` does not pay for the build-time side.
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  register: { summary: `probe providers and write ${DEFAULT_SNAPSHOT_FILE}`, load: async () => (await import("./commands/register.js")).register },
  validate: { summary: "check snapshots against the published schema", load: async () => (await import("./commands/validate.js")).validate },
  diff: { summary: "what changed between two snapshots, breaking changes first", load: async () => (await import("./commands/diff.js")).diff },
  select: { summary: "choose a model for a request from a snapshot", load: async () => (await import("./commands/select.js")).select },
  demo: { summary: "register against built-in loopback providers and show the selector (no keys, no network)", load: async () => (await import("./commands/demo.js")).demo },
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
  try {
    const run = await entry.load();
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

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
  io.stderr(`provider-registry: internal error: ${escapeControls(message)}\nThis is a bug; please report it with the command you ran.\n`);
  return ExitCode.usage;
}

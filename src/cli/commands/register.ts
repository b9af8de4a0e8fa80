import path from "node:path";
import { loadEnv } from "../../config/load-env.js";
import { ExitCode } from "../../errors.js";
import { register as runRegister, DEFAULT_TIMEOUT_MS } from "../../register.js";
import { redact, secretsInEnv } from "../../secrets/redact.js";
import { canonicalJson } from "../../snapshot/canonical-json.js";
import { writeFileAtomic } from "../../snapshot/write-snapshot.js";
import type { Command, CliIO } from "../io.js";
import { packageVersion } from "../main.js";
import { integerOption, parseCommandArgs } from "../parse-args.js";
import { formatDiagnostic, formatProbeLine } from "../report.js";

export const DEFAULT_SNAPSHOT_FILE = "provider_registry_snapshot.json";

const HELP = `Usage: provider-registry register [options]

Probe every configured provider's model list, merge it with the built-in catalog,
resolve the routing policy from the environment, validate, and write the snapshot.
An invalid result is never written.

Options:
  --out PATH          where to write (default: ./${DEFAULT_SNAPSHOT_FILE})
  --env-file PATH     read variables from this file (default: ./.env when present);
                      variables set in the real environment win
  --providers GLOB    also load these provider definition files (repeatable)
  --timeout-ms N      overall deadline for probing (default: ${DEFAULT_TIMEOUT_MS})
  --json              print a summary as JSON on stdout
  --quiet             no progress lines on stderr (warnings still print)
  -h, --help          this help
`;

export const register: Command = async (argv, rawIO) => {
  const args = parseCommandArgs("register", {
    args: argv,
    options: {
      out: { type: "string" },
      "env-file": { type: "string" },
      providers: { type: "string", multiple: true },
      "timeout-ms": { type: "string" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
  if (args.help) {
    rawIO.stdout(HELP);
    return ExitCode.ok;
  }
  const env = await loadEnv({ cwd: rawIO.cwd, ...(args["env-file"] ? { envFile: args["env-file"] } : {}), realEnv: rawIO.env });
  // Whatever goes wrong below, nothing printed can carry a key.
  const io = redactingIO(rawIO, secretsInEnv(env));
  const out = path.resolve(rawIO.cwd, args.out ?? DEFAULT_SNAPSHOT_FILE);
  const timeoutMs = integerOption("register", "--timeout-ms", args["timeout-ms"], { min: 1 });

  const result = await runRegister({
    env,
    cwd: rawIO.cwd,
    generatorVersion: packageVersion(),
    providerGlobs: args.providers ?? [],
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onProbe: (target, outcome) => {
      if (!args.quiet) io.stderr(`${formatProbeLine(target.definition.id, outcome)}\n`);
    },
  });
  const { snapshot } = result;
  if (!args.quiet) {
    for (const target of result.targets) if (!target.plan.probe) io.stderr(`${formatProbeLine(target.definition.id, { status: "skipped", reason: target.plan.reason })}\n`);
  }
  for (const d of snapshot.diagnostics) if (d.level !== "info" || !args.quiet) io.stderr(`${formatDiagnostic(d)}\n`);

  await writeFileAtomic(out, canonicalJson(snapshot));
  const summary = {
    file: out,
    contentHash: snapshot.contentHash,
    providers: snapshot.providers.map((p) => ({ id: p.id, status: p.probe.status, reason: p.probe.reason, models: p.probe.modelCount, durationMs: result.outcomes.get(p.id)?.durationMs ?? null })),
    models: snapshot.models.length,
    routable: snapshot.models.filter((m) => m.availability === "listed" || m.availability === "stale").length,
    diagnostics: { error: count(snapshot.diagnostics, "error"), warning: count(snapshot.diagnostics, "warning"), info: count(snapshot.diagnostics, "info") },
  };
  if (args.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!args.quiet) io.stderr(`wrote ${path.relative(rawIO.cwd, out) || out}: ${summary.models} models (${summary.routable} listed), ${snapshot.contentHash}\n`);
  return ExitCode.ok;
};

function count(list: readonly { level: string }[], level: string): number {
  return list.filter((d) => d.level === level).length;
}

export function redactingIO(io: CliIO, secrets: readonly string[]): CliIO {
  return { ...io, stdout: (text) => io.stdout(redact(text, secrets)), stderr: (text) => io.stderr(redact(text, secrets)) };
}

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
import { formatDiagnostic, formatProbeLine, outputStyle, ProbeProgress } from "../report.js";
import { loadCommunityCatalog, overlayCounts, type CommunityOverlay } from "../../catalog/community-catalog.js";
import { readSettings } from "../../config/read-settings.js";
import type { Env } from "../../config/env-values.js";
import { loadProviderDefinitions } from "../../providers/load-definitions.js";
import { planProbes } from "../../providers/plan-probes.js";
import { snapshotTime } from "../../snapshot/build-snapshot.js";

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
  --catalog FILE      overlay model facts from a community catalog: models.dev's api.json
                      or LiteLLM's model_prices_and_context_window.json (repeatable; a
                      later file wins; the built-in catalog and the probe win over both)
  --json              print a summary as JSON on stdout
  --quiet             no progress lines on stderr (warnings still print); on a terminal
                      a live status line shows who is still being probed; NO_COLOR=1
                      turns colour off
  -h, --help          this help
`;

export const register: Command = async (argv, rawIO) => {
  const args = parseCommandArgs("register", {
    args: argv,
    options: {
      out: { type: "string" },
      "env-file": { type: "string" },
      providers: { type: "string", multiple: true },
      catalog: { type: "string", multiple: true },
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

  const style = outputStyle(rawIO, { quiet: args.quiet === true });
  const plan = await plannedProbes(env, args.providers ?? [], rawIO.cwd);
  const overlays = await loadOverlays(args.catalog ?? [], env, rawIO.cwd, plan.providers, (line) => io.stderr(`${line}\n`), args.quiet === true);
  const progress = new ProbeProgress(io.stderr, style, plan.probed);
  progress.start();
  const result = await runRegister({
    env,
    cwd: rawIO.cwd,
    generatorVersion: packageVersion(),
    providerGlobs: args.providers ?? [],
    ...(overlays.length > 0 ? { overlays } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onProbe: (target, outcome) => progress.done(target.definition.id, args.quiet ? undefined : formatProbeLine(target.definition.id, outcome, style)),
  }).finally(() => progress.stop());
  const { snapshot } = result;
  if (!args.quiet) {
    for (const target of result.targets) if (!target.plan.probe) io.stderr(`${formatProbeLine(target.definition.id, { status: "skipped", reason: target.plan.reason }, style)}\n`);
  }
  for (const d of snapshot.diagnostics) if (d.level !== "info" || !args.quiet) io.stderr(`${formatDiagnostic(d, style)}\n`);

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

/** Which providers there are and which will be probed, known before probing starts, for the progress line. */
async function plannedProbes(env: Env, globs: readonly string[], cwd: string): Promise<{ providers: string[]; probed: string[] }> {
  const definitions = await loadProviderDefinitions(globs, cwd);
  const targets = planProbes(definitions, env, readSettings(env, definitions));
  return { providers: definitions.map((d) => d.id), probed: targets.filter((t) => t.plan.probe).map((t) => t.definition.id) };
}

/**
 * Each --catalog FILE, in the order given (a later file wins), read for the providers there are. Prices the file
 * does not date are as of the day of the run (SOURCE_DATE_EPOCH's day when set).
 */
async function loadOverlays(files: readonly string[], env: Env, cwd: string, providers: readonly string[], print: (line: string) => void, quiet: boolean): Promise<CommunityOverlay[]> {
  if (files.length === 0) return [];
  const asOf = snapshotTime(env.SOURCE_DATE_EPOCH, Date.now).slice(0, 10);
  const overlays: CommunityOverlay[] = [];
  for (const file of files) {
    const overlay = await loadCommunityCatalog(file, { cwd, asOf, providers });
    const counts = overlayCounts(overlay.catalog);
    if (counts.length === 0) print(`warning: [CATALOG_UNUSED] --catalog ${file} (${overlay.name}) has no models for ${providers.join(", ")}: it changes nothing.`);
    else if (!quiet) print(`catalog ${overlay.name.padEnd(10)} ${file}: ${counts.map((c) => `${c.provider} ${c.models}`).join(", ")}`);
    overlays.push(overlay);
  }
  return overlays;
}

function count(list: readonly { level: string }[], level: string): number {
  return list.filter((d) => d.level === level).length;
}

export function redactingIO(io: CliIO, secrets: readonly string[]): CliIO {
  return { ...io, stdout: (text) => io.stdout(redact(text, secrets)), stderr: (text) => io.stderr(redact(text, secrets)) };
}

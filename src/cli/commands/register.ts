import { stat } from "node:fs/promises";
import path from "node:path";
import { checkAgainstFile } from "../../compare/check-file.js";
import { shortSummary, summaryLine } from "../../compare/format-changes.js";
import { LARGE_CHANGE_KINDS, parseFailOn } from "../../compare/large-changes.js";
import { loadEnv } from "../../config/load-env.js";
import type { Env } from "../../config/env-values.js";
import { ConfigError, ExitCode, LargeChangeError, StrictProbeError, UsageError } from "../../core/errors.js";
import { isRoutable } from "../../core/availability.js";
import { register as runRegister, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, type PreviousSnapshot } from "../../register.js";
import { contentHash } from "../../snapshot/content-hash.js";
import { releaseMemory } from "../memory.js";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "../../probe/probe-all.js";
import { DEFAULT_MAX_BYTES, MAX_RESPONSE_BYTES, MIN_RESPONSE_BYTES } from "../../probe/probe-provider.js";
import { redact, redactedJson, secretsInEnv } from "../../core/redact.js";
import { canonicalChunks } from "../../snapshot/canonical-json.js";
import { readSnapshotFile, requireSnapshotFile } from "../../snapshot/read-snapshot.js";
import { checkWritable, writeFileAtomic } from "../../snapshot/write-snapshot.js";
import { DEFAULT_SNAPSHOT_FILE, type Command, type CliIO } from "../io.js";
import { packageVersion } from "../../core/package-root.js";
import { loadProviderDefinitions } from "../../providers/load-definitions.js";
import { escapeLine, terminalSafeJson } from "../../selector/text.js";
import { integerOption, parseCommandArgs } from "../parse-args.js";
import { formatDiagnostic, formatProbeLine, modelCounts, outputStyle, ProbeProgress } from "../report.js";
import { CONFIGURATION_WARNING_CODES, looksLikeCode, parseFailOnCodes, WARNING_CODES } from "../../diagnostics/codes.js";

const HELP = `Usage: provider-registry register [options]

Probe every configured provider's model list, merge it with the built-in catalog,
resolve the routing policy from the environment, validate, and write the snapshot.
An invalid result is never written.

Options:
  --out PATH          where to write (default: ./${DEFAULT_SNAPSHOT_FILE})
  --env-file PATH     read variables from this file (default: ./.env when present);
                      variables set in the real environment win
  --providers GLOB    also load these provider definition files (repeatable)
  --timeout-ms N      overall deadline for probing, 1 to ${MAX_TIMEOUT_MS} (default: ${DEFAULT_TIMEOUT_MS})
  --max-response-bytes N
                      the largest model list read from one provider, in bytes
                      (default: ${DEFAULT_MAX_BYTES}, i.e. 32 MiB; ${MIN_RESPONSE_BYTES} to ${MAX_RESPONSE_BYTES}).
                      A provider whose answer is larger fails its probe, with a warning
                      (exit 3 under --strict)
  --probe-concurrency N
                      how many providers are probed at once (default: ${DEFAULT_CONCURRENCY};
                      1 to ${MAX_CONCURRENCY})
  --allow-link-local  probe base URLs at link-local addresses (169.254.0.0/16, fe80::/10)
                      and cloud metadata hosts, refused otherwise
  --catalog FILE      overlay model facts from a community catalog: models.dev's api.json
                      or LiteLLM's model_prices_and_context_window.json (repeatable; a
                      later file wins; the built-in catalog and the probe win over both)
  --previous FILE     the last good snapshot: a provider whose probe fails keeps its
                      models from it, marked stale, with when they were last verified
                      (default: the file --out is about to replace, when it is one)
  --strict            any provider whose probe fails is fatal: exit 3, nothing written
  --fail-on KINDS     large changes against the previous snapshot that are fatal:
                      exit 4, nothing written. Comma-separated, from
                      ${LARGE_CHANGE_KINDS.join(", ")}, or any.
                      Warning codes may be named too (UNKNOWN_MODEL,MODEL_DEPRECATED):
                      a warning with one of them is fatal, exit 2, nothing written
  --fail-on-warnings  every configuration warning is fatal: exit 2, nothing written
                      (${CONFIGURATION_WARNING_CODES.join(", ")})
  --check             write nothing: compare what would be written with the --out file,
                      timestamps aside; exit 0 when the same, 1 with a summary when not
  --json              print a summary as JSON on stdout
  --quiet             no progress lines on stderr (warnings still print); on a terminal
                      a live status line shows who is still being probed; NO_COLOR=1
                      turns colour off
  -h, --help          this help
`;

function parseRegisterArgs(argv: string[]) {
  return parseCommandArgs("register", {
    args: argv,
    options: {
      out: { type: "string" },
      "env-file": { type: "string" },
      providers: { type: "string", multiple: true },
      catalog: { type: "string", multiple: true },
      "timeout-ms": { type: "string" },
      "max-response-bytes": { type: "string" },
      "probe-concurrency": { type: "string" },
      "allow-link-local": { type: "boolean" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
      previous: { type: "string" },
      strict: { type: "boolean" },
      "fail-on": { type: "string", multiple: true },
      "fail-on-warnings": { type: "boolean" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

export const register: Command = async (argv, rawIO) => {
  const args = parseRegisterArgs(argv);
  if (args.help) {
    rawIO.stdout(HELP);
    return ExitCode.ok;
  }
  // --fail-on takes large-change kinds (price-jump) and warning codes (UNKNOWN_MODEL) alike, told apart by how they are written.
  const failOnWords = (args["fail-on"] ?? []).flatMap((v) => v.split(",")).map((w) => w.trim()).filter((w) => w !== "");
  const failOn = parseFailOn(failOnWords.filter((w) => !looksLikeCode(w)));
  const failOnCodes = parseFailOnCodes(failOnWords.filter(looksLikeCode));
  if (failOn.unknown.length > 0 || failOnCodes.unknown.length > 0) {
    const unknown = [...failOn.unknown.map((k) => `"${k}"`), ...failOnCodes.unknown];
    throw new UsageError(`register: --fail-on does not know ${unknown.join(", ")}; use ${LARGE_CHANGE_KINDS.join(", ")}, any, or a warning code (${WARNING_CODES.join(", ")})`);
  }
  const fatalCodes = new Set<string>([...failOnCodes.codes, ...(args["fail-on-warnings"] ? CONFIGURATION_WARNING_CODES : [])]);
  const env = await loadEnv({ cwd: rawIO.cwd, ...(args["env-file"] ? { envFile: args["env-file"] } : {}), realEnv: rawIO.env });
  // Whatever goes wrong below, nothing printed can carry a key: not the lines the run prints, nor the message of
  // an error it ends with (printed by the command line, which never saw the .env file).
  // Provider ids are printed everywhere: a key that happens to equal one is no secret to hide in them.
  const providerIds = (await loadProviderDefinitions(args.providers ?? [], rawIO.cwd).catch(() => [])).map((d) => d.id);
  const secrets = secretsInEnv(env, providerIds);
  try {
    return await registerWith(args, failOn.kinds, fatalCodes, env, redactingIO(rawIO, secrets), rawIO, secrets);
  } catch (error) {
    if (error instanceof Error) error.message = redact(error.message, secrets);
    throw error;
  }
};

type RegisterArgs = ReturnType<typeof parseRegisterArgs>;

async function registerWith(args: RegisterArgs, failOn: ReadonlySet<string>, fatalCodes: ReadonlySet<string>, env: Env, io: CliIO, rawIO: CliIO, secrets: readonly string[]): Promise<number> {
  // --json is redacted value by value, never as text: it stays valid JSON whatever a secret looks like.
  const printJson = (value: unknown) => rawIO.stdout(`${terminalSafeJson(redactedJson(value, secrets))}\n`);
  if (args.out !== undefined && args.out.trim() === "") throw new UsageError("register: --out is empty; name the file to write (default: ./" + DEFAULT_SNAPSHOT_FILE + ")");
  const out = path.resolve(rawIO.cwd, args.out ?? DEFAULT_SNAPSHOT_FILE);
  const timeoutMs = integerOption("register", "--timeout-ms", args["timeout-ms"], { min: 1, max: MAX_TIMEOUT_MS });
  const maxBytes = integerOption("register", "--max-response-bytes", args["max-response-bytes"], { min: MIN_RESPONSE_BYTES, max: MAX_RESPONSE_BYTES });
  const concurrency = integerOption("register", "--probe-concurrency", args["probe-concurrency"], { min: 1, max: MAX_CONCURRENCY });
  // File names as typed may hold anything, a control character included.
  const shown = (file: string) => escapeLine(path.relative(rawIO.cwd, file) || file);
  if (!args.check) await checkTarget(out);
  // The file about to be replaced: the last good snapshot unless --previous names another, and what --check compares
  // with. Each is read, checked and hashed here, then let go; it is read again only if the run needs its models.
  const onDisk = args.previous === undefined || args.check ? await peekSnapshotFile(out, "the previous snapshot") : undefined;
  const previousFile = args.previous !== undefined ? path.resolve(rawIO.cwd, args.previous) : onDisk?.status === "ok" ? out : undefined;
  const style = outputStyle(rawIO, { quiet: args.quiet === true });
  // Warnings printed here rather than written into the snapshot (they are about this run's files); they count for --fail-on.
  const cliWarnings: string[] = [];
  const warn = (code: string, message: string) => {
    cliWarnings.push(code);
    io.stderr(`${formatDiagnostic({ level: "warning", code, message }, style)}\n`);
  };
  const previous = await previousSnapshot(args.previous !== undefined ? previousFile : undefined, onDisk, (why) =>
    warn("PREVIOUS_UNUSABLE", `${shown(out)} ${why}: no models can be kept from it when a probe fails. Pass --previous FILE to name another.`),
  );
  releaseMemory();

  let progress: ProbeProgress | undefined;
  let probing = 0;
  let probed = 0;
  const result = await runRegister({
    env,
    cwd: rawIO.cwd,
    generatorVersion: packageVersion(),
    providerGlobs: args.providers ?? [],
    catalogFiles: args.catalog ?? [],
    ...(previous ? { previous } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBytes !== undefined ? { probe: { maxBytes } } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(args["allow-link-local"] ? { allowLinkLocal: true } : {}),
    onPlan: (targets) => {
      probing = targets.filter((t) => t.plan.probe).length;
      progress = new ProbeProgress(io.stderr, style, targets.filter((t) => t.plan.probe).map((t) => t.definition.id));
      progress.start();
    },
    onProbe: (target, outcome) => {
      progress?.done(target.definition.id, args.quiet ? undefined : formatProbeLine(target.definition.id, outcome, style));
      // Each raw answer is garbage once its outcome is here; the last one ends the probing.
      if (++probed === probing) releaseMemory();
    },
    onStage: releaseMemory,
  }).finally(() => progress?.stop());
  const { snapshot } = result;
  for (const overlay of result.overlays) {
    const file = args.catalog?.find((f) => path.resolve(rawIO.cwd, f) === overlay.file) ?? overlay.file;
    if (overlay.models.length === 0) {
      warn("CATALOG_UNUSED", `--catalog ${escapeLine(file)} (${overlay.name}) has no models for ${snapshot.providers.map((p) => p.id).join(", ")}: it changes nothing.`);
    } else if (!args.quiet) {
      io.stderr(`catalog ${overlay.name.padEnd(10)} ${escapeLine(file)}: ${overlay.models.map((c) => `${c.provider} ${c.models}`).join(", ")}\n`);
    }
  }
  if (!args.quiet) {
    for (const target of result.targets) if (!target.plan.probe) io.stderr(`${formatProbeLine(target.definition.id, { status: "skipped", reason: target.plan.reason }, style)}\n`);
  }
  for (const d of snapshot.diagnostics) if (d.level !== "info" || !args.quiet) io.stderr(`${formatDiagnostic(d, style)}\n`);
  // A list cut by the size cap is the one failure the user can lift with a flag: say which.
  const cap = maxBytes ?? DEFAULT_MAX_BYTES;
  for (const p of snapshot.providers) {
    if (p.probe.errorKind !== "too_large") continue;
    warn(
      "RESPONSE_TOO_LARGE",
      `${p.id}'s model list is larger than --max-response-bytes (${cap} bytes), so none of it was read: ${p.id} counts as failed${args.strict ? "" : ", and keeps only what the previous snapshot or the catalog knew"}. Raise --max-response-bytes (at most ${MAX_RESPONSE_BYTES}) if the list is that long.`,
    );
  }
  // Large changes describe this run against the last one, not the registry: printed, never written into the snapshot.
  for (const change of result.largeChanges) io.stderr(`${formatDiagnostic(change.diagnostic, style)}\n`);

  const untouched = args.check ? "nothing was written" : `nothing was written; ${shown(out)} is untouched`;
  const fatalWarnings = [...snapshot.diagnostics.filter((d) => d.level !== "info").map((d) => d.code), ...cliWarnings].filter((code) => fatalCodes.has(code));
  if (fatalWarnings.length > 0) {
    const codes = [...new Set(fatalWarnings)].sort().join(", ");
    const flag = args["fail-on-warnings"] ? "--fail-on-warnings" : "--fail-on";
    throw new ConfigError(`${flag}: ${fatalWarnings.length} warning${fatalWarnings.length === 1 ? "" : "s"} (${codes}), printed above: ${untouched}.`);
  }
  if (args.strict && result.failedProviders.length > 0) {
    const failed = result.failedProviders.map((id) => `${id} (${snapshot.providers.find((p) => p.id === id)?.probe.reason ?? "no answer"})`);
    throw new StrictProbeError(`--strict: the probe failed for ${failed.join(", ")}: ${untouched}.`);
  }
  const fatal = result.largeChanges.filter((c) => failOn.has(c.kind));
  if (fatal.length > 0) {
    const kinds = [...new Set(fatal.map((c) => c.kind))].join(", ");
    throw new LargeChangeError(`--fail-on: ${fatal.length} large change${fatal.length === 1 ? "" : "s"} (${kinds}) against ${shown(previousFile!)}: ${untouched}.`);
  }

  if (args.check) {
    const check = checkAgainstFile(snapshot, await readSnapshotFile(out));
    if (args.json) printJson({ file: out, upToDate: check.upToDate, contentHash: { onDisk: check.onDisk, generated: check.generated }, ...(check.problem ? { problem: check.problem } : {}), changes: check.changes });
    if (check.upToDate) {
      if (!args.json) io.stdout(`${shown(out)} is up to date (${check.generated})\n`);
      return ExitCode.ok;
    }
    if (check.problem) io.stderr(`${shown(out)} ${escapeLine(check.problem)}: register would write it.\n`);
    else if (check.changes.length === 0) io.stderr(`${shown(out)} differs from what register would write (content hash ${check.onDisk} → ${check.generated}).\n`);
    else io.stderr(`${shown(out)} differs from what register would write: ${summaryLine(check.changes)}\n${shortSummary(check.changes)}`);
    return ExitCode.invalid;
  }

  await writeFileAtomic(out, canonicalChunks(snapshot, { pretty: true }));
  const summary = {
    file: out,
    contentHash: snapshot.contentHash,
    providers: snapshot.providers.map((p) => ({ id: p.id, status: p.probe.status, reason: p.probe.reason, models: p.probe.modelCount, durationMs: result.outcomes.get(p.id)?.durationMs ?? null })),
    models: snapshot.models.length,
    routable: snapshot.models.filter(isRoutable).length,
    stale: snapshot.models.filter((m) => m.availability === "stale").length,
    previous: previousFile ?? null,
    largeChanges: result.largeChanges.map((c) => ({ kind: c.kind, ...c.diagnostic })),
    diagnostics: { error: count(snapshot.diagnostics, "error"), warning: count(snapshot.diagnostics, "warning"), info: count(snapshot.diagnostics, "info") },
  };
  if (args.json) printJson(summary);
  else if (!args.quiet) io.stderr(`wrote ${shown(out)}: ${modelCounts(snapshot)}, ${snapshot.contentHash}\n`);
  return ExitCode.ok;
}

/**
 * Fail before probing, not after, when the output cannot be written where it was asked for: a missing folder, a
 * folder or anything but a regular file at the path (a device, a FIFO: register never replaces one, so not even
 * `--out /dev/null` run as root), a read-only file system, an immutable file, a name too long.
 */
async function checkTarget(out: string): Promise<void> {
  const dir = await stat(path.dirname(out)).catch(() => undefined);
  if (!dir?.isDirectory()) throw new ConfigError(`cannot write ${out}: the folder ${path.dirname(out)} does not exist`, { file: out });
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory()) throw new ConfigError(`cannot write ${out}: it is a folder`, { file: out });
  if (target !== undefined && !target.isFile()) {
    const kind = target.isFIFO() ? "a FIFO (named pipe)" : target.isCharacterDevice() ? "a character device" : target.isBlockDevice() ? "a block device" : target.isSocket() ? "a socket" : "a special file";
    throw new ConfigError(`cannot write ${out}: it is ${kind}, not a regular file; register only replaces a regular file`, { file: out });
  }
  await checkWritable(out);
}

/** Reading a large snapshot holds its text, then its objects: the text is let go before validating and hashing. */
const RECLAIM = { afterParse: releaseMemory };

type Peeked = { readonly status: "ok"; readonly previous: PreviousSnapshot } | { readonly status: "missing" | "unusable"; readonly why: string };

/** A snapshot file read, checked and hashed; what is kept is its status, its content hash and how to read it again. */
async function peekSnapshotFile(file: string, what: string): Promise<Peeked> {
  const read = await readSnapshotFile(file, RECLAIM);
  if (read.status !== "ok") return read;
  return { status: "ok", previous: { contentHash: contentHash(read.snapshot), load: () => requireSnapshotFile(file, what, RECLAIM) } };
}

/** A file named by --previous must be a valid snapshot (exit 2 otherwise); the file about to be replaced may be anything. */
async function previousSnapshot(explicit: string | undefined, onDisk: Peeked | undefined, warn: (why: string) => void): Promise<PreviousSnapshot | undefined> {
  if (explicit !== undefined) {
    const snapshot = await requireSnapshotFile(explicit, "--previous", RECLAIM);
    return { contentHash: contentHash(snapshot), load: () => requireSnapshotFile(explicit, "--previous", RECLAIM) };
  }
  if (onDisk?.status === "ok") return onDisk.previous;
  if (onDisk?.status === "unusable") warn(onDisk.why);
  return undefined;
}

function count(list: readonly { level: string }[], level: string): number {
  return list.filter((d) => d.level === level).length;
}

export function redactingIO(io: CliIO, secrets: readonly string[]): CliIO {
  return { ...io, stdout: (text) => io.stdout(redact(text, secrets)), stderr: (text) => io.stderr(redact(text, secrets)) };
}

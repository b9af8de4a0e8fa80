// `provider-registry register`: probe, merge, resolve, validate, and write the snapshot unless a gate stops it.
// The command is a function of the library's `register`, passed in (the command line wires the real one).
import path from "node:path";
import { loadEnv } from "../../config/load-env.js";
import type { Env } from "../../config/env-values.js";
import { ExitCode } from "../../core/errors.js";
import { packageVersion } from "../../core/package-root.js";
import { redact, redactedJson, secretsInEnv } from "../../core/redact.js";
import { loadProviderDefinitions } from "../../providers/load-definitions.js";
import type { register } from "../../register.js";
import { escapeLine, terminalSafeJson } from "../../selector/shared.js";
import { canonicalChunks } from "../../snapshot/canonical-json.js";
import { writeFileAtomic } from "../../snapshot/write-snapshot.js";
import type { CliIO, Command } from "../io.js";
import { releaseMemory } from "../memory.js";
import { redactingIO } from "../redacting-io.js";
import { formatDiagnostic, modelCounts, outputStyle } from "../report.js";
import { compareWithOutput } from "../register/compare-with-output.js";
import { enforceGates } from "../register/enforce-gates.js";
import { outputFile } from "../parse-args.js";
import { parseFailOnArgs, type FailOn } from "../register/fail-on.js";
import { checkOutputTarget } from "../register/output-target.js";
import { peekSnapshotFile, previousSnapshot } from "../register/previous-snapshot.js";
import { probeProgressHooks } from "../register/probe-progress.js";
import { numericOptions, parseRegisterArgs, REGISTER_HELP, type RegisterArgs } from "../register/register-args.js";
import { reportRun } from "../register/report-run.js";
import { runSummary } from "../register/run-summary.js";

/** What the command calls beyond its arguments and IO. */
export interface RegisterCollaborators {
  /** The library's register (src/register.ts), or a stand-in with its signature. */
  readonly register: typeof register;
}

export function registerCommand(collaborators: RegisterCollaborators): Command {
  return async (argv, rawIO) => {
    const args = parseRegisterArgs(argv);
    if (args.help) {
      rawIO.stdout(REGISTER_HELP);
      return ExitCode.ok;
    }
    const failOn = parseFailOnArgs(args);
    const env = await loadEnv({
      cwd: rawIO.cwd,
      ...(args["env-file"] ? { envFile: args["env-file"] } : {}),
      realEnv: rawIO.env,
    });
    // Whatever goes wrong below, nothing printed can carry a key: not the lines the run prints, nor the message of
    // an error it ends with (printed by the command line, which never saw the .env file).
    // Provider ids are printed everywhere: a key that happens to equal one is no secret to hide in them.
    const providerIds = (await loadProviderDefinitions(args.providers ?? [], rawIO.cwd).catch(() => [])).map(
      (d) => d.id,
    );
    const secrets = secretsInEnv(env, providerIds);
    try {
      return await registerWith(collaborators, args, failOn, env, redactingIO(rawIO, secrets), rawIO, secrets);
    } catch (error) {
      if (error instanceof Error) error.message = redact(error.message, secrets);
      throw error;
    }
  };
}

async function registerWith(
  collaborators: RegisterCollaborators,
  args: RegisterArgs,
  failOn: FailOn,
  env: Env,
  io: CliIO,
  rawIO: CliIO,
  secrets: readonly string[],
): Promise<number> {
  // --json is redacted value by value, never as text: it stays valid JSON whatever a secret looks like.
  const printJson = (value: unknown) => rawIO.stdout(`${terminalSafeJson(redactedJson(value, secrets))}\n`);
  // The file to write (or, with --check, to compare with).
  const out = outputFile("register", args.out, rawIO.cwd);
  const { timeoutMs, maxBytes, concurrency } = numericOptions(args);
  // File names as typed may hold anything, a control character included.
  const displayPath = (file: string) => escapeLine(path.relative(rawIO.cwd, file) || file);
  if (!args.check) await checkOutputTarget(out);
  // The file about to be replaced: the last good snapshot unless --previous names another, and what --check compares
  // with. Each is read, checked and hashed here, then let go; it is read again only if the run needs its models.
  const onDisk =
    args.previous === undefined || args.check ? await peekSnapshotFile(out, "the previous snapshot") : undefined;
  const previousFile =
    args.previous !== undefined ? path.resolve(rawIO.cwd, args.previous) : onDisk?.status === "ok" ? out : undefined;
  const quiet = args.quiet === true;
  const style = outputStyle(rawIO, { quiet });
  // Warnings printed here rather than written into the snapshot (they are about this run's files); they count for --fail-on.
  const cliWarnings: string[] = [];
  const warn = (code: string, message: string) => {
    cliWarnings.push(code);
    io.stderr(`${formatDiagnostic({ level: "warning", code, message }, style)}\n`);
  };
  const previous = await previousSnapshot(args.previous !== undefined ? previousFile : undefined, onDisk, (why) =>
    warn(
      "PREVIOUS_UNUSABLE",
      `${displayPath(out)} ${why}: no models can be kept from it when a probe fails. Pass --previous FILE to name another.`,
    ),
  );
  releaseMemory();

  const progress = probeProgressHooks(io, style, quiet);
  const result = await collaborators
    .register({
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
      onPlan: progress.onPlan,
      onProbe: progress.onProbe,
      onStage: releaseMemory,
    })
    .finally(progress.stop);
  reportRun(result, {
    io,
    cwd: rawIO.cwd,
    style,
    catalogFiles: args.catalog,
    maxBytes,
    quiet,
    strict: args.strict === true,
    warn,
  });

  enforceGates(result, {
    failOn,
    failOnWarnings: args["fail-on-warnings"] === true,
    strict: args.strict === true,
    cliWarnings,
    previousFile: previousFile !== undefined ? displayPath(previousFile) : undefined,
    untouched: args.check ? "nothing was written" : `nothing was written; ${displayPath(out)} is untouched`,
  });

  const { snapshot } = result;
  // onDisk is always read under --check (above).
  if (args.check)
    return compareWithOutput(snapshot, out, onDisk!, { io, json: args.json === true, printJson, displayPath });

  await writeFileAtomic(out, canonicalChunks(snapshot, { pretty: true }));
  if (args.json) printJson(runSummary(result, out, previousFile));
  else if (!quiet) io.stderr(`wrote ${displayPath(out)}: ${modelCounts(snapshot)}, ${snapshot.contentHash}\n`);
  return ExitCode.ok;
}

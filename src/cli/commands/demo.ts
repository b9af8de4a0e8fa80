import path from "node:path";
import { startDemoProviders } from "../demo/demo-providers.js";
import { ExitCode, UsageError } from "../../core/errors.js";
import type { register } from "../../register.js";
import { canonicalChunks } from "../../snapshot/canonical-json.js";
import { readSnapshotFile } from "../../snapshot/read-snapshot.js";
import { writeFileAtomic } from "../../snapshot/write-snapshot.js";
import { createSelector, SelectionError, type SelectionRequest } from "../../selector/index.js";
import { DEFAULT_SNAPSHOT_FILE, type Command } from "../io.js";
import { packageVersion } from "../../core/package-root.js";
import { outputFile, parseCommandArgs } from "../parse-args.js";
import { formatDiagnostic, formatProbeLine, modelCounts } from "../report.js";
import { redactingIO } from "../redacting-io.js";
import { secretsInEnv } from "../../core/redact.js";

/**
 * Semver build metadata on the snapshot's generator version: marks a snapshot as the demo's, so that a later demo
 * may replace it and never replaces a snapshot of the user's own.
 */
const DEMO_MARK = "+demo";

function demoVersion(version: string): string {
  return version.includes("+") ? `${version}.demo` : `${version}${DEMO_MARK}`;
}

function writtenByDemo(version: string): boolean {
  return /\+(?:.*\.)?demo$/.test(version);
}

const HELP = `Usage: provider-registry demo [--out PATH] [--force]

The whole flow with no keys and no network: starts loopback servers that answer like
Kimi, GLM, OpenRouter and a vLLM server, registers against them, writes a snapshot
(default ./${DEFAULT_SNAPSHOT_FILE}) and shows what the selector would choose.

Options:
  --out PATH   where to write the demo's snapshot (default: ./${DEFAULT_SNAPSHOT_FILE})
  --force      replace the file even when the demo did not write it
  -h, --help   this help

The demo replaces only a file it wrote itself (its generator version ends in ${DEMO_MARK}):
a snapshot of your own is left as it was, exit 2, unless --out names another file or
--force is given.
`;

/** A Kimi default model and a GLM fast-response preference, as a real user set them: the demo shows both honoured. */
const DEMO_SETTINGS = {
  KIMI_DEFAULT_MODEL: "kimi-k2-0905-preview",
  GLM_PREFERRED_MODELS_FAST_RESPONSE: "glm-4.5-flash",
};

const DEMO_REQUESTS: readonly { readonly label: string; readonly request: SelectionRequest }[] = [
  { label: "no preference in the request", request: {} },
  { label: "fast_response", request: { category: "fast_response" } },
  { label: "extended_reasoning", request: { category: "extended_reasoning" } },
  { label: "needs vision", request: { requires: { vision: true } } },
  { label: "glm only, fast_response", request: { provider: "glm", category: "fast_response" } },
  {
    label: "openrouter only, tools + 100k context",
    request: { provider: "openrouter", requires: { tools: true, minContext: 100000 } },
  },
  { label: "explicit kimi-k2 (an alias)", request: { model: "kimi-k2" } },
  { label: "explicit glm-4.5-x (not listed)", request: { model: "glm-4.5-x" } },
];

/** What the command calls beyond its arguments and IO. */
export interface DemoCollaborators {
  /** The library's register (src/register.ts), or a stand-in with its signature. */
  readonly register: typeof register;
}

export function demoCommand({ register }: DemoCollaborators): Command {
  return async (argv, rawIO) => {
    const { values } = parseCommandArgs("demo", {
      args: argv,
      options: { out: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      rawIO.stdout(HELP);
      return ExitCode.ok;
    }
    const out = outputFile("demo", values.out, rawIO.cwd);
    const displayOut = path.relative(rawIO.cwd, out) || out;
    if (!values.force) {
      // Run in a project folder, the default name is that project's real snapshot: never replace what the demo did not write.
      const existing = await readSnapshotFile(out);
      if (
        existing.status !== "missing" &&
        !(existing.status === "ok" && writtenByDemo(existing.snapshot.generator.version))
      ) {
        throw new UsageError(
          `demo: ${displayOut} already exists and was not written by the demo; it is left as it was. ` +
            `Give --out PATH to write the demo's snapshot elsewhere, or --force to replace it.`,
        );
      }
    }
    const providers = await startDemoProviders();
    try {
      // Only the demo's own settings: the user's real keys and preferences stay out of it.
      const env = {
        ...providers.env,
        ...DEMO_SETTINGS,
        ...(rawIO.env.SOURCE_DATE_EPOCH ? { SOURCE_DATE_EPOCH: rawIO.env.SOURCE_DATE_EPOCH } : {}),
      };
      const io = redactingIO(rawIO, secretsInEnv(env));
      io.stdout(
        `Registering against ${providers.servers.length} loopback providers (Kimi, GLM, OpenRouter, vLLM shapes) with:\n`,
      );
      for (const [name, value] of Object.entries(DEMO_SETTINGS)) io.stdout(`  ${name}=${value}\n`);
      io.stdout("\n");
      const result = await register({
        env,
        cwd: rawIO.cwd,
        generatorVersion: demoVersion(packageVersion()),
        onProbe: (target, outcome) => io.stdout(`  ${formatProbeLine(target.definition.id, outcome)}\n`),
      });
      for (const d of result.snapshot.diagnostics) io.stdout(`  ${formatDiagnostic(d)}\n`);
      await writeFileAtomic(out, canonicalChunks(result.snapshot, { pretty: true }));
      io.stdout(`\nWrote ${displayOut}: ${modelCounts(result.snapshot)}, ${result.snapshot.contentHash}\n\n`);

      io.stdout("What the selector chooses (it reads only the snapshot):\n");
      const selector = createSelector(result.snapshot);
      for (const { label, request } of DEMO_REQUESTS) {
        try {
          const choice = selector.select(request);
          io.stdout(`  ${label}\n    → ${choice.model} (${choice.provider}): ${choice.reason}\n`);
        } catch (error) {
          if (!(error instanceof SelectionError)) throw error;
          io.stdout(`  ${label}\n    → refused, ${error.code}: ${error.message}\n`);
        }
      }
      io.stdout(`\nTry: npx provider-registry select --snapshot ${displayOut} --category fast_response --explain\n`);
      return ExitCode.ok;
    } finally {
      await providers.close();
    }
  };
}

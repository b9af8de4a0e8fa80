// The register command's options: its help text, the parsed flags, and the numbers read from them.
import { LARGE_CHANGE_KINDS } from "../../compare/large-changes.js";
import { CONFIGURATION_WARNING_CODES } from "../../diagnostics/codes.js";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "../../probe/probe-all.js";
import { DEFAULT_MAX_BYTES, MAX_RESPONSE_BYTES, MIN_RESPONSE_BYTES } from "../../probe/probe-types.js";
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS } from "../../register.js";
import { DEFAULT_SNAPSHOT_FILE } from "../io.js";
import { integerOption, parseCommandArgs } from "../parse-args.js";

export const REGISTER_HELP = `Usage: provider-registry register [options]

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

export function parseRegisterArgs(argv: string[]) {
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

export type RegisterArgs = ReturnType<typeof parseRegisterArgs>;

/** The numeric options, each checked against its range; undefined where not given. */
export function numericOptions(args: RegisterArgs): {
  timeoutMs: number | undefined;
  maxBytes: number | undefined;
  concurrency: number | undefined;
} {
  const timeoutMs = integerOption("register", "--timeout-ms", args["timeout-ms"], { min: 1, max: MAX_TIMEOUT_MS });
  const maxBytes = integerOption("register", "--max-response-bytes", args["max-response-bytes"], {
    min: MIN_RESPONSE_BYTES,
    max: MAX_RESPONSE_BYTES,
  });
  const concurrency = integerOption("register", "--probe-concurrency", args["probe-concurrency"], {
    min: 1,
    max: MAX_CONCURRENCY,
  });
  return { timeoutMs, maxBytes, concurrency };
}

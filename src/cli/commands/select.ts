// `provider-registry select`: the selector on the command line. It reads the snapshot and nothing else — no
// environment — so its answer depends on the snapshot alone.
import path from "node:path";
import { ExitCode, UsageError } from "../../errors.js";
import {
  CATEGORIES,
  createSelector,
  loadSnapshot,
  boundTrace,
  renderBoundedTrace,
  renderFallbacks,
  DEFAULT_SHOWN_FALLBACKS,
  type BoundedTrace,
  SelectionError,
  SnapshotError,
  type Category,
  type Requirements,
  type SelectionRequest,
} from "../../selector/index.js";
import { escapeControls, terminalSafeJson } from "../../selector/text.js";
import { DEFAULT_SNAPSHOT_FILE, type CliIO, type Command } from "../io.js";
import { reportError } from "../main.js";
import { parseCommandArgs, usageError } from "../parse-args.js";

const CAPABILITIES = ["vision", "tools", "reasoning", "json"] as const;

const USAGE = `Usage: provider-registry select [options]

Choose a model for a request from a snapshot written by \`provider-registry register\`.

Options:
  --snapshot FILE      the snapshot (default: ${DEFAULT_SNAPSHOT_FILE} in the working folder)
  --model ID           a model id or alias (any case), or auto (the default)
  --category C         ${CATEGORIES.join(" | ")} (default: balanced)
  --provider P         choose only among this provider's models
  --require LIST       capabilities the model must have: ${CAPABILITIES.join(",")}
  --min-context N      at least N tokens of context window
  --min-output N       at least N output tokens
  --exclude LIST       model ids or aliases to skip, comma-separated
  --fallbacks N|all    how many fallbacks to print (default ${DEFAULT_SHOWN_FALLBACKS}); with --explain or --json also
                       bounds the trace to the choice, those fallbacks and what your settings named,
                       counting the rest; \`all\` prints every fallback and the whole trace
  --json               print {model, provider, reason, fallbacks, trace} as JSON (bounded as above;
                       "omitted" says what was left out)
  --explain            also print the models considered and why each was kept or dropped
  -h, --help           show this help

Exit codes: 0 a model was chosen; 1 nothing fits, or the snapshot cannot be used; 2 bad options.
`;

const OPTIONS = {
  snapshot: { type: "string" },
  model: { type: "string" },
  category: { type: "string" },
  provider: { type: "string" },
  require: { type: "string", multiple: true },
  "min-context": { type: "string" },
  "min-output": { type: "string" },
  exclude: { type: "string", multiple: true },
  fallbacks: { type: "string" },
  json: { type: "boolean" },
  explain: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const parse = (argv: string[]) => parseCommandArgs("select", { args: argv, options: OPTIONS }).values;
type Values = ReturnType<typeof parse>;

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");

function tokens(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw usageError("select", `${flag} takes a whole number of tokens (got "${value}")`);
  return Number(value.trim());
}

/** Turns flags into a request, rejecting what the selector would otherwise reject later and less clearly. */
function toRequest(values: Values): SelectionRequest {
  const request: SelectionRequest = {};
  if (values.model !== undefined) request.model = values.model;
  if (values.category !== undefined) {
    if (!(CATEGORIES as readonly string[]).includes(values.category)) {
      throw usageError("select", `--category must be one of ${CATEGORIES.join(", ")} (got "${values.category}")`);
    }
    request.category = values.category as Category;
  }
  if (values.provider !== undefined) request.provider = values.provider;
  const requires: Requirements = {};
  for (const name of list(values.require)) {
    const capability = CAPABILITIES.find((c) => c === name.toLowerCase());
    if (!capability) throw usageError("select", `--require takes ${CAPABILITIES.join(", ")} (got "${name}")`);
    requires[capability] = true;
  }
  const minContext = tokens("--min-context", values["min-context"]);
  if (minContext !== undefined) requires.minContext = minContext;
  const minOutput = tokens("--min-output", values["min-output"]);
  if (minOutput !== undefined) requires.minOutput = minOutput;
  if (Object.keys(requires).length > 0) request.requires = requires;
  const exclude = list(values.exclude);
  if (exclude.length > 0) request.exclude = exclude;
  return request;
}

const json = (value: unknown) => `${terminalSafeJson(JSON.stringify(value, null, 2))}\n`;

function fallbackLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SHOWN_FALLBACKS;
  if (value.trim().toLowerCase() === "all") return Infinity;
  if (!/^\d+$/.test(value.trim())) throw usageError("select", `--fallbacks takes a whole number or all (got "${value}")`);
  return Number(value.trim());
}

/** What was left out of a bounded answer, and how to get it; nothing when nothing was. */
function omitted(bounded: BoundedTrace): { omitted?: { fallbacks: number; trace: number; all: string } } {
  const trace = bounded.omittedTrace.reduce((n, o) => n + o.count, 0);
  if (bounded.omittedFallbacks === 0 && trace === 0) return {};
  return { omitted: { fallbacks: bounded.omittedFallbacks, trace, all: "--fallbacks all" } };
}

export const select: Command = async (argv: string[], io: CliIO) => {
  const values = parse(argv);
  if (values.help) {
    io.stdout(USAGE);
    return ExitCode.ok;
  }
  const request = toRequest(values);
  const limit = fallbackLimit(values.fallbacks);
  const file = path.resolve(io.cwd, values.snapshot ?? DEFAULT_SNAPSHOT_FILE);

  try {
    const choice = createSelector(loadSnapshot(file)).select(request);
    const bounded = boundTrace(choice.trace, choice.fallbacks, limit);
    if (values.json) {
      const { model, provider, reason } = choice;
      io.stdout(json({ model, provider, reason, fallbacks: bounded.fallbacks, trace: bounded.trace, ...omitted(bounded) }));
      return ExitCode.ok;
    }
    io.stdout(escapeControls(`${choice.model} (${choice.provider}): ${choice.reason}\n${renderFallbacks(bounded)}\n`));
    if (values.explain) io.stdout(`${renderBoundedTrace(bounded).join("\n")}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof SelectionError) {
      if (error.code === "INVALID_REQUEST") throw new UsageError(`select: ${error.message}`);
      const bounded = boundTrace(error.trace, [], limit);
      if (values.json) {
        io.stdout(json({ ...error.toJSON(), trace: bounded.trace, ...omitted(bounded) }));
        return error.exitCode;
      }
      const code = reportError(error, io);
      if (values.explain) io.stderr(`${renderBoundedTrace(bounded).join("\n")}\n`);
      else if (error.trace.length > 0) io.stderr("hint: add --explain to see every model considered and why it fell away\n");
      return code;
    }
    if (error instanceof SnapshotError) {
      const code = reportError(error, io);
      if (values.json) io.stdout(json({ error: { code: error.code, message: error.message }, trace: [] }));
      return code;
    }
    throw error;
  }
};

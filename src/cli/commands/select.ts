// `provider-registry select`: the selector on the command line. It reads the snapshot and nothing else — no
// environment — so its answer depends on the snapshot alone.
import path from "node:path";
import { createInterface } from "node:readline";
import { ExitCode, UsageError } from "../../core/errors.js";
import {
  CATEGORIES,
  createSelector,
  loadSnapshot,
  boundFallbacks,
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
  type Selector,
  type Choice,
} from "../../selector/index.js";
import { escapeControls, terminalSafeJson } from "../../selector/shared.js";
import { DEFAULT_SNAPSHOT_FILE, type CliIO, type Command } from "../io.js";
import { reportError } from "../report-error.js";
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
  --stdin              batch mode: read one JSON request per line, write one JSON answer per line
                       (the snapshot is loaded once; see docs/batch-mode.md)
  -h, --help           show this help

Exit codes: 0 a model was chosen (--stdin: the input ended); 1 nothing fits, or the snapshot cannot be used;
2 bad options. With --json (or --stdin) every error is also printed on stdout as {"error": {"code", "message"}}.
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
  stdin: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Flags that make a request: with --stdin each line is the request, so none of them may be given. */
const REQUEST_FLAGS = ["model", "category", "provider", "require", "min-context", "min-output", "exclude"] as const;

const parse = (argv: string[]) => parseCommandArgs("select", { args: argv, options: OPTIONS }).values;
type Values = ReturnType<typeof parse>;

const list = (values: string[] | undefined) =>
  (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");

function tokens(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw usageError("select", `${flag} takes a whole number of tokens (got "${value}")`);
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
  if (!/^\d+$/.test(value.trim()))
    throw usageError("select", `--fallbacks takes a whole number or all (got "${value}")`);
  return Number(value.trim());
}

/** What was left out of a bounded answer, and how to get it; nothing when nothing was. */
function omitted(bounded: BoundedTrace): { omitted?: { fallbacks: number; trace: number; all: string } } {
  const trace = bounded.omittedTrace.reduce((n, o) => n + o.count, 0);
  if (bounded.omittedFallbacks === 0 && trace === 0) return {};
  return { omitted: { fallbacks: bounded.omittedFallbacks, trace, all: "--fallbacks all" } };
}

/** What `select --json` prints for a choice: bounded to `limit` fallbacks and the trace entries that matter. */
function choiceJson(choice: Choice, limit: number): object {
  const bounded = boundTrace(choice.trace, choice.fallbacks, limit);
  const { model, provider, reason } = choice;
  return { model, provider, reason, fallbacks: bounded.fallbacks, trace: bounded.trace, ...omitted(bounded) };
}

/** What `select --json` prints when nothing can be chosen, bounded the same way. */
function errorJson(error: SelectionError, limit: number): object {
  const bounded = boundTrace(error.trace, [], limit);
  return { ...error.toJSON(), trace: bounded.trace, ...omitted(bounded) };
}

/**
 * Does the command line ask for JSON? Read from the raw arguments, so that a bad flag elsewhere still gets its error
 * as JSON: a caller parsing stdout must always have something to parse.
 */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  const flags = end === -1 ? argv : argv.slice(0, end);
  return flags.includes("--json") || flags.includes("--stdin");
}

/** A usage error as `select --json` prints it (exit code 2); the message also goes to stderr. */
function usageFailure(error: UsageError, io: CliIO): number {
  const code = reportError(error, io);
  io.stdout(json({ error: { code: error.code, message: error.message }, trace: [] }));
  return code;
}

export const select: Command = async (argv: string[], io: CliIO) => {
  const asJson = wantsJson(argv);
  let values: Values;
  let request: SelectionRequest;
  let limit: number;
  try {
    values = parse(argv);
    if (values.help) {
      io.stdout(USAGE);
      return ExitCode.ok;
    }
    if (values.stdin) {
      const given = REQUEST_FLAGS.filter((flag) => values[flag] !== undefined);
      if (given.length > 0 || values.explain) {
        const flags = [...given, ...(values.explain ? ["explain"] : [])].map((f) => `--${f}`).join(", ");
        throw usageError("select", `--stdin reads each request from its own line, so ${flags} cannot be given with it`);
      }
    }
    request = values.stdin ? {} : toRequest(values);
    limit = fallbackLimit(values.fallbacks);
  } catch (error) {
    // Without --json main reports it, as for every command.
    if (error instanceof UsageError && asJson) return usageFailure(error, io);
    throw error;
  }
  const file = path.resolve(io.cwd, values.snapshot ?? DEFAULT_SNAPSHOT_FILE);

  try {
    const selector = createSelector(loadSnapshot(file));
    if (values.stdin) return await batch(selector, io, limit);
    const choice = selector.select(request);
    if (values.json) {
      io.stdout(json(choiceJson(choice, limit)));
      return ExitCode.ok;
    }
    // The trace is read only to show it: the fallbacks line needs the fallbacks alone.
    const fallbacks = renderFallbacks(boundFallbacks(choice.fallbacks, limit));
    io.stdout(escapeControls(`${choice.model} (${choice.provider}): ${choice.reason}\n${fallbacks}\n`));
    if (values.explain)
      io.stdout(`${renderBoundedTrace(boundTrace(choice.trace, choice.fallbacks, limit)).join("\n")}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof SelectionError) {
      if (error.code === "INVALID_REQUEST") {
        const usage = new UsageError(`select: ${error.message}`);
        if (!values.json) throw usage;
        const code = reportError(usage, io);
        io.stdout(json(error));
        return code;
      }
      if (values.json) {
        io.stdout(json(errorJson(error, limit)));
        return error.exitCode;
      }
      const code = reportError(error, io);
      if (values.explain) io.stderr(`${renderBoundedTrace(boundTrace(error.trace, [], limit)).join("\n")}\n`);
      else if (error.trace.length > 0)
        io.stderr("hint: add --explain to see every model considered and why it fell away\n");
      return code;
    }
    if (error instanceof SnapshotError) {
      const code = reportError(error, io);
      if (asJson)
        io.stdout(
          `${terminalSafeJson(JSON.stringify({ error: { code: error.code, message: error.message }, trace: [] }, null, values.stdin ? undefined : 2))}\n`,
        );
      return code;
    }
    throw error;
  }
};

/**
 * Batch mode (docs/batch-mode.md): one JSON request per line in, one JSON answer per line out, in order, over one
 * loaded snapshot. A line that is not a request gets an error line; nothing but the end of the input ends the run.
 */
async function batch(selector: Selector, io: CliIO, limit: number): Promise<number> {
  if (io.stdin === undefined) throw new Error("select --stdin needs an input stream");
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (/^[ \t]*$/.test(line)) continue;
    io.stdout(`${answerLine(selector, line, n, limit)}\n`);
  }
  return ExitCode.ok;
}

/** One batch answer: what `select --json --fallbacks <limit>` prints for the line's request, on one line. */
export function answerLine(selector: Selector, line: string, n: number, limit = DEFAULT_SHOWN_FALLBACKS): string {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    const notJson = new SelectionError(
      "INVALID_REQUEST",
      `invalid request: line ${n} is not JSON: write one request object per line, such as {"category":"balanced"}`,
    );
    return terminalSafeJson(JSON.stringify(errorJson(notJson, limit)));
  }
  // As `select --json` writes it: DEL and C1 controls escaped (the same JSON value, safe on a terminal).
  try {
    return terminalSafeJson(JSON.stringify(choiceJson(selector.select(request as SelectionRequest), limit)));
  } catch (error) {
    if (error instanceof SelectionError) return terminalSafeJson(JSON.stringify(errorJson(error, limit)));
    throw error;
  }
}

// Command-line cases: argv (and, for --stdin, the lines fed in) and what `provider-registry select` answers, run
// in-process from a copy of the conformance folder. Another implementation runs the same argv from the conformance
// folder and compares the exit code and stdout.
import path from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface CliCase {
  readonly id: string;
  readonly covers: string;
  readonly argv: readonly string[];
  /** For --stdin: the text fed to standard input. */
  readonly stdin?: string;
  /** Messages that name an absolute path or a JSON parser's words: only error.code is compared. */
  readonly errorCodeOnly?: boolean;
}

export interface CliCaseResult extends CliCase {
  readonly kind: "cli";
  readonly expect: { exitCode: number; stdout: unknown; stdoutFormat: "json" | "json-lines" | "text" };
}

const D = ["--snapshot", "snapshots/demo.json"];
const P = ["--snapshot", "snapshots/demo-policy.json"];

const CASES: CliCase[] = [
  { id: "cli/json/category", covers: "--json prints the choice", argv: [...D, "--json", "--category", "fast_response"] },
  { id: "cli/json/every-flag", covers: "every flag reaches the request", argv: [...D, "--model", "GLM-4.6", "--provider", "glm", "--require", "tools, json", "--require", "reasoning", "--min-output", "1000", "--exclude", "glm-4.5", "--json"] },
  { id: "cli/json/exclude-lists", covers: "--exclude takes comma-separated lists and repeats", argv: [...D, "--exclude", "kimi-k2,glm-4.6", "--exclude", "kimi-thinking", "--json"] },
  { id: "cli/json/equals-syntax", covers: "--flag=value", argv: [...D, "--json", "--category=extended_reasoning", "--min-context=100000", "--require=vision"] },
  { id: "cli/json/repeated-flag-last-wins", covers: "a repeated single flag keeps its last value", argv: [...D, "--json", "--category", "balanced", "--category", "fast_response"] },
  { id: "cli/json/min-context-spaces", covers: "numbers may carry spaces", argv: [...D, "--json", "--min-context", " 100000 "] },
  { id: "cli/json/capability-any-case", covers: "--require in any case", argv: [...D, "--json", "--require", "VISION,,Tools"] },
  { id: "cli/json/no-such-model", covers: "NO_SUCH_MODEL: exit 1, error and trace on stdout", argv: [...D, "--json", "--model", "glm-4"] },
  { id: "cli/json/model-not-allowed", covers: "MODEL_NOT_ALLOWED: exit 1", argv: [...P, "--json", "--model", "glm-4.5"] },
  { id: "cli/json/requirements-not-met", covers: "REQUIREMENTS_NOT_MET: exit 1", argv: [...D, "--json", "--model", "glm-4.6", "--require", "vision"] },
  { id: "cli/json/no-model-available", covers: "NO_MODEL_AVAILABLE: exit 1", argv: [...D, "--json", "--min-context", "100000000"] },
  { id: "cli/json/unknown-provider", covers: "INVALID_REQUEST: exit 2, the error on stdout", argv: [...D, "--json", "--provider", "nowhere"] },
  { id: "cli/json/bad-category", covers: "a bad flag value: exit 2, USAGE on stdout", argv: [...D, "--json", "--category", "fast"] },
  { id: "cli/json/bad-capability", covers: "a bad flag value: exit 2", argv: [...D, "--json", "--require", "vision,telepathy"] },
  { id: "cli/json/bad-number", covers: "a number that is not a whole number of tokens: exit 2", argv: [...D, "--json", "--min-context", "1e5"] },
  { id: "cli/json/negative-number", covers: "a negative number: exit 2", argv: [...D, "--json", "--min-output", "-5"] },
  { id: "cli/json/unknown-flag", covers: "an unknown flag: exit 2, USAGE on stdout", argv: [...D, "--json", "--fast"] },
  { id: "cli/json/unknown-flag-after", covers: "--json before or after the bad flag", argv: ["--modle", "x", "--json"] },
  { id: "cli/json/unknown-short-flag", covers: "an unknown short flag", argv: ["--json", "-x"] },
  { id: "cli/json/missing-value", covers: "a flag without its value", argv: [...D, "--json", "--model"] },
  { id: "cli/json/ambiguous-value", covers: "a value that looks like a flag", argv: [...D, "--model", "--json"] },
  { id: "cli/json/boolean-with-value", covers: "a switch given a value", argv: [...D, "--json", "--explain=yes"] },
  { id: "cli/json/positional", covers: "a positional argument", argv: [...D, "--json", "glm-4.6"] },
  { id: "cli/json/after-double-dash", covers: "after -- nothing is a flag", argv: [...D, "--json", "--", "--model"] },
  { id: "cli/json/snapshot-not-found", covers: "SNAPSHOT_NOT_FOUND: exit 1, the error on stdout", argv: ["--snapshot", "snapshots/none.json", "--json"], errorCodeOnly: true },
  { id: "cli/json/snapshot-future-major", covers: "UNSUPPORTED_SCHEMA_VERSION: exit 1", argv: ["--snapshot", "snapshots/invalid/future-major.json", "--json"], errorCodeOnly: true },
  { id: "cli/json/snapshot-invalid", covers: "SNAPSHOT_INVALID: exit 1", argv: ["--snapshot", "snapshots/invalid/duplicate-model.json", "--json"], errorCodeOnly: true },
  { id: "cli/json/fallbacks-2", covers: "--fallbacks N bounds fallbacks and trace; omitted says what was left out", argv: [...D, "--json", "--fallbacks", "2", "--category", "balanced"] },
  { id: "cli/json/fallbacks-0", covers: "--fallbacks 0: the choice and what the settings named", argv: [...P, "--json", "--fallbacks", "0", "--provider", "kimi"] },
  { id: "cli/json/fallbacks-all", covers: "--fallbacks all: every fallback and the whole trace, no omitted", argv: [...D, "--json", "--fallbacks", "ALL", "--require", "tools"] },
  { id: "cli/json/fallbacks-bad", covers: "--fallbacks takes a whole number or all", argv: [...D, "--json", "--fallbacks", "many"] },
  { id: "cli/json/nothing-fits-bounded", covers: "NO_MODEL_AVAILABLE, bounded: the first dropped entries, the rest counted", argv: [...D, "--json", "--fallbacks", "3", "--min-context", "100000000"] },
  { id: "cli/text/choice", covers: "the text output: choice, reason, fallbacks", argv: [...D, "--category", "fast_response"] },
  { id: "cli/text/explain-bounded", covers: "--explain, bounded by default", argv: [...D, "--explain", "--require", "json"] },
  { id: "cli/text/usage-error", covers: "without --json a usage error prints nothing on stdout", argv: [...D, "--fast"] },
  { id: "cli/text/no-model", covers: "without --json nothing on stdout when nothing fits", argv: [...D, "--min-context", "100000000"] },
  {
    id: "cli/stdin/mixed",
    covers: "batch mode: one answer per line, bad lines answered, blank lines skipped",
    argv: [...D, "--stdin"],
    stdin: [
      '{"category":"fast_response"}',
      "",
      '{"model":"KIMI-K2"}',
      "not json",
      '{"category":"fast"}',
      "null",
      "   ",
      '{"model":"glm-4.6","requires":{"vision":true}}',
      '{"requires":{"minContext":100000000}}',
      "[]",
      '{"provider":"glm"}\r',
      '  {"exclude":["glm-4.6"]}  ',
    ].join("\n"),
  },
  { id: "cli/stdin/crlf-and-no-final-newline", covers: "batch mode: CRLF line ends, a last line without one", argv: [...D, "--stdin", "--json"], stdin: '{"model":"glm-4.6"}\r\n{"model":"glm-4.5"}' },
  { id: "cli/stdin/fallbacks-all", covers: "batch mode: --fallbacks applies to every answer", argv: [...D, "--stdin", "--fallbacks", "all"], stdin: '{"category":"balanced"}\n{"model":"gpt-9"}\n' },
  { id: "cli/stdin/empty-input", covers: "batch mode: no input, no output, exit 0", argv: [...D, "--stdin"], stdin: "" },
  { id: "cli/stdin/with-request-flag", covers: "batch mode: request flags are refused", argv: [...D, "--stdin", "--model", "glm-4.6"], stdin: "{}\n" },
  { id: "cli/stdin/snapshot-not-found", covers: "batch mode: the snapshot is loaded first; its error is one line", argv: ["--snapshot", "snapshots/none.json", "--stdin"], stdin: "{}\n", errorCodeOnly: true },
];

function parseStdout(stdout: string, c: CliCase): { stdout: unknown; stdoutFormat: "json" | "json-lines" | "text" } {
  const json = c.argv.includes("--json") || c.argv.includes("--stdin");
  if (!json) return { stdout, stdoutFormat: "text" };
  if (c.argv.includes("--stdin") && !stdout.startsWith("{\n")) {
    return { stdout: stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown), stdoutFormat: "json-lines" };
  }
  return { stdout: JSON.parse(stdout) as unknown, stdoutFormat: "json" };
}

export async function cliCases(root: string): Promise<CliCaseResult[]> {
  const results: CliCaseResult[] = [];
  for (const c of CASES) {
    let stdout = "";
    const code = await main(["select", ...c.argv], {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      env: {},
      cwd: root,
      stdin: Readable.from(c.stdin === undefined ? [] : [Buffer.from(c.stdin)]),
    });
    // Messages naming a file name it from the temporary copy: name it from the conformance folder instead.
    stdout = stdout.split(`${root}${path.sep}`).join("");
    results.push({ ...c, kind: "cli", expect: { exitCode: code, ...parseStdout(stdout, c) } });
  }
  return results;
}

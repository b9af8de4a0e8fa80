import path from "node:path";
import { compareSnapshots } from "../../compare/compare-snapshots.js";
import { markdownReport, textReport } from "../../compare/format-changes.js";
import { ExitCode, UsageError } from "../../core/errors.js";
import { requireSnapshotFile } from "../../snapshot/read-snapshot.js";
import { escapeControls, terminalSafeJson } from "../../selector/shared.js";
import type { Command } from "../io.js";
import { parseCommandArgs, usageError } from "../parse-args.js";

const HELP = `Usage: provider-registry diff OLD NEW [--json | --markdown] [--fail-on-breaking]

What changed from snapshot OLD to snapshot NEW: models added and removed; price,
context window, output, capability, alias, kind, availability and fact changes;
providers and their probes; the routing policy; diagnostics. Timestamps are ignored.

Each change is classified as breaking for consumers or not. Breaking: a model
removed, no longer routable (listed or stale) or newly disallowed; a provider removed
or filtered out; a context window or max output that shrinks or becomes unknown; a
capability or alias lost; a chat model that becomes another kind; a default model
that changes (DEFAULT_MODEL or <P>_DEFAULT_MODEL).

Options:
  --json               the changes as JSON: {"breaking", "changes": [{"kind", "provider",
                       "model", "field", "before", "after", "breaking"}]}
  --markdown           a report to paste into a pull request
  --fail-on-breaking   exit 1 when any change is breaking
  -h, --help           this help

Exit codes: 0 (also when there are changes), 1 a breaking change with --fail-on-breaking,
2 usage error or an OLD or NEW that is not a readable, valid snapshot.
`;

export const diff: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs("diff", {
    args: argv,
    options: {
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "fail-on-breaking": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  if (positionals.length !== 2)
    throw usageError("diff", `name two snapshot files, OLD and NEW (got ${positionals.length})`);
  if (values.json && values.markdown) throw new UsageError("diff: --json and --markdown cannot be used together");
  const [oldFile, newFile] = positionals as [string, string];
  const before = await requireSnapshotFile(path.resolve(io.cwd, oldFile), "OLD");
  const after = await requireSnapshotFile(path.resolve(io.cwd, newFile), "NEW");

  const changes = compareSnapshots(before, after);
  const breaking = changes.filter((c) => c.breaking).length;
  if (values.json) io.stdout(`${terminalSafeJson(JSON.stringify({ breaking, changes }, null, 2))}\n`);
  else if (values.markdown) io.stdout(escapeControls(markdownReport(changes)));
  else io.stdout(escapeControls(textReport(changes)));
  return values["fail-on-breaking"] && breaking > 0 ? ExitCode.invalid : ExitCode.ok;
};

// `npm run bench`: every row of issue 6 — a job, its baseline measured side by side in the same run, and whether
// the target is met. `--json` prints the same figures as JSON; `--only id,id` runs some rows. docs/benchmarks.md
// says what each row measures.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createSelector } from "../src/selector/index.js";
import { canonicalJson } from "../src/snapshot/canonical-json.js";
import { drainSink } from "./bench/measure.js";
import { measureBundle, measureColdStart, writeDemoSnapshot } from "./bench/process-rows.js";
import { measureBigList, measureSlowFleet } from "./bench/register-rows.js";
import { machine, renderJson, renderTable, type Row } from "./bench/report.js";
import { measureLoad, measureSelect } from "./bench/selector-rows.js";
import { syntheticSnapshot } from "./bench/synthetic-snapshot.js";

export const ROW_IDS = [
  "select_auto",
  "select_explicit",
  "load_snapshot",
  "register_slow_fleet",
  "register_big_list",
  "register_big_list_rss",
  "cold_start",
  "bundle_size",
] as const;

const USAGE = `usage: node dist/scripts/bench.js [--json] [--only ${ROW_IDS.join(",")}]\n`;

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { json: { type: "boolean" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const only = values.only === undefined ? null : new Set(values.only.split(",").map((s) => s.trim()));
  for (const id of only ?? []) {
    if (!(ROW_IDS as readonly string[]).includes(id)) {
      process.stderr.write(`unknown row ${id}\n${USAGE}`);
      return 2;
    }
  }
  const wanted = (...ids: string[]) => only === null || ids.some((id) => only.has(id));
  const progress = (what: string) => process.stderr.write(`bench: ${what}…\n`);

  const dir = await mkdtemp(path.join(tmpdir(), "provider-registry-bench-"));
  const rows: Row[] = [];
  try {
    if (wanted("select_auto", "select_explicit", "load_snapshot")) {
      progress("building the 10 × 1,000-model snapshot");
      const snapshot = syntheticSnapshot();
      createSelector(snapshot); // Proves it valid: createSelector checks it against the schema first.
      if (wanted("select_auto", "select_explicit")) {
        progress("select");
        rows.push(...measureSelect(snapshot, 40).filter((r) => wanted(r.id)));
      }
      if (wanted("load_snapshot")) {
        const file = path.join(dir, "synthetic-snapshot.json");
        await writeFile(file, canonicalJson(snapshot));
        progress("loadSnapshot");
        rows.push(measureLoad(file, 30));
      }
    }
    if (wanted("register_slow_fleet")) {
      progress("register against 50 slow providers");
      rows.push(await measureSlowFleet(path.join(dir, "fleet"), 10));
    }
    if (wanted("register_big_list", "register_big_list_rss")) {
      progress("register of a 10,000-model list, and its peak RSS");
      const { time, memory } = await measureBigList(12);
      rows.push(...[time, memory].filter((r) => wanted(r.id)));
    }
    if (wanted("cold_start")) {
      progress("whole process");
      rows.push(measureColdStart(writeDemoSnapshot(dir), 30));
    }
    if (wanted("bundle_size")) {
      progress("bundle size");
      rows.push(await measureBundle());
    }
  } finally {
    drainSink();
    await rm(dir, { recursive: true, force: true });
  }

  const m = machine();
  process.stdout.write(values.json ? renderJson(rows, m) : renderTable(rows, m));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

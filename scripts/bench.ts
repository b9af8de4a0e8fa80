// `npm run bench`: every row of issues 6 and 13 — a job, its baseline measured side by side in the same run, and whether
// the target is met. `--json` prints the same figures as JSON; `--only id,id` runs some rows. docs/benchmarks.md
// says what each row measures.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createSelector } from "../src/selector/index.js";
import { canonicalJson } from "../src/snapshot/canonical-json.js";
import { drainSink } from "./bench/measure.js";
import {
  measureCliAllowList,
  measureCliFleet,
  measureCliRegister,
  measureColdImport,
  measureSelectJsonSize,
  measureValidateCli,
} from "./bench/cli-rows.js";
import { measureBundle, writeDemoSnapshot } from "./bench/process-rows.js";
import { measureBigList } from "./bench/register-rows.js";
import { machine, renderJson, renderTable, type Row } from "./bench/report.js";
import { measureLoad, measureNothingFits, measureSelect } from "./bench/selector-rows.js";
import { syntheticSnapshot } from "./bench/synthetic-snapshot.js";

export const ROW_IDS = [
  "select_auto",
  "select_explicit",
  "select_explicit_uncached",
  "select_model_category",
  "select_nothing_fits",
  "select_nothing_fits_100k",
  "load_snapshot",
  "register_big_list",
  "cli_register_10k_rerun",
  "cli_register_10k_rss",
  "cli_register_10k_rerun_rss",
  "cli_register_100k_rss",
  "cli_register_100k_rerun_rss",
  "cli_fleet",
  "cli_allow_list",
  "select_json_size",
  "validate_cli",
  "cold_import",
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
    if (
      wanted(
        "select_auto",
        "select_explicit",
        "select_explicit_uncached",
        "select_model_category",
        "select_nothing_fits",
        "load_snapshot",
      )
    ) {
      progress("building the 10 × 1,000-model snapshot");
      const snapshot = syntheticSnapshot();
      createSelector(snapshot); // Proves it valid: createSelector checks it against the schema first.
      if (wanted("select_auto", "select_explicit", "select_explicit_uncached", "select_model_category")) {
        progress("select");
        rows.push(...measureSelect(snapshot, 40).filter((r) => wanted(r.id)));
      }
      if (wanted("select_nothing_fits")) rows.push(measureNothingFits(snapshot, 20));
      if (wanted("load_snapshot")) {
        const file = path.join(dir, "synthetic-snapshot.json");
        await writeFile(file, canonicalJson(snapshot));
        progress("loadSnapshot");
        rows.push(measureLoad(file, 30));
      }
    }
    if (wanted("select_nothing_fits_100k")) {
      progress("a request nothing fits, 100 × 1,000 models");
      const big = syntheticSnapshot({ providers: 100 });
      createSelector(big);
      rows.push(measureNothingFits(big, 12));
    }
    if (wanted("register_big_list")) {
      progress("register() of a 10,000-model list, in process");
      rows.push(await measureBigList(10));
    }
    if (wanted("cli_register_10k_rerun", "cli_register_10k_rss", "cli_register_10k_rerun_rss")) {
      progress("CLI register, 10,000 models, fresh and re-run");
      rows.push(...(await measureCliRegister(dir, 10_000, 6)).filter((r) => wanted(r.id)));
    }
    if (wanted("cli_register_100k_rss", "cli_register_100k_rerun_rss")) {
      progress("CLI register, 100,000 models, fresh and re-run");
      rows.push(...(await measureCliRegister(dir, 100_000, 1)).filter((r) => wanted(r.id)));
    }
    if (wanted("cli_fleet")) {
      progress("CLI register against 200 slow providers and against one");
      rows.push(await measureCliFleet(dir, 200, 6));
    }
    if (wanted("cli_allow_list")) {
      progress("CLI register with a 10,000-entry allow-list and without");
      rows.push(await measureCliAllowList(dir, 10_000, 6));
    }
    if (wanted("select_json_size")) {
      progress("select --json on 50 × 1,000 models");
      rows.push(await measureSelectJsonSize(dir));
    }
    if (wanted("validate_cli")) {
      progress("CLI validate and select");
      rows.push(await measureValidateCli(dir, writeDemoSnapshot(dir), 12));
    }
    if (wanted("cold_import")) {
      progress("cold import");
      rows.push(await measureColdImport(dir, 30));
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

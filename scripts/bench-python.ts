// `npm run bench:python`: the Python selector's rows and batch mode's, beside the main benchmark (scripts/bench.ts,
// whose rows another issue reworks). Each ratio is a job and its baseline measured side by side in one run:
//   - Python load_snapshot against json.load (target 3x), select auto (40x) and explicit (5x) against a dict lookup,
//     on the 10,000-model synthetic snapshot of scripts/bench;
//   - batch mode (select --stdin, TypeScript and Python): the time per answer once answers flow (first to last answer
//     of one process fed every line at once), against one select call in the same language in process, and against
//     select plus writing its JSON answer in process.
// `--json` prints the figures as JSON; `--requests N` sets the batch size.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { answerLine } from "../src/cli/commands/select.js";
import { packageRoot } from "../src/core/package-root.js";
import { createSelector, loadSnapshot, type SelectionRequest, type Selector } from "../src/selector/index.js";
import { canonicalJson } from "../src/snapshot/canonical-json.js";
import { syntheticSnapshot } from "./bench/synthetic-snapshot.js";

interface Row {
  id: string;
  job: string;
  baseline: string;
  jobNs: number;
  baselineNs: number;
  target?: number;
}

const BIN = path.join(packageRoot, "dist", "src", "cli", "bin.js");
const PYTHON = process.env.PYTHON ?? "python3";
const pythonEnv = { ...process.env, PYTHONPATH: path.join(packageRoot, "python"), PYTHONDONTWRITEBYTECODE: "1" };

/**
 * One batch-mode process answering `lines`, all written at once: the time from its first answer to its last, per
 * answer. Start-up and loading the snapshot come before the first answer, so they are not counted.
 */
function perAnswer(command: string, args: string[], env: NodeJS.ProcessEnv, lines: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "inherit"] });
    let answers = 0;
    let first = 0n;
    let last = 0n;
    child.stdout.on("data", (chunk: Buffer) => {
      for (const byte of chunk) {
        if (byte !== 10) continue;
        answers++;
        if (answers === 1) first = process.hrtime.bigint();
      }
      last = process.hrtime.bigint();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      else if (answers !== lines.length) reject(new Error(`${lines.length} requests, ${answers} answers`));
      else resolve(Number(last - first) / (answers - 1));
    });
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function perLine(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  lines: readonly string[],
  runs: number,
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await perAnswer(command, args, env, lines));
  return median(samples);
}

function inProcess(fn: () => void, calls: number, samples = 9): number {
  const ns: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    ns.push(Number(process.hrtime.bigint() - start) / calls);
  }
  return median(ns);
}

function tsRows(selector: Selector, requests: readonly SelectionRequest[], label: string, batchNs: number): Row[] {
  const lines = requests.map((r) => JSON.stringify(r));
  let i = 0;
  const select = inProcess(() => void selector.select(requests[i++ % requests.length]), 20_000);
  let j = 0;
  const answer = inProcess(() => void answerLine(selector, lines[j++ % lines.length]!, j), 5_000);
  return [
    {
      id: `ts_batch_${label}`,
      job: `select --stdin, per line (${label})`,
      baseline: "select in process",
      jobNs: batchNs,
      baselineNs: select,
    },
    {
      id: `ts_batch_${label}_vs_answer`,
      job: `select --stdin, per line (${label})`,
      baseline: "select + JSON answer in process",
      jobNs: batchNs,
      baselineNs: answer,
    },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: "boolean" }, requests: { type: "string" }, runs: { type: "string" } },
  });
  const n = Number(values.requests ?? 4000);
  const runs = Number(values.runs ?? 3);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-python-"));
  const rows: Row[] = [];
  try {
    process.stderr.write("bench:python: writing the 10 x 1,000-model snapshot…\n");
    const big = path.join(dir, "synthetic-snapshot.json");
    writeFileSync(big, canonicalJson(syntheticSnapshot()));

    process.stderr.write("bench:python: Python load_snapshot and select…\n");
    const py = spawnSync(
      PYTHON,
      [path.join(packageRoot, "python", "benchmarks", "bench_selector.py"), "--snapshot", big],
      { env: pythonEnv, encoding: "utf8", maxBuffer: 1 << 26 },
    );
    if (py.status !== 0) throw new Error(`python benchmark failed: ${py.stderr}`);
    const pyResult = JSON.parse(py.stdout) as {
      rows: Row[];
      explicitRequests: string[];
      answerLineNs: number;
      python: string;
    };
    rows.push(...pyResult.rows);

    const demo = path.join(packageRoot, "conformance", "snapshots", "demo.json");
    const explicit: SelectionRequest[] = pyResult.explicitRequests.map((model) => ({ model }));
    const auto: SelectionRequest[] = [
      { category: "fast_response", requires: { tools: true } },
      { category: "extended_reasoning" },
      { requires: { vision: true } },
      { category: "balanced", exclude: ["glm-4.6"] },
    ];
    const batches = [
      { label: "explicit, 10,000 models", file: big, requests: explicit },
      { label: "auto, demo snapshot", file: demo, requests: auto },
    ];
    for (const b of batches) {
      const lines = Array.from({ length: n }, (_, i) => JSON.stringify(b.requests[i % b.requests.length]));
      process.stderr.write(`bench:python: batch mode, ${b.label}…\n`);
      const tsBatch = await perLine(
        process.execPath,
        [BIN, "select", "--snapshot", b.file, "--stdin"],
        process.env,
        lines,
        runs,
      );
      rows.push(...tsRows(createSelector(loadSnapshot(b.file)), b.requests, b.label, tsBatch));
      const pyBatch = await perLine(
        PYTHON,
        ["-m", "provider_registry_selector", "select", "--snapshot", b.file, "--stdin"],
        pythonEnv,
        lines,
        runs,
      );
      const inPy = spawnSync(PYTHON, ["-c", PY_IN_PROCESS, b.file, JSON.stringify(b.requests)], {
        env: pythonEnv,
        encoding: "utf8",
      });
      if (inPy.status !== 0) throw new Error(inPy.stderr);
      const { select, answer } = JSON.parse(inPy.stdout) as { select: number; answer: number };
      rows.push(
        {
          id: `py_batch_${b.label}`,
          job: `python select --stdin, per line (${b.label})`,
          baseline: "select in process",
          jobNs: pyBatch,
          baselineNs: select,
        },
        {
          id: `py_batch_${b.label}_vs_answer`,
          job: `python select --stdin, per line (${b.label})`,
          baseline: "select + JSON answer in process",
          jobNs: pyBatch,
          baselineNs: answer,
        },
      );
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ python: pyResult.python, node: process.version, rows }, null, 2)}\n`);
      return;
    }
    const fmt = (ns: number) =>
      ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
    process.stdout.write(
      `Python ${pyResult.python}, Node ${process.version}\n\n| job | baseline | job | baseline | ratio | target |\n| --- | --- | --- | --- | --- | --- |\n`,
    );
    for (const r of rows) {
      const ratio = r.jobNs / r.baselineNs;
      const target = r.target === undefined ? "" : `≤ ${r.target}x ${ratio <= r.target ? "met" : "NOT met"}`;
      process.stdout.write(
        `| ${r.job} | ${r.baseline} | ${fmt(r.jobNs)} | ${fmt(r.baselineNs)} | ${ratio.toFixed(2)}x | ${target} |\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PY_IN_PROCESS = `
import json, sys, time
from provider_registry_selector import create_selector, load_snapshot
from provider_registry_selector.batch import answer_line
selector = create_selector(load_snapshot(sys.argv[1]))
requests = json.loads(sys.argv[2])
lines = [json.dumps(r) for r in requests]
def median(fn, calls, samples=9):
    out = []
    for _ in range(samples):
        start = time.perf_counter_ns()
        for i in range(calls):
            fn(i)
        out.append((time.perf_counter_ns() - start) / calls)
    return sorted(out)[len(out) // 2]
select = median(lambda i: selector.select(requests[i % len(requests)]), 20000)
answer = median(lambda i: answer_line(selector, lines[i % len(lines)], i + 1), 2000)
print(json.dumps({"select": select, "answer": answer}))
`;

await main();

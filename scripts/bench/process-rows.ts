// Rows about a whole process and the shipped code: cold start of a selecting program, and the bundle size.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { packageRoot } from "../../src/package-root.js";
import { elapsedNs, sideBySide } from "./measure.js";
import { formatBytes, judge, type Row, type Target } from "./report.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The snapshot `provider-registry demo` writes, made by the CLI itself against its loopback providers. */
export function writeDemoSnapshot(dir: string): string {
  const out = path.join(dir, "demo-snapshot.json");
  execFileSync(process.execPath, [path.join(packageRoot, "dist", "src", "cli", "bin.js"), "demo", "--out", out], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", SOURCE_DATE_EPOCH: "1764000000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return out;
}

function runProcess(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const ns = elapsedNs(start);
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
  return ns;
}

export function measureColdStart(snapshotFile: string, samples: number): Row {
  const script = path.join(here, "cold-start.js");
  const answer = spawnSync(process.execPath, [script, snapshotFile], { encoding: "utf8" });
  if (answer.status !== 0 || answer.stdout.trim() === "") throw new Error(`cold-start.js failed: ${answer.stderr}`);
  const m = sideBySide(
    { samples, warmup: 3 },
    () => runProcess(["-e", ""]),
    () => runProcess([script, snapshotFile]),
  );
  const extraMs = (m.subject.median - m.baseline.median) / 1e6;
  const target: Target = { kind: "extra_ms", max: 40 };
  return {
    id: "cold_start",
    job: "a process: import the selector, load the demo snapshot, select once",
    baselineJob: 'node -e ""',
    subject: m.subject.median,
    baseline: m.baseline.median,
    result: extraMs,
    target,
    met: judge(extraMs, target),
    samples: m.subject.samples,
    spread: [m.subject.p25, m.subject.p75],
    note: `chose ${answer.stdout.trim()}`,
  };
}

export async function measureBundle(): Promise<Row> {
  // esbuild is a devDependency: the benchmark runs from a clone, not from the published package.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(packageRoot, "src", "selector", "index.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs);
  const validator = inputs.find((i) => i.endsWith("generated/validate-snapshot.ts"));
  if (!validator) throw new Error("the bundle does not contain the schema validator");
  const external = inputs.filter((i) => i.includes("node_modules"));
  const target: Target = { kind: "max_bytes", max: 25_000, label: "25 kB" };
  return {
    id: "bundle_size",
    job: "the selector export, bundled + minified (esbuild), gzip -9",
    baselineJob: "—",
    subject: gzipped,
    baseline: null,
    result: gzipped,
    target,
    met: judge(gzipped, target) && external.length === 0,
    samples: 0,
    note: `${formatBytes(code.length)} minified, ${inputs.length} modules, validator included (${formatBytes(result.metafile.inputs[validator]!.bytes)} of source)${external.length > 0 ? `; pulls in ${external.join(", ")}` : ", no dependency from node_modules"}`,
  };
}

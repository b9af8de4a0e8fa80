// The demo snapshot the process rows use, and the size of the shipped selector.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { packageRoot } from "../../src/core/package-root.js";
import { formatBytes, judge, type Row, type Target } from "./report.js";

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

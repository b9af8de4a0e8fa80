// Rows that run the command line as users do: a cold `node dist/src/cli/bin.js …` process per sample, timed from
// the parent, its peak RSS read from the OS. The providers it probes are loopback servers in this process.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../../src/core/package-root.js";
import { canonicalJson } from "../../src/snapshot/canonical-json.js";
import { rssMethod, runNodeOk, type ProcessRun } from "./child-process.js";
import { formatNs, sideBySideAsync } from "./measure.js";
import { fleetAnatomy } from "./register-rows.js";
import { formatBytes, judge, ratioRow, type Row, type Target } from "./report.js";
import { openRouterList, startBigProvider, startSlowFleet } from "./providers.js";
import { syntheticSnapshot } from "./synthetic-snapshot.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const BIN = path.join(packageRoot, "dist", "src", "cli", "bin.js");
/** What every child gets: no colour, a fixed clock (so a re-run writes the same content), nothing of this shell. */
const BASE_ENV = { PATH: process.env.PATH ?? "", NO_COLOR: "1", SOURCE_DATE_EPOCH: "1764000000" };
/** Large enough for a 100,000-model OpenRouter answer (about 68 MB). */
const BIG_CAP = String(256 * 1024 * 1024);

function rssRow(id: string, job: string, runs: readonly ProcessRun[], max: number, note: string): Row {
  const peaks = runs.map((r) => r.peakRss ?? Number.NaN);
  const peak = Math.max(...peaks);
  const target: Target = { kind: "max_bytes", max, label: formatBytes(max) };
  return {
    id,
    job,
    baselineJob: "—",
    subject: peak,
    baseline: null,
    result: peak,
    target,
    met: Number.isFinite(peak) && judge(peak, target),
    samples: runs.length,
    note: `highest of ${runs.length} processes (${peaks.map(formatBytes).join(", ")}), read with ${rssMethod}; ${note}`,
  };
}

async function countListed(file: string, provider: string): Promise<number> {
  const snapshot = JSON.parse(await readFile(file, "utf8")) as { models: { provider: string; availability: string }[] };
  return snapshot.models.filter((m) => m.provider === provider && m.availability === "listed").length;
}

/** CLI register against one provider answering `count` OpenRouter-shaped models: fresh (no file) and re-run (over the file). */
export async function measureCliRegister(dir: string, count: number, samples: number): Promise<Row[]> {
  const cwd = path.join(dir, `register-${count}`);
  await mkdir(cwd, { recursive: true });
  const body = JSON.stringify(openRouterList(count));
  const { env: providerEnv, server } = await startBigProvider(body);
  const env = { ...BASE_ENV, ...providerEnv };
  const out = path.join(cwd, "provider_registry_snapshot.json");
  const args = [BIN, "register", "--quiet", "--max-response-bytes", BIG_CAP];
  const fresh: ProcessRun[] = [];
  const rerun: ProcessRun[] = [];
  const big = count >= 100_000;
  try {
    const m = await sideBySideAsync(
      { samples, warmup: big ? 0 : 1 },
      async () => {
        await rm(out, { force: true });
        const run = await runNodeOk(args, { cwd, env });
        fresh.push(run);
        return run.ns;
      },
      async () => {
        const run = await runNodeOk(args, { cwd, env });
        rerun.push(run);
        return run.ns;
      },
    );
    const written = await countListed(out, "openrouter");
    if (written !== count) throw new Error(`register wrote ${written} listed openrouter models, expected ${count}`);
    const label = count.toLocaleString("en-US");
    const times = `wall: fresh ${formatNs(m.baseline.median)}, re-run ${formatNs(m.subject.median)}; ${(body.length / 1e6).toFixed(1)} MB answer, every model written`;
    const keep = (runs: ProcessRun[]) => runs.slice(-samples);
    if (big) {
      return [
        rssRow(
          "cli_register_100k_rss",
          `peak RSS: CLI register, fresh, one provider answering ${label} models`,
          keep(fresh),
          450e6,
          times,
        ),
        rssRow(
          "cli_register_100k_rerun_rss",
          `peak RSS: CLI register, re-run over its ${label}-model file`,
          keep(rerun),
          450e6,
          times,
        ),
      ];
    }
    return [
      ratioRow(
        "cli_register_10k_rerun",
        `CLI register re-run over its file (read, validate, compare, write), ${label} models`,
        "the same command, fresh (no file)",
        m,
        { kind: "ratio", max: 1.4 },
        `cold processes; ${times}`,
      ),
      rssRow("cli_register_10k_rss", `peak RSS: CLI register, fresh, ${label} models`, keep(fresh), 150e6, times),
      rssRow(
        "cli_register_10k_rerun_rss",
        `peak RSS: CLI register, re-run over its ${label}-model file`,
        keep(rerun),
        160e6,
        times,
      ),
    ];
  } finally {
    await server.close();
  }
}

/** CLI register against `count` slow providers, against the same command with one such provider. */
export async function measureCliFleet(dir: string, count: number, samples: number): Promise<Row> {
  const delay = 200;
  const many = await startSlowFleet(path.join(dir, "fleet-many"), count, delay, 50);
  const one = await startSlowFleet(path.join(dir, "fleet-one"), 1, delay, 50);
  try {
    const runIn = async (fleet: typeof many) => {
      const out = path.join(fleet.cwd, "provider_registry_snapshot.json");
      await rm(out, { force: true });
      return runNodeOk([BIN, "register", "--quiet", "--providers", "providers/*.json"], {
        cwd: fleet.cwd,
        env: { ...BASE_ENV, ...fleet.env },
      });
    };
    await runIn(many);
    const written = JSON.parse(await readFile(path.join(many.cwd, "provider_registry_snapshot.json"), "utf8")) as {
      providers: { probe: { status: string } }[];
    };
    const ok = written.providers.filter((p) => p.probe.status === "ok").length;
    if (ok !== count) throw new Error(`expected ${count} providers probed, got ${ok}`);
    const m = await sideBySideAsync(
      { samples, warmup: 1 },
      async () => (await runIn(one)).ns,
      async () => (await runIn(many)).ns,
    );
    const anatomy = await fleetAnatomy(many.arrivals, delay, () => runIn(many));
    return ratioRow(
      "cli_fleet",
      `CLI register: ${count} loopback providers × 50 models, each answering after ${delay} ms`,
      "the same command with one such provider",
      m,
      { kind: "ratio", max: 2.0 },
      `cold processes; ${anatomy}`,
    );
  } finally {
    await many.close();
    await one.close();
  }
}

/** CLI register of a 10,000-model list with OPENROUTER_ALLOWED_MODELS naming all 10,000, against no allow-list. */
export async function measureCliAllowList(dir: string, count: number, samples: number): Promise<Row> {
  const cwd = path.join(dir, "allow-list");
  await mkdir(cwd, { recursive: true });
  const list = openRouterList(count) as { data: { id: string }[] };
  const { env: providerEnv, server } = await startBigProvider(JSON.stringify(list));
  // In a file: 10,000 ids are more than one environment string may hold (128 KiB on Linux).
  await writeFile(path.join(cwd, "allow.env"), `OPENROUTER_ALLOWED_MODELS=${list.data.map((m) => m.id).join(",")}\n`);
  await writeFile(path.join(cwd, "none.env"), "\n");
  const env = { ...BASE_ENV, ...providerEnv };
  const runWith = async (envFile: string) => {
    await rm(path.join(cwd, "provider_registry_snapshot.json"), { force: true });
    return (await runNodeOk([BIN, "register", "--quiet", "--env-file", envFile], { cwd, env })).ns;
  };
  try {
    const m = await sideBySideAsync(
      { samples, warmup: 1 },
      () => runWith("none.env"),
      () => runWith("allow.env"),
    );
    return ratioRow(
      "cli_allow_list",
      `CLI register, ${count.toLocaleString("en-US")} models, a ${count.toLocaleString("en-US")}-entry allow-list`,
      "the same command without an allow-list",
      m,
      { kind: "ratio", max: 1.3 },
      "cold processes, fresh (no file); the list is read from --env-file",
    );
  } finally {
    await server.close();
  }
}

/** Bytes `select --json` prints for an auto request on a 50 × 1,000-model snapshot. */
export async function measureSelectJsonSize(dir: string): Promise<Row> {
  const file = path.join(dir, "synthetic-50k.json");
  await writeFile(file, canonicalJson(syntheticSnapshot({ providers: 50 })));
  const run = await runNodeOk([BIN, "select", "--json", "--snapshot", file], { cwd: dir, env: BASE_ENV });
  const bytes = Buffer.byteLength(run.stdout);
  const parsed = JSON.parse(run.stdout) as { fallbacks?: unknown[]; trace?: unknown[] };
  const target: Target = { kind: "max_bytes", max: 64_000, label: "64 kB" };
  return {
    id: "select_json_size",
    job: "bytes printed by select --json (default request), 50 × 1,000 models",
    baselineJob: "—",
    subject: bytes,
    baseline: null,
    result: bytes,
    target,
    met: judge(bytes, target),
    samples: 1,
    note: `${parsed.fallbacks?.length ?? 0} fallbacks, ${parsed.trace?.length ?? 0} trace entries printed`,
  };
}

/** `validate FILE` against `select --snapshot FILE` on the demo snapshot, both as cold processes. */
export async function measureValidateCli(dir: string, snapshotFile: string, samples: number): Promise<Row> {
  const m = await sideBySideAsync(
    { samples, warmup: 2 },
    async () => (await runNodeOk([BIN, "select", "--snapshot", snapshotFile], { cwd: dir, env: BASE_ENV })).ns,
    async () => (await runNodeOk([BIN, "validate", snapshotFile], { cwd: dir, env: BASE_ENV })).ns,
  );
  return ratioRow(
    "validate_cli",
    "CLI validate on the demo snapshot",
    "CLI select on the same file",
    m,
    { kind: "ratio", max: 1.5 },
    "cold processes",
  );
}

/** A process that imports the selector and does nothing else, against `node -e ""`. */
export async function measureColdImport(dir: string, samples: number): Promise<Row> {
  const script = path.join(here, "cold-import.js");
  const m = await sideBySideAsync(
    { samples, warmup: 3 },
    async () => (await runNodeOk(["-e", ""], { cwd: dir, env: BASE_ENV })).ns,
    async () => (await runNodeOk([script], { cwd: dir, env: BASE_ENV })).ns,
  );
  const extraMs = (m.subject.median - m.baseline.median) / 1e6;
  const target: Target = { kind: "extra_ms", max: 30 };
  return {
    id: "cold_import",
    job: "a process that imports the selector (dist/src/selector/index.js)",
    baselineJob: 'node -e ""',
    subject: m.subject.median,
    baseline: m.baseline.median,
    result: extraMs,
    target,
    met: judge(extraMs, target),
    samples: m.subject.samples,
    spread: [m.subject.p25, m.subject.p75],
    note: "the script holds one import statement; an ESM entry costs a little over `node -e` by itself",
  };
}

// The registration rows: many slow providers (against the slowest answer), and one long list (against JSON itself).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { register } from "../../src/register.js";
import { elapsedNs, sideBySideAsync, sink, timeOnce } from "./measure.js";
import { formatBytes, judge, ratioRow as row, type Row, type Target } from "./report.js";
import { openRouterList, startBigProvider, startSlowFleet } from "./providers.js";

const run = promisify(execFile);
const GENERATOR = "0.0.0-bench";

export const SLOW_PROVIDERS = 50;
export const SLOW_DELAY_MS = 200;
export const BIG_LIST = 10_000;
export const RSS_LIMIT = 200e6;

export async function measureSlowFleet(dir: string, samples: number): Promise<Row> {
  const fleet = await startSlowFleet(dir, SLOW_PROVIDERS, SLOW_DELAY_MS, 20);
  try {
    const once = () => register({ env: fleet.env, cwd: fleet.cwd, providerGlobs: fleet.providerGlobs, generatorVersion: GENERATOR });
    const check = await once();
    const ok = check.snapshot.providers.filter((p) => p.probe.status === "ok").length;
    if (ok !== SLOW_PROVIDERS) throw new Error(`expected ${SLOW_PROVIDERS} providers probed, got ${ok}`);
    // The physical limit: one answer from one of these servers, which cannot come sooner than its delay.
    const slowest = `${fleet.env.BENCH_00_API_URL}/models`;
    const m = await sideBySideAsync(
      { samples, warmup: 1 },
      () => timeOnce(async () => (sink[0] = await (await fetch(slowest)).text())),
      () => timeOnce(async () => (sink[0] = await once())),
    );
    sink[0] = null;
    const anatomy = await fleetAnatomy(fleet.arrivals, () =>
      register({ env: fleet.env, cwd: fleet.cwd, providerGlobs: fleet.providerGlobs, generatorVersion: GENERATOR, onProbe: () => undefined }),
    );
    const target: Target = { kind: "ratio", max: 1.5 };
    return row(
      "register_slow_fleet",
      `register: ${SLOW_PROVIDERS} loopback providers, each answering after ${SLOW_DELAY_MS} ms`,
      `one GET of one such provider (≥ ${SLOW_DELAY_MS} ms)`,
      m,
      target,
      `ratio to ${SLOW_DELAY_MS} ms itself: ${(m.subject.median / (SLOW_DELAY_MS * 1e6)).toFixed(2)}×; ${anatomy}`,
    );
  } finally {
    await fleet.close();
  }
}

/**
 * One more run, watched from the servers' side: when the requests arrive says how many are in flight at once.
 * Returns a sentence for the row's note.
 */
async function fleetAnatomy(arrivals: number[], run: () => Promise<unknown>): Promise<string> {
  arrivals.length = 0;
  const start = performance.now();
  await run();
  const total = performance.now() - start;
  const waves: number[][] = [];
  for (const t of arrivals) {
    const wave = waves[waves.length - 1];
    if (wave && t - wave[0]! < SLOW_DELAY_MS / 2) wave.push(t);
    else waves.push([t]);
  }
  const firstRequest = (arrivals[0] ?? start) - start;
  const lastRequest = (arrivals[arrivals.length - 1] ?? start) - start;
  return (
    `requests arrived in ${waves.length} wave${waves.length === 1 ? "" : "s"} of ${waves.map((w) => w.length).join(" + ")} ` +
    `(first after ${firstRequest.toFixed(0)} ms, last after ${lastRequest.toFixed(0)} ms, done after ${total.toFixed(0)} ms)`
  );
}

export async function measureBigList(samples: number): Promise<{ time: Row; memory: Row }> {
  const body = JSON.stringify(openRouterList(BIG_LIST));
  const { env, server } = await startBigProvider(body);
  try {
    const once = () => register({ env, cwd: process.cwd(), generatorVersion: GENERATOR, timeoutMs: 60_000 });
    const check = await once();
    const listed = check.snapshot.models.filter((mo) => mo.provider === "openrouter" && mo.availability === "listed").length;
    if (listed !== BIG_LIST) throw new Error(`expected ${BIG_LIST} listed models, got ${listed}`);
    const m = await sideBySideAsync(
      { samples, warmup: 2 },
      async () => {
        const start = process.hrtime.bigint();
        sink[0] = JSON.stringify(JSON.parse(body));
        return elapsedNs(start);
      },
      () => timeOnce(async () => (sink[0] = await once())),
    );
    sink[0] = null;
    // One more run, noting when the probe's outcome (fetched, parsed, translated) was ready.
    let probed = 0;
    const start = performance.now();
    await register({ env, cwd: process.cwd(), generatorVersion: GENERATOR, timeoutMs: 60_000, onProbe: () => void (probed = performance.now()) });
    const total = performance.now() - start;
    const target: Target = { kind: "ratio", max: 5 };
    const time = row(
      "register_big_list",
      `register: one provider answering ${BIG_LIST.toLocaleString("en-US")} models at once`,
      "JSON.parse + JSON.stringify of the same body",
      m,
      target,
      `OpenRouter-shaped list, ${(body.length / 1e6).toFixed(1)} MB; in a watched run the probe (fetch, parse, translate) ` +
        `was done after ${(probed - start).toFixed(0)} ms, the rest (merge, policy, snapshot, validation) took ${(total - (probed - start)).toFixed(0)} ms`,
    );
    return { time, memory: await measurePeakRss(env) };
  } finally {
    await server.close();
  }
}

interface ChildReport {
  readonly mode: string;
  readonly models: number;
  readonly maxRssBytes: number;
}

async function child(mode: "register" | "idle", env: Record<string, string>): Promise<ChildReport> {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), "register-child.js");
  const { stdout } = await run(process.execPath, [script, mode], { env: { ...process.env, BENCH_REGISTER_ENV: JSON.stringify(env) }, maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ChildReport;
}

/** Peak RSS of a fresh process that registers once; the highest of five runs (it varies with when GC runs). */
async function measurePeakRss(env: Record<string, string>): Promise<Row> {
  const runs: ChildReport[] = [];
  for (let i = 0; i < 5; i++) runs.push(await child("register", env));
  const idle = await child("idle", env);
  if (runs.some((r) => r.models < BIG_LIST)) throw new Error("the registering child saw fewer models than listed");
  const peak = Math.max(...runs.map((r) => r.maxRssBytes));
  const target: Target = { kind: "max_bytes", max: RSS_LIMIT, label: "200 MB" };
  return {
    id: "register_big_list_rss",
    job: `peak RSS: a process running register with the ${BIG_LIST.toLocaleString("en-US")}-model provider`,
    baselineJob: "—",
    subject: peak,
    baseline: null,
    result: peak,
    target,
    met: judge(peak, target),
    samples: runs.length,
    note: `highest of ${runs.length} fresh processes (${runs.map((r) => formatBytes(r.maxRssBytes)).join(", ")}); the same process importing register and doing nothing peaks at ${formatBytes(idle.maxRssBytes)}`,
  };
}

// The in-process registration row: one long list, register() warm, against JSON itself; and how a fleet's requests arrive.
import { register } from "../../src/register.js";
import { sideBySideAsync, sink, timeKept, timeKeptAsync } from "./measure.js";
import { ratioRow as row, type Row, type Target } from "./report.js";
import { openRouterList, startBigProvider } from "./providers.js";

const GENERATOR = "0.0.0-bench";

export const BIG_LIST = 10_000;

/**
 * One more run, watched from the servers' side: when the requests arrive says how many are in flight at once.
 * Returns a sentence for the row's note.
 */
export async function fleetAnatomy(arrivals: number[], delayMs: number, run: () => Promise<unknown>): Promise<string> {
  arrivals.length = 0;
  const start = performance.now();
  await run();
  const total = performance.now() - start;
  const waves: number[][] = [];
  for (const t of arrivals) {
    const wave = waves[waves.length - 1];
    if (wave && t - wave[0]! < delayMs / 2) wave.push(t);
    else waves.push([t]);
  }
  const firstRequest = (arrivals[0] ?? start) - start;
  const lastRequest = (arrivals[arrivals.length - 1] ?? start) - start;
  return (
    `requests arrived in ${waves.length} wave${waves.length === 1 ? "" : "s"} of ${waves.map((w) => w.length).join(" + ")} ` +
    `(first after ${firstRequest.toFixed(0)} ms, last after ${lastRequest.toFixed(0)} ms, done after ${total.toFixed(0)} ms)`
  );
}

export async function measureBigList(samples: number): Promise<Row> {
  const body = JSON.stringify(openRouterList(BIG_LIST));
  const { env, server } = await startBigProvider(body);
  try {
    const once = () => register({ env, cwd: process.cwd(), generatorVersion: GENERATOR, timeoutMs: 60_000 });
    const check = await once();
    const listed = check.snapshot.models.filter(
      (mo) => mo.provider === "openrouter" && mo.availability === "listed",
    ).length;
    if (listed !== BIG_LIST) throw new Error(`expected ${BIG_LIST} listed models, got ${listed}`);
    const m = await sideBySideAsync(
      { samples, warmup: 2 },
      async () => timeKept(() => JSON.stringify(JSON.parse(body))),
      () => timeKeptAsync(once),
    );
    sink[0] = null;
    // One more run, noting when the probe's outcome (fetched, parsed, translated) was ready.
    let probed = 0;
    const start = performance.now();
    await register({
      env,
      cwd: process.cwd(),
      generatorVersion: GENERATOR,
      timeoutMs: 60_000,
      onProbe: () => void (probed = performance.now()),
    });
    const total = performance.now() - start;
    const target: Target = { kind: "ratio", max: 5 };
    return row(
      "register_big_list",
      `register: one provider answering ${BIG_LIST.toLocaleString("en-US")} models at once`,
      "JSON.parse + JSON.stringify of the same body",
      m,
      target,
      `OpenRouter-shaped list, ${(body.length / 1e6).toFixed(1)} MB; in a watched run the probe (fetch, parse, translate) ` +
        `was done after ${(probed - start).toFixed(0)} ms, the rest (merge, policy, snapshot, validation) took ${(total - (probed - start)).toFixed(0)} ms`,
    );
  } finally {
    await server.close();
  }
}

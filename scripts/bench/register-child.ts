// The memory row's subject, in a process of its own: `register` once, then report the peak resident set size.
// Run as `node dist/scripts/bench/register-child.js register|idle`, with BENCH_REGISTER_ENV holding the
// environment (JSON) that points registration at the loopback provider. Prints one line of JSON.
import { register } from "../../src/register.js";

const mode = process.argv[2] ?? "register";
let models = 0;
if (mode === "register") {
  const env = JSON.parse(process.env.BENCH_REGISTER_ENV ?? "{}") as Record<string, string>;
  const { snapshot } = await register({ env, cwd: process.cwd(), generatorVersion: "0.0.0-bench", timeoutMs: 60_000 });
  models = snapshot.models.length;
}
// maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ mode, models, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

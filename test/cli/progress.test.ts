// What a person sees while `register` runs: on a terminal, colour (unless NO_COLOR) and a live status line that
// says who is still being probed; off a terminal or with --quiet, plain lines only and no control characters.
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { formatDiagnostic, formatProbeLine, outputStyle, PLAIN, ProbeProgress } from "../../src/cli/report.js";
import { startProviderServers, type ProviderServers } from "../support/provider-servers.js";
import { useTempDirs } from "../support/temp-dir.js";

const CLEAR = "\r\x1b[2K";
const COLOUR = /\x1b\[(?:3[0-9]|1|2)m/;

describe("outputStyle", () => {
  it.each([
    ["a terminal", { isTTY: true, env: {} }, {}, { color: true, live: true }],
    ["a terminal, NO_COLOR=1", { isTTY: true, env: { NO_COLOR: "1" } }, {}, { color: false, live: true }],
    [
      "a terminal, NO_COLOR empty (means unset)",
      { isTTY: true, env: { NO_COLOR: "" } },
      {},
      { color: true, live: true },
    ],
    ["a terminal, --quiet", { isTTY: true, env: {} }, { quiet: true }, { color: true, live: false }],
    ["a dumb terminal", { isTTY: true, env: { TERM: "dumb" } }, {}, { color: false, live: false }],
    ["a pipe", { isTTY: false, env: {} }, {}, { color: false, live: false }],
    ["unknown (isTTY not given)", { env: {} }, {}, { color: false, live: false }],
  ])("%s", (_what, io, options, expected) => {
    expect(outputStyle(io, options)).toEqual(expected);
  });
});

describe("lines", () => {
  it("colour the status word and the level only when asked", () => {
    const style = { color: true, live: false };
    expect(formatProbeLine("kimi", { status: "ok", reason: "listed 6 models", durationMs: 12 }, style)).toContain(
      "\x1b[32mok",
    );
    expect(formatProbeLine("glm", { status: "failed", reason: "HTTP 401", durationMs: 3 }, style)).toContain(
      "\x1b[31mfailed",
    );
    expect(formatDiagnostic({ level: "warning", code: "X", message: "m" }, style)).toBe(
      "\x1b[33mwarning:\x1b[0m [X] m",
    );
    expect(formatProbeLine("kimi", { status: "ok", reason: "listed 6 models", durationMs: 12 })).toBe(
      "kimi         ok       listed 6 models  (12 ms)",
    );
    expect(formatDiagnostic({ level: "warning", code: "X", message: "m" }, PLAIN)).toBe("warning: [X] m");
  });
});

describe("ProbeProgress", () => {
  function harness(live: boolean) {
    let out = "";
    let now = 10_000;
    const progress = new ProbeProgress(
      (t) => void (out += t),
      { color: false, live },
      ["kimi", "glm", "openrouter", "custom", "lmstudio"],
      () => now,
    );
    return { progress, out: () => out, advance: (ms: number) => void (now += ms) };
  }

  it("on a terminal: draws the status line, prints answers above it, and leaves the line clean", () => {
    const h = harness(true);
    h.progress.start();
    expect(h.out()).toBe(`${CLEAR}probing: 0 of 5 answered, 0 s; waiting for kimi, glm, openrouter and 2 more`);
    h.advance(2500);
    h.progress.done("kimi", "kimi ok");
    expect(h.out()).toContain(
      `${CLEAR}kimi ok\n${CLEAR}probing: 1 of 5 answered, 2 s; waiting for glm, openrouter, custom and 1 more`,
    );
    h.progress.done("glm", undefined);
    expect(h.progress.status()).toBe("probing: 2 of 5 answered, 2 s; waiting for openrouter, custom, lmstudio");
    h.progress.stop();
    expect(h.out().endsWith(CLEAR)).toBe(true);
    // Once stopped, a late line is plain.
    h.progress.print("after");
    expect(h.out().endsWith(`${CLEAR}after\n`)).toBe(true);
  });

  it("off a terminal: only the permanent lines, no control characters", () => {
    const h = harness(false);
    h.progress.start();
    h.progress.done("kimi", "kimi ok");
    h.progress.done("glm", undefined);
    h.progress.stop();
    expect(h.out()).toBe("kimi ok\n");
  });

  it("a status line stays within 79 characters", () => {
    const long = Array.from({ length: 12 }, (_, i) => `provider_with_a_long_id_${i}`);
    const progress = new ProbeProgress(
      () => {},
      { color: false, live: true },
      long,
      () => 0,
    );
    expect(progress.status().length).toBeLessThanOrEqual(79);
  });
});

describe("register on a terminal and off it", () => {
  const tempDir = useTempDirs();
  let providers: ProviderServers;
  afterEach(async () => providers?.close());

  async function run(argv: string[], io: { isTTY?: boolean; env?: Record<string, string> }) {
    providers = await startProviderServers();
    let stderr = "";
    let stdout = "";
    const code = await main(["register", ...argv], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { ...providers.env, SOURCE_DATE_EPOCH: "1764000000", ...io.env },
      cwd: await tempDir(),
      ...(io.isTTY !== undefined ? { isTTY: io.isTTY } : {}),
    });
    await providers.close();
    return { code, stdout, stderr };
  }

  it("a terminal gets the live line (cleared before the end) and colour", async () => {
    const { code, stderr } = await run([], { isTTY: true });
    expect(code).toBe(0);
    expect(stderr).toContain(`${CLEAR}\x1b[2mprobing: 0 of 4 answered`);
    expect(stderr).toMatch(/kimi\s+\x1b\[32mok/);
    // The last thing drawn in place is cleared before the closing line.
    const lastDraw = stderr.lastIndexOf("probing: ");
    expect(stderr.indexOf(CLEAR, lastDraw)).toBeGreaterThan(lastDraw);
    expect(stderr).toMatch(/\nwrote provider_registry_snapshot\.json: /);
  });

  it("NO_COLOR keeps the live line and drops every colour", async () => {
    const { stderr } = await run([], { isTTY: true, env: { NO_COLOR: "1" } });
    expect(stderr).toContain(`${CLEAR}probing: 0 of 4 answered`);
    expect(stderr).not.toMatch(COLOUR);
  });

  it("not a terminal: the per-provider lines, and not one control character", async () => {
    const { stderr } = await run([], { isTTY: false });
    expect(stderr).toMatch(/^kimi\s+ok\s+listed \d+ models?/m);
    expect(stderr).not.toMatch(/[\r\x1b]/);
  });

  it("--quiet on a terminal: no progress at all", async () => {
    const { code, stderr } = await run(["--quiet"], { isTTY: true });
    expect(code).toBe(0);
    expect(stderr).not.toContain("probing:");
    expect(stderr).not.toMatch(/^kimi\s+ok/m);
    expect(stderr).not.toContain("\r");
  });
});

// select --json always gives a caller something to parse (bad flags included), and select --stdin answers one JSON
// request per line over one loaded snapshot, as a long-running process another language can talk to.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { packageRoot } from "../../src/core/package-root.js";
import { createSelector, loadSnapshot } from "../../src/selector/index.js";
import { fixturesDir } from "../support/snapshots.js";

const DEMO = path.join(fixturesDir, "demo-register.json");
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), "select-json-"));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function run(argv: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["select", ...argv], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd,
    stdin: Readable.from([Buffer.from(stdin)]),
  });
  return { code, stdout, stderr };
}

describe("select --json: every error is JSON on stdout", () => {
  test.each([
    [["--min-context", "abc"], "USAGE", /--min-context takes a whole number/],
    [["--category", "fast"], "USAGE", /--category must be one of/],
    [["--require", "telepathy"], "USAGE", /--require takes/],
    [["--colour"], "USAGE", /Unknown option '--colour'/],
    [["kimi-k2"], "USAGE", /Unexpected argument 'kimi-k2'/],
    [["--model"], "USAGE", /argument missing/],
    [["--json=1"], "USAGE", /does not take an argument/],
    [["--provider", "openai"], "INVALID_REQUEST", /unknown provider "openai"/],
    [["--stdin", "--model", "x"], "USAGE", /--stdin reads each request from its own line, so --model cannot/],
  ])("%j: exit 2, the error on stdout and stderr", async (argv, code, message) => {
    const result = await run(["--snapshot", DEMO, "--json", ...argv]);
    expect(result.code).toBe(2);
    const printed = JSON.parse(result.stdout) as { error: { code: string; message: string }; trace: unknown[] };
    expect(printed.error.code).toBe(code);
    expect(printed.error.message).toMatch(message);
    expect(printed.trace).toEqual([]);
    expect(result.stderr).toMatch(message);
  });

  test("--json after the bad flag counts too; after -- it is an argument, not a flag", async () => {
    expect(JSON.parse((await run(["--colour", "--json"])).stdout)).toMatchObject({ error: { code: "USAGE" } });
    const after = await run(["--colour", "--", "--json"]);
    expect(after.code).toBe(2);
    expect(after.stdout).toBe("");
  });

  test("a snapshot that cannot be used: exit 1 and its code", async () => {
    const result = await run(["--snapshot", path.join(cwd, "none.json"), "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: "SNAPSHOT_NOT_FOUND" }, trace: [] });
  });
});

describe("select --stdin: batch mode", () => {
  const selector = createSelector(loadSnapshot(DEMO));
  /** The whole choice, as `select --json --fallbacks all` prints it. */
  const full = (request: unknown) =>
    JSON.parse(JSON.stringify(selector.select(request as never))) as Record<string, unknown>;
  /** What a default (bounded) answer must hold: the choice, its reason and its first five fallbacks. */
  const expected = (request: unknown) => {
    const { model, provider, reason, fallbacks } = full(request) as {
      model: string;
      provider: string;
      reason: string;
      fallbacks: unknown[];
    };
    return expect.objectContaining({ model, provider, reason, fallbacks: fallbacks.slice(0, 5) });
  };

  test("one answer per non-blank line, in order, each the value select --json prints; bad lines get error lines", async () => {
    const lines = [
      '{"category":"fast_response"}',
      "",
      "oops",
      '{"model":"KIMI-K2"}',
      '{"category":"fast"}',
      '{"model":"gpt-9"}',
      "   ",
      '{"provider":"glm"}',
    ];
    const result = await run(["--snapshot", DEMO, "--stdin"], lines.join("\n"));
    expect(result.code).toBe(0);
    const answers = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { error?: { code: string; message: string } });
    expect(answers).toHaveLength(6);
    expect(answers[0]).toEqual(expected({ category: "fast_response" }));
    expect(answers[1]!.error).toEqual({
      code: "INVALID_REQUEST",
      message: expect.stringMatching(/^invalid request: line 3 is not JSON/),
    });
    expect(answers[2]).toEqual(expected({ model: "KIMI-K2" }));
    expect(answers[3]!.error!.code).toBe("INVALID_REQUEST");
    expect(answers[4]!.error!.code).toBe("NO_SUCH_MODEL");
    expect(answers[5]).toEqual(expected({ provider: "glm" }));
    expect(result.stdout.split("\n").every((l) => !l.startsWith(" "))).toBe(true);
    expect((answers[0] as { omitted?: { fallbacks: number } }).omitted?.fallbacks).toBe(
      (full({ category: "fast_response" }).fallbacks as unknown[]).length - 5,
    );
  });

  test("--fallbacks all: each answer is the whole choice; --fallbacks N bounds every answer", async () => {
    const lines = ['{"requires":{"tools":true}}', '{"model":"glm-4.6"}'];
    const all = await run(["--snapshot", DEMO, "--stdin", "--fallbacks", "all"], lines.join("\n"));
    expect(
      all.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([full({ requires: { tools: true } }), full({ model: "glm-4.6" })]);
    const one = await run(["--snapshot", DEMO, "--stdin", "--fallbacks", "1"], lines[0]!);
    expect((JSON.parse(one.stdout) as { fallbacks: unknown[] }).fallbacks).toHaveLength(1);
  });

  test("a snapshot that cannot be used is one error line and exit 1, before any input is read", async () => {
    const result = await run(["--snapshot", path.join(cwd, "none.json"), "--stdin"], '{"category":"balanced"}\n');
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toHaveLength(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: "SNAPSHOT_NOT_FOUND" } });
  });

  test(
    "as a long-running process: each answer comes before the next request is sent, over the snapshot loaded once",
    { timeout: 60_000 },
    async () => {
      const file = path.join(cwd, "once.json");
      copyFileSync(DEMO, file);
      const bin = path.join(packageRoot, "dist", "src", "cli", "bin.js");
      const child = spawn(process.execPath, [bin, "select", "--snapshot", file, "--stdin"], {
        stdio: ["pipe", "pipe", "pipe"],
      });
      child.stdout.setEncoding("utf8");
      let buffered = "";
      const nextLine = () =>
        new Promise<string>((resolve, reject) => {
          const take = () => {
            const at = buffered.indexOf("\n");
            if (at === -1) return false;
            const line = buffered.slice(0, at);
            buffered = buffered.slice(at + 1);
            resolve(line);
            return true;
          };
          if (take()) return;
          const onData = (t: string) => {
            buffered += t;
            if (take()) child.stdout.off("data", onData);
          };
          child.stdout.on("data", onData);
          child.once("exit", () => reject(new Error("select --stdin exited early")));
        });
      const ask = async (request: unknown) => {
        child.stdin.write(`${JSON.stringify(request)}\n`);
        return JSON.parse(await nextLine()) as unknown;
      };
      expect(await ask({ category: "fast_response" })).toEqual(expected({ category: "fast_response" }));
      unlinkSync(file); // loaded once: later requests do not need the file
      expect(await ask({ model: "glm-4.6" })).toEqual(expected({ model: "glm-4.6" }));
      child.stdin.write("not json\n");
      expect(JSON.parse(await nextLine())).toMatchObject({ error: { code: "INVALID_REQUEST" } });
      expect(await ask({ requires: { vision: true } })).toEqual(expected({ requires: { vision: true } }));
      child.stdin.end();
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(0);
    },
  );
});

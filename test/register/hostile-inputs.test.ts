// Hostile configuration and provider answers given to `register`. Probe cases run against real servers on
// 127.0.0.1; each case ends in a clear result (exit 0, or exit 2 naming the variable, file or field) and no
// credential of any length reaches the snapshot or any output.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { loadProviderDefinitions } from "../../src/providers/load-definitions.js";
import { planProbes } from "../../src/providers/plan-probes.js";
import { runCli, type CliRun } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: LoopbackHandler): Promise<LoopbackServer> {
  const s = await startLoopbackServer(handler);
  servers.push(s);
  return s;
}

/** An OpenAI-compatible list of these ids, as vLLM answers. */
const list = (ids: readonly string[], names: Record<string, string> = {}) => ({
  object: "list",
  data: ids.map((id) => ({
    id,
    object: "model",
    created: 1700000000,
    owned_by: "vllm",
    ...(names[id] ? { name: names[id] } : {}),
  })),
});

const EPOCH = { SOURCE_DATE_EPOCH: "1764000000" };

async function register(
  cwd: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<CliRun & { file: string }> {
  const run = await runCli(["register", ...args], { cwd, env: { ...EPOCH, ...env } });
  const file = await readFile(path.join(cwd, "provider_registry_snapshot.json"), "utf8").catch(() => "");
  return { ...run, file };
}

function expectAbsent(secret: string, ...texts: string[]): void {
  for (const text of texts)
    expect(text.toLowerCase().includes(secret.toLowerCase()), `"${secret}" leaked into: ${text.slice(0, 300)}`).toBe(
      false,
    );
}

describe("no credential of any length reaches the snapshot or any output", () => {
  // Short and distinctive: each would be found if it leaked anywhere.
  const keys = ["q7z", "zq9-xv8wk", "zx81-kq7w-9vy"];

  for (const key of keys) {
    it(`a ${key.length}-character CUSTOM_API_KEY echoed as a model id, a name and inside another id`, async () => {
      const cwd = await tempDir();
      const s = await server((request) =>
        request.headers.authorization === `Bearer ${key}`
          ? {
              json: list([key, `org-${key}`, `${key.toUpperCase()}-chat`, "real-model"], {
                "real-model": `Real (${key})`,
              }),
            }
          : { status: 401, json: {} },
      );
      const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1`, CUSTOM_API_KEY: key }, ["--json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).providers.find((p: { id: string }) => p.id === "custom").status).toBe("ok");
      expect(run.file).toContain('"real-model"');
      expectAbsent(key, run.file, run.stdout, run.stderr);
      const select = await runCli(["select", "--provider", "custom", "--explain"], { cwd });
      const diff = await runCli(["diff", "provider_registry_snapshot.json", "provider_registry_snapshot.json"], {
        cwd,
      });
      expectAbsent(key, select.stdout, select.stderr, diff.stdout);
    });
  }

  it("a URL user name and password echoed back as model ids", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["u7q", "p9x-zk", "real-model"]) }));
    const run = await register(cwd, { CUSTOM_API_URL: `http://u7q:p9x-zk@${s.origin.slice("http://".length)}/v1` });
    expect(run.code, run.stderr).toBe(0);
    expect(s.requests[0]!.headers.authorization).toMatch(/^Basic /);
    for (const secret of ["u7q", "p9x-zk"]) expectAbsent(secret, run.file, run.stdout, run.stderr);
  });

  it("a 9-character key of a provider definition file's own variable", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["kz8-wq7x2", "acme-large"]) }));
    await writeFile(
      path.join(cwd, "acme.json"),
      JSON.stringify({
        id: "acme",
        displayName: "Acme",
        adapter: "openai-compatible",
        baseUrl: { env: ["ACME_API_URL"] },
        apiKey: { env: ["ACME_API_KEY"], required: true },
      }),
    );
    const run = await register(cwd, { ACME_API_URL: `${s.origin}/v1`, ACME_API_KEY: "kz8-wq7x2" }, [
      "--providers",
      "acme.json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.file).toContain('"acme-large"');
    expectAbsent("kz8-wq7x2", run.file, run.stdout, run.stderr);
  });

  it("a key that is also part of the base URL's path is not written in providers[].baseUrl", async () => {
    const cwd = await tempDir();
    const key = "kq4-tenant-77xz";
    const s = await server((request) =>
      request.path === `/t/${key}/v1/models` ? { json: list(["real-model"]) } : { status: 404, json: {} },
    );
    const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/t/${key}/v1`, CUSTOM_API_KEY: key });
    expect(run.code, run.stderr).toBe(0);
    expect(run.file).toContain('"real-model"');
    expectAbsent(key, run.file, run.stdout, run.stderr);
  });

  it("a token in the base URL's query, echoed back as a model id", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["tq8w", "real-model"]) }));
    const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1?api_key=tq8w` });
    expect(run.code, run.stderr).toBe(0);
    expect(s.requests[0]!.path).toContain("api_key=tq8w");
    expectAbsent("tq8w", run.file, run.stdout, run.stderr);
  });

  it("a key equal to a provider's id (OPENROUTER_API_KEY=openrouter) does not turn provider names into [REDACTED]", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["real-model"]) }));
    const run = await register(
      cwd,
      { OPENROUTER_API_URL: `${s.origin}/v1`, OPENROUTER_API_KEY: "openrouter", CUSTOM_API_URL: `${s.origin}/v1` },
      ["--json"],
    );
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { providers: { id: string }[] }).providers.map((p) => p.id)).toContain(
      "openrouter",
    );
    expect(run.stdout + run.stderr).not.toContain("[REDACTED]");
  });

  it("a user definition whose id is constructor registers like any other", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["real-model"]) }));
    await writeFile(
      path.join(cwd, "c.json"),
      JSON.stringify({
        id: "constructor",
        displayName: "C",
        adapter: "openai-compatible",
        baseUrl: { env: ["CONSTRUCTOR_API_URL"] },
        apiKey: { env: ["CONSTRUCTOR_API_KEY"], required: false },
      }),
    );
    const run = await register(
      cwd,
      { CONSTRUCTOR_API_URL: `${s.origin}/v1`, CONSTRUCTOR_PREFERRED_MODELS: "real-model" },
      ["--providers", "c.json", "--json"],
    );
    expect(run.code, run.stderr).toBe(0);
    const select = await runCli(["select", "--provider", "constructor"], { cwd });
    expect(select.code, select.stderr).toBe(0);
    expect(select.stdout).toContain("real-model");
  });

  it("redaction never corrupts --json nor provider names: SOME_TOKEN=null, KIMI_API_KEY=kimi", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["real-model"]) }));
    const run = await register(
      cwd,
      { CUSTOM_API_URL: `${s.origin}/v1`, SOME_TOKEN: "null", KIMI_API_KEY: "kimi", KIMI_API_URL: `${s.origin}/v1` },
      ["--json"],
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { providers: { id: string; durationMs: number | null }[] };
    expect(summary.providers.map((p) => p.id)).toEqual(expect.arrayContaining(["custom", "glm", "kimi", "openrouter"]));
    expect(run.stderr).not.toContain("[REDACTED]");
    expect(run.file).toContain('"id": "kimi"');
  });
});

describe("the output is checked before any probe", () => {
  const probed = async () => {
    const s = await server(() => ({ json: list(["real-model"]) }));
    return { s, env: { CUSTOM_API_URL: `${s.origin}/v1` } };
  };

  it("an immutable output file: exit 2, no probe, the file untouched", async (context) => {
    const cwd = await tempDir();
    const out = path.join(cwd, "locked.json");
    await writeFile(out, "old\n");
    try {
      execFileSync("chattr", ["+i", out], { stdio: "ignore" });
    } catch {
      context.skip();
    }
    try {
      const { s, env } = await probed();
      const run = await register(cwd, env, ["--out", out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cannot write .*locked\.json/);
      expect(s.requests).toHaveLength(0);
    } finally {
      execFileSync("chattr", ["-i", out]);
    }
    expect(await readFile(out, "utf8")).toBe("old\n");
  });

  it("an output on a read-only file system: exit 2, no probe", async (context) => {
    const cwd = await tempDir();
    const mount = path.join(cwd, "ro");
    await mkdir(mount);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount], { stdio: "ignore" });
    } catch {
      context.skip();
    }
    try {
      const { s, env } = await probed();
      const run = await register(cwd, env, ["--out", path.join(mount, "s.json")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/read-only/);
      expect(s.requests).toHaveLength(0);
    } finally {
      execFileSync("umount", [mount]);
    }
  });

  it("a file name near the limit still gets a temporary file that fits", async () => {
    const cwd = await tempDir();
    const { env } = await probed();
    const name = `${"n".repeat(245)}.json`;
    const run = await register(cwd, env, ["--out", name]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(cwd, name), "utf8")).toContain('"real-model"');
  });

  it('--out "" is a usage error, not "it is a folder"', async () => {
    const cwd = await tempDir();
    const { s, env } = await probed();
    const run = await register(cwd, env, ["--out", ""]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out is empty/);
    expect(s.requests).toHaveLength(0);
  });
});

describe("numbers and settings are checked up front, naming the option or variable", () => {
  const cases: [string, Record<string, string>, string[], RegExp][] = [
    [
      "--timeout-ms past the largest timer",
      {},
      ["--timeout-ms", "9007199254740991"],
      /--timeout-ms must be .*1 to 3600000/,
    ],
    ["--timeout-ms that overflows a timer", {}, ["--timeout-ms", "3000000000"], /--timeout-ms/],
    ["--timeout-ms 0", {}, ["--timeout-ms", "0"], /--timeout-ms/],
    ["--timeout-ms in hex", {}, ["--timeout-ms", "0x10"], /--timeout-ms/],
    ["--timeout-ms with an exponent", {}, ["--timeout-ms", "1e4"], /--timeout-ms/],
    ["SOURCE_DATE_EPOCH past year 9999", { SOURCE_DATE_EPOCH: "253402300800" }, [], /SOURCE_DATE_EPOCH/],
    ["SOURCE_DATE_EPOCH in hex", { SOURCE_DATE_EPOCH: "0x10" }, [], /SOURCE_DATE_EPOCH/],
    ["SOURCE_DATE_EPOCH negative", { SOURCE_DATE_EPOCH: "-5" }, [], /SOURCE_DATE_EPOCH/],
    ["BALANCED_MAX_OUTPUT_PRICE in hex", { BALANCED_MAX_OUTPUT_PRICE: "0x10" }, [], /BALANCED_MAX_OUTPUT_PRICE/],
    [
      "a base URL longer than the schema allows",
      { CUSTOM_API_URL: `http://127.0.0.1:9/${"a".repeat(2100)}` },
      [],
      /CUSTOM_API_URL .*2048/,
    ],
    ["a key with a newline", { CUSTOM_API_KEY: "abc\ndef" }, [], /CUSTOM_API_KEY .*(line break|control)/],
    ["a key with a non-ASCII character", { CUSTOM_API_KEY: "clé-secrète" }, [], /CUSTOM_API_KEY .*non-ASCII/],
    [
      "a link-local base URL (cloud metadata)",
      { CUSTOM_API_URL: "http://169.254.169.254/latest" },
      [],
      /CUSTOM_API_URL .*link-local/,
    ],
    [
      "a link-local base URL written as one number",
      { CUSTOM_API_URL: "http://2852039166/v1" },
      [],
      /CUSTOM_API_URL .*link-local/,
    ],
    ["an IPv6 link-local base URL", { CUSTOM_API_URL: "http://[fe80::1]/v1" }, [], /CUSTOM_API_URL .*link-local/],
    [
      "an IPv4-mapped IPv6 link-local base URL",
      { CUSTOM_API_URL: "http://[::ffff:169.254.169.254]/v1" },
      [],
      /CUSTOM_API_URL .*link-local/,
    ],
    [
      "a cloud metadata host name",
      { CUSTOM_API_URL: "http://metadata.google.internal/v1" },
      [],
      /CUSTOM_API_URL .*metadata/,
    ],
    [
      "a link-local base URL in octal with a trailing dot",
      { CUSTOM_API_URL: "http://0251.0376.0251.0376./v1" },
      [],
      /CUSTOM_API_URL .*link-local/,
    ],
    ["a link-local base URL in hex", { CUSTOM_API_URL: "http://0xa9fea9fe/v1" }, [], /CUSTOM_API_URL .*link-local/],
    [
      "a NAT64 link-local base URL",
      { CUSTOM_API_URL: "http://[64:ff9b::169.254.169.254]/v1" },
      [],
      /CUSTOM_API_URL .*link-local/,
    ],
    [
      "AWS's IPv6 metadata address",
      { CUSTOM_API_URL: "http://[fd00:ec2::254]/latest" },
      [],
      /CUSTOM_API_URL .*metadata/,
    ],
    [
      "MODEL_COSTS_JSON nested 40,000 deep",
      { MODEL_COSTS_JSON: `{"m":${"[".repeat(40000)}${"]".repeat(40000)}}` },
      [],
      /MODEL_COSTS_JSON/,
    ],
  ];
  for (const [what, env, args, message] of cases) {
    it(`${what}: exit 2 before any probe`, async () => {
      const cwd = await tempDir();
      const s = await server(() => ({ json: list(["real-model"]) }));
      const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1`, ...env }, args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error|snapshot is invalid|\n\s+at /);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(s.requests).toHaveLength(0);
      expect(run.file).toBe("");
      if (env.CUSTOM_API_KEY) expectAbsent(env.CUSTOM_API_KEY, run.stderr);
    });
  }

  it("--allow-link-local lets a link-local base URL through, and private ranges need nothing", async () => {
    const [custom] = (await loadProviderDefinitions([], process.cwd())).filter((d) => d.id === "custom");
    const filters = { allowedProviders: null, disabledProviders: [] };
    expect(
      planProbes([custom!], { CUSTOM_API_URL: "http://169.254.169.254/v1" }, filters, { allowLinkLocal: true })[0]!.plan
        .probe,
    ).toBe(true);
    for (const url of [
      "http://10.0.0.5:8000/v1",
      "http://192.168.1.2/v1",
      "http://[fd00::1]/v1",
      "http://localhost:11434/v1",
    ]) {
      expect(planProbes([custom!], { CUSTOM_API_URL: url }, filters)[0]!.plan.probe, url).toBe(true);
    }
    const cwd = await tempDir();
    const help = await runCli(["register", "--help"], { cwd });
    expect(help.stdout).toContain("--allow-link-local");
  });

  it("valid numbers still work: --timeout-ms 60000, SOURCE_DATE_EPOCH 0 and 253402300799", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({ json: list(["real-model"]) }));
    for (const epoch of ["0", "253402300799"]) {
      const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1`, SOURCE_DATE_EPOCH: epoch }, [
        "--timeout-ms",
        "60000",
      ]);
      expect(run.code, run.stderr).toBe(0);
    }
  });
});

describe("one rule for empty lists", () => {
  it('ALLOWED_PROVIDERS=",,," means what "   " and unset mean: every provider', async () => {
    const outcomes: string[] = [];
    for (const value of [undefined, "   ", ",,,", " , ,"]) {
      const cwd = await tempDir();
      const s = await server(() => ({ json: list(["real-model"]) }));
      const run = await register(
        cwd,
        { CUSTOM_API_URL: `${s.origin}/v1`, ...(value !== undefined ? { ALLOWED_PROVIDERS: value } : {}) },
        ["--json"],
      );
      expect(run.code, run.stderr).toBe(0);
      outcomes.push(
        JSON.stringify(JSON.parse(run.stdout).providers.map((p: { id: string; status: string }) => [p.id, p.status])),
      );
    }
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]).toContain('["custom","ok"]');
  });
});

describe("provider answers", () => {
  it("ids that differ only in case, in any order, give the same snapshot every run", async () => {
    const ids = ["Model-A", "model-a", "MODEL-A", "other", "Other-B", "other-b"];
    const files = new Set<string>();
    for (let run = 0; run < 6; run++) {
      const order = [...ids].sort(() => (run % 2 === 0 ? 1 : -1) * (Math.random() - 0.5));
      order.push(order.shift()!);
      const cwd = await tempDir();
      const s = await server(() => ({ json: list(order) }));
      const result = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1` });
      expect(result.code, result.stderr).toBe(0);
      // The port (in baseUrl, and so in the content hash) is the only thing that may differ.
      files.add(
        result.file.replace(/"baseUrl": "http:\/\/127\.0\.0\.1:[0-9]+/g, "").replace(/"contentHash": "[^"]*"/, ""),
      );
    }
    expect(files.size).toBe(1);
  });

  it("a JSON answer that starts with a byte-order mark is read", async () => {
    const cwd = await tempDir();
    const s = await server(() => ({
      text: `\uFEFF${JSON.stringify(list(["real-model"]))}`,
      headers: { "content-type": "application/json" },
    }));
    const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1` }, ["--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.file).toContain('"real-model"');
  });
});

describe("provider definition files may name only their own API key variable", () => {
  const definition = (keyVariable: string) => ({
    id: "acme",
    displayName: "Acme",
    adapter: "openai-compatible",
    baseUrl: { env: ["ACME_API_URL"], default: "http://127.0.0.1:9/v1" },
    apiKey: { env: [keyVariable], required: true },
  });
  for (const variable of [
    "AWS_SECRET_ACCESS_KEY",
    "GITHUB_TOKEN",
    "OPENROUTER_API_KEY",
    "NPM_TOKEN",
    "ACME_PASSWORD",
  ]) {
    it(`naming ${variable} is refused, naming the file and the field`, async () => {
      const cwd = await tempDir();
      await writeFile(path.join(cwd, "acme.json"), JSON.stringify(definition(variable)));
      const run = await register(cwd, { [variable]: "do-not-send-me-anywhere" }, ["--providers", "acme.json"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`acme\\.json.*/apiKey/env/0.*${variable}`));
      expectAbsent("do-not-send-me-anywhere", run.stderr);
    });
  }
  it("ACME_API_KEY and ACME_TOKEN are fine", async () => {
    const cwd = await tempDir();
    for (const variable of ["ACME_API_KEY", "ACME_TOKEN"]) {
      await writeFile(path.join(cwd, "acme.json"), JSON.stringify(definition(variable)));
      const run = await register(cwd, {}, ["--providers", "acme.json", "--quiet"]);
      expect(run.code, run.stderr).toBe(0);
    }
  });
});

describe("community catalogs", () => {
  it("a control character in a model's name is refused, naming the file and the field", async () => {
    const cwd = await tempDir();
    const catalog = {
      zai: {
        id: "zai",
        models: {
          "glm-4.6": {
            id: "glm-4.6",
            name: "GLM\u001b[2J 4.6",
            cost: { input: 0.6, output: 2.2 },
            limit: { context: 200000, output: 128000 },
          },
        },
      },
    };
    await writeFile(path.join(cwd, "api.json"), JSON.stringify(catalog));
    const run = await register(cwd, {}, ["--catalog", "api.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/api\.json.*\/zai\/models\/glm-4\.6\/name.*control character/);
    expect(run.stderr).not.toContain("\u001b");
  });
});

describe("a diagnostic quoting long names fits the schema", () => {
  it("eleven uncatalogued ids of 256 characters: the run writes, the warning is cut to 2,000 characters", async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `m${i}-${"x".repeat(250)}`.slice(0, 256));
    const s = await server(() => ({ json: list(ids) }));
    const cwd = await tempDir();
    const run = await register(cwd, { CUSTOM_API_URL: `${s.origin}/v1` });
    expect(run.code, run.stderr).toBe(0);
    const warning = (JSON.parse(run.file) as { diagnostics: { code: string; message: string }[] }).diagnostics.find(
      (d) => d.code === "UNCATALOGUED_MODELS",
    )!;
    expect(warning.message.length).toBe(2000);
    expect(warning.message.endsWith("...")).toBe(true);
  });
});

// .env files: what dotenv reads, every line it would skip reported (by file and line, never by content), real env on top.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layerEnv, loadEnv, parseEnvFile } from "../../src/config/load-env.js";
import { ConfigError } from "../../src/core/errors.js";
import { configErrorOf } from "../support/inputs.js";

const FILE = "/project/.env";

describe("parseEnvFile: what it reads", () => {
  it.each([
    {
      name: "plain assignments",
      text: "KIMI_API_KEY=sk-1\nGLM_API_KEY=abc\n",
      expected: { KIMI_API_KEY: "sk-1", GLM_API_KEY: "abc" },
    },
    { name: "spaces around =", text: "A = one\nB= two\nC =three", expected: { A: "one", B: "two", C: "three" } },
    {
      name: "export prefix",
      text: "export KIMI_API_KEY=sk-1\nexport  GLM_API_URL=https://open.bigmodel.cn/api/paas/v4",
      expected: { KIMI_API_KEY: "sk-1", GLM_API_URL: "https://open.bigmodel.cn/api/paas/v4" },
    },
    { name: "comment lines and blank lines", text: "# keys\n\n   # indented comment\nA=1\n\n", expected: { A: "1" } },
    { name: "trailing comment after an unquoted value", text: "A=glm-4.6 # the best\n", expected: { A: "glm-4.6" } },
    {
      name: "double-quoted value keeps # and spaces",
      text: 'A="x # not a comment "\n',
      expected: { A: "x # not a comment " },
    },
    { name: "single-quoted value", text: "A='it''s'\nB='a b'\n", expected: { A: "it''s", B: "a b" } },
    { name: "backtick-quoted value", text: 'A=`say "hi"`\n', expected: { A: 'say "hi"' } },
    {
      name: "comma lists stay one string",
      text: "KIMI_PREFERRED_MODELS=kimi-k2-0905-preview,kimi-k2-turbo-preview\n",
      expected: { KIMI_PREFERRED_MODELS: "kimi-k2-0905-preview,kimi-k2-turbo-preview" },
    },
    {
      name: "JSON value in single quotes",
      text: `MODEL_COSTS_JSON='{"glm-4.5": {"input": 0.6, "output": 2.2}}'\n`,
      expected: { MODEL_COSTS_JSON: '{"glm-4.5": {"input": 0.6, "output": 2.2}}' },
    },
    { name: "= inside the value", text: "A=a=b\n", expected: { A: "a=b" } },
    { name: "empty value", text: "A=\nB=2\n", expected: { A: "", B: "2" } },
    { name: "Windows line endings", text: "A=1\r\nB=2\r\n", expected: { A: "1", B: "2" } },
    { name: "indented assignment", text: "   A=1\n\tB=2\n", expected: { A: "1", B: "2" } },
    { name: "NAME: value (colon and a space)", text: "A: value\n", expected: { A: "value" } },
    { name: "escaped newline in double quotes", text: 'A="line1\\nline2"\n', expected: { A: "line1\nline2" } },
    { name: "no final newline", text: "A=1", expected: { A: "1" } },
    { name: "empty file", text: "", expected: {} },
  ])("$name", ({ text, expected }) => {
    expect(parseEnvFile(text, FILE)).toEqual(expected);
  });

  it.each([
    {
      name: "double-quoted value over several lines",
      text: 'CERT="-----BEGIN-----\nMIIBsecretline\n-----END-----"\nB=2\n',
      expected: { CERT: "-----BEGIN-----\nMIIBsecretline\n-----END-----", B: "2" },
    },
    {
      name: "a quote that never closes is a value on its own line",
      text: 'A="abc\nB=1\n',
      expected: { A: '"abc', B: "1" },
    },
    {
      name: "single-quoted value over several lines",
      text: "NOTE='first\nsecond'\nB=2\n",
      expected: { NOTE: "first\nsecond", B: "2" },
    },
    {
      // Inside the quotes, lines that would not be NAME=value on their own are part of the value.
      name: "continuation lines that are not assignments",
      text: 'A="one\n  just words, no equals sign\n# not a comment here\nend"\nB=2\n',
      expected: { A: "one\n  just words, no equals sign\n# not a comment here\nend", B: "2" },
    },
  ])("multi-line: $name", ({ text, expected }) => {
    expect(parseEnvFile(text, FILE)).toEqual(expected);
  });
});

describe("parseEnvFile: lines dotenv would skip are errors that name the file and line, not the content", () => {
  const SECRET = "sk-live-4f9c2a7e1b";
  it.each([
    { name: "a bare secret pasted on its own line", text: `A=1\n\n${SECRET}\nB=2\n`, line: 3, content: SECRET },
    { name: "a value without a name", text: `=${SECRET}\n`, line: 1, content: SECRET },
    { name: "a name with a space in it", text: `A=1\nKIMI API KEY=${SECRET}\n`, line: 2, content: SECRET },
    { name: "export with no value", text: `export ${SECRET}\n`, line: 1, content: SECRET },
    { name: "a name starting with a digit", text: `1KEY=${SECRET}\n`, line: 1, content: SECRET },
    {
      name: "a shell command",
      text: `A=1\nB=2\ncurl -H "Authorization: Bearer ${SECRET}"\n`,
      line: 3,
      content: SECRET,
    },
    {
      name: "after a multi-line value, counting its lines",
      text: `A="x\ny\nz"\n${SECRET}\n`,
      line: 4,
      content: SECRET,
    },
    // dotenv reads a quote that never closes as a plain value on its own line; the lines after it are lines of their own.
    { name: "after a quote that never closes", text: `A="abc\nB=1\n${SECRET}\n`, line: 3, content: SECRET },
    { name: "after two quotes that never close", text: `A='abc\nB="def\nC=1\n${SECRET}\n`, line: 4, content: SECRET },
    // dotenv only reads NAME: value with whitespace after the colon; without it the line is silently dropped.
    {
      name: "NAME:value without a space (dotenv drops it)",
      text: `A=1\nKIMI_API_KEY:${SECRET}\n`,
      line: 2,
      content: SECRET,
    },
    {
      name: "NAME : value with a space before the colon (dotenv drops it)",
      text: `KIMI_API_KEY : ${SECRET}\n`,
      line: 1,
      content: SECRET,
    },
  ])("$name → line $line", ({ text, line, content }) => {
    const error = configErrorOf(() => parseEnvFile(text, FILE));
    expect(error.message).toContain(`${FILE}:${line}`);
    expect(error.at).toEqual({ file: FILE, field: `line ${line}` });
    expect(error.message).not.toContain(content);
    expect(error.exitCode).toBe(2);
  });

  it("every line the check accepts is a variable dotenv actually reads", () => {
    const lines = ["A=1", "B = 2", "export C=3", "D: 4", "E.x=5", "F-y=6", "G="];
    const parsed = parseEnvFile(lines.join("\n"), FILE);
    expect(Object.keys(parsed).sort()).toEqual(["A", "B", "C", "D", "E.x", "F-y", "G"]);
  });

  it("property: a single line either is read by dotenv or is reported, never silently dropped", () => {
    // __proto__ is excluded: dotenv assigns it onto a plain object, where it is no variable (a dotenv quirk, harmless).
    const name = fc.stringMatching(/^[A-Za-z0-9_ .-]{1,12}$/).filter((n) => n.trim() !== "__proto__");
    const separator = fc.constantFrom("=", " =", "= ", " = ", "==", ":", ": ", " :", " : ", ":=", "");
    const value = fc.stringMatching(/^[A-Za-z0-9 #=:._-]{0,16}$/);
    const prefix = fc.constantFrom("", "export ", "export\t", "  ");
    fc.assert(
      fc.property(prefix, name, separator, value, (p, n, sep, v) => {
        const line = `${p}${n}${sep}${v}`;
        if (line.trim() === "" || line.trim().startsWith("#")) return;
        let parsed: Record<string, string | undefined>;
        try {
          parsed = { ...parseEnvFile(line, FILE) };
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          return;
        }
        expect(Object.keys(parsed)).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("layerEnv: the real environment wins over the file", () => {
  it.each([
    { name: "file only", file: { A: "file" }, real: {}, expected: { A: "file" } },
    { name: "real only", file: {}, real: { A: "real" }, expected: { A: "real" } },
    { name: "both: real wins", file: { A: "file" }, real: { A: "real" }, expected: { A: "real" } },
    {
      name: "undefined in the real env does not erase the file's value",
      file: { A: "file" },
      real: { A: undefined },
      expected: { A: "file" },
    },
    {
      name: "mixed",
      file: { KIMI_API_KEY: "from-file", GLM_API_KEY: "from-file", DEFAULT_MODEL: "glm-4.6" },
      real: { KIMI_API_KEY: "from-shell", PATH: "/usr/bin" },
      expected: { KIMI_API_KEY: "from-shell", GLM_API_KEY: "from-file", DEFAULT_MODEL: "glm-4.6", PATH: "/usr/bin" },
    },
  ])("$name", ({ file, real, expected }) => {
    expect(layerEnv(file, real)).toEqual(expected);
  });

  it("does not modify its inputs", () => {
    const file = { A: "file" };
    const real = { A: "real" };
    layerEnv(file, real);
    expect(file).toEqual({ A: "file" });
    expect(real).toEqual({ A: "real" });
  });
});

describe("loadEnv (temporary folder)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "provider-registry-env-"));
    await writeFile(path.join(dir, ".env"), "KIMI_API_KEY=from-file\nGLM_API_KEY=from-file\n");
    await writeFile(path.join(dir, "other.env"), "DEFAULT_MODEL=glm-4.6\n");
    await writeFile(path.join(dir, "broken.env"), "A=1\nsk-secret-on-line-2\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads .env from the working folder, under the real environment", async () => {
    const env = await loadEnv({ cwd: dir, realEnv: { KIMI_API_KEY: "from-shell" } });
    expect(env).toEqual({ KIMI_API_KEY: "from-shell", GLM_API_KEY: "from-file" });
  });

  it("reads --env-file instead of .env", async () => {
    expect(await loadEnv({ cwd: dir, envFile: "other.env", realEnv: {} })).toEqual({ DEFAULT_MODEL: "glm-4.6" });
  });

  it("without a .env, the real environment alone", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "provider-registry-noenv-"));
    try {
      expect(await loadEnv({ cwd: empty, realEnv: { A: "1" } })).toEqual({ A: "1" });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("a missing --env-file is a ConfigError naming the file", async () => {
    const error = await loadEnv({ cwd: dir, envFile: "missing.env", realEnv: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).at.file).toBe(path.join(dir, "missing.env"));
  });

  it("a malformed line in the file is reported by path and line, without its content", async () => {
    const error = await loadEnv({ cwd: dir, envFile: "broken.env", realEnv: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`${path.join(dir, "broken.env")}:2`);
    expect((error as ConfigError).message).not.toContain("sk-secret-on-line-2");
  });
});

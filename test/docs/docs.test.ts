// The docs copy facts from the code (options, exit codes, variables, the catalog mapping, what the selector answers on
// the demo snapshot) and link to each other: each copy is checked against its source here, so that either side
// changing alone fails. docs/maintainers/README.md lists what is checked.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LITELLM_PROVIDERS, MODELS_DEV_PROVIDERS } from "../../src/catalog/community-providers.js";
import { ExitCode } from "../../src/core/errors.js";
import { CATEGORIES } from "../../src/core/categories.js";
import { createSelector, loadSnapshot } from "../../src/selector/index.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFileSync(path.join(REPO, file), "utf8");
const README = read("README.md");
const CLI = read("docs/cli.md");
const CONFIGURATION = read("docs/configuration.md");
const tempDir = useTempDirs();

/** The text under `## <heading start>` up to the next `## `. */
function section(doc: string, headingStart: string): string {
  const start = doc.indexOf(`\n## ${headingStart}`);
  expect(start, `a "## ${headingStart}" section`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** Markdown table rows (not the header or the rule) as arrays of cells. */
function tableRows(text: string): string[][] {
  const rows = text.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
  return rows.map((l) =>
    l
      .slice(2, -2)
      .split(" | ")
      .map((c) => c.trim()),
  );
}

const OPTION = /--[a-z][a-z-]*[a-z]/g;

async function helpOptions(command: string): Promise<Set<string>> {
  const run = await runCli([command, "--help"], { cwd: REPO });
  expect(run.code).toBe(0);
  // Option lines start with the option (`  --out PATH   …`, `  -h, --help   …`); usage lines list them in brackets.
  const listed = run.stdout.split("\n").filter((l) => /^\s+(-\w, )?--[a-z]/.test(l) || l.startsWith("Usage:"));
  const options = new Set(
    listed.flatMap((l) => [...l.replace(/^\s+(-\w, )?(--[a-z-]+).*$/, "$2").matchAll(OPTION)].map((m) => m[0])),
  );
  for (const l of listed.filter((l) => l.startsWith("Usage:"))) for (const m of l.matchAll(OPTION)) options.add(m[0]);
  options.delete("--help");
  return options;
}

describe("docs/cli.md and each command's --help", () => {
  it.each(["register", "validate", "diff", "select", "demo"])(
    "%s: every option of --help is documented, and every option documented exists",
    async (command) => {
      const help = await helpOptions(command);
      // Another command's option, named as such (`register --previous`), is a cross-reference.
      const text = section(CLI, `\`${command}`).replace(
        /`(register|validate|diff|select|demo) [^`]*`/g,
        (span, other: string) => (other === command ? span : ""),
      );
      const documented = new Set([...text.matchAll(OPTION)].map((m) => m[0]));
      for (const option of help) expect(documented, `${command} ${option} in docs/cli.md`).toContain(option);
      // `--help` and `--version` are the command line's own; any other option named in a command's section is its own.
      for (const option of documented)
        if (option !== "--help" && option !== "--version")
          expect(help, `${command} ${option} in --help`).toContain(option);
    },
  );

  it.each(["register", "demo"])("%s: the options table has one row per option of --help", async (command) => {
    const help = await helpOptions(command);
    const rows = tableRows(section(CLI, `\`${command}`)).filter((cells) => cells[0]!.startsWith("`--"));
    const tabled = rows.map((cells) => /^`(--[a-z-]+)/.exec(cells[0]!)![1]!);
    expect(new Set(tabled).size).toBe(tabled.length);
    expect(new Set(tabled)).toEqual(help);
  });
});

describe("exit codes", () => {
  const codes = Object.values(ExitCode).sort();
  const tabled = (text: string) =>
    tableRows(section(text, "Exit codes"))
      .filter((c) => /^\d+$/.test(c[0]!))
      .map((c) => Number(c[0]));

  it("docs/cli.md and the README list exactly the codes the command line returns", () => {
    expect(tabled(CLI)).toEqual(codes);
    expect(tabled(README)).toEqual(codes);
  });

  it("so does `provider-registry --help`", async () => {
    const run = await runCli(["--help"], { cwd: REPO });
    const line = run.stdout.split("\n").find((l) => l.startsWith("Exit codes:"));
    expect(line).toBeDefined();
    expect([...line!.matchAll(/[:;] (\d+) /g)].map((m) => Number(m[1]))).toEqual(codes);
  });
});

interface Definition {
  id: string;
  baseUrl: { env?: string[]; default?: string };
  apiKey: { env?: string[] };
  enableFlag?: string;
  defaultModelEnv?: string[];
}
const definitions = readdirSync(path.join(REPO, "data/providers"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(read(`data/providers/${f}`)) as Definition);
const VARIABLE = /`(?:<P>_)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g;

describe("docs/configuration.md and the variables the code reads", () => {
  it("the provider table: one row per built-in provider, with exactly its variables and its default base URL", () => {
    const rows = tableRows(section(CONFIGURATION, "Providers")).filter((c) => /^`[a-z]+`$/.test(c[0]!));
    expect(rows.map((c) => c[0]!.slice(1, -1)).sort()).toEqual(definitions.map((d) => d.id).sort());
    for (const d of definitions) {
      const row = rows.find((c) => c[0] === `\`${d.id}\``)!.join(" | ");
      const inRow = new Set([...row.matchAll(VARIABLE)].map((m) => m[1]!));
      const own = [...(d.apiKey.env ?? []), ...(d.baseUrl.env ?? [])];
      for (const v of own) expect(inRow, `${d.id}: ${v}`).toContain(v);
      for (const v of inRow)
        expect([...own, ...(d.enableFlag ? [d.enableFlag] : [])], `${d.id}: ${v} is the provider's`).toContain(v);
      if (d.baseUrl.default) expect(row, d.id).toContain(`\`${d.baseUrl.default}\``);
      else expect(row, d.id).toContain("(none)");
    }
  });

  it("the enable flags: ENABLE_<P>, and the providers without one named", () => {
    for (const d of definitions) if (d.enableFlag) expect(d.enableFlag).toBe(`ENABLE_${d.id.toUpperCase()}`);
    const without = /has one except ([^)]*)\)/.exec(section(CONFIGURATION, "Providers"))?.[1];
    expect(without).toBeDefined();
    expect([...without!.matchAll(/`([a-z]+)`/g)].map((m) => m[1]).sort()).toEqual(
      definitions
        .filter((d) => !d.enableFlag)
        .map((d) => d.id)
        .sort(),
    );
  });

  // Where the code names the variables it reads: read, never changed, by this test.
  const settings = readdirSync(path.join(REPO, "src", "config"))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => read(`src/config/${f}`))
    .join("\n");
  const global = new Set([
    ...[...settings.matchAll(/(?:envString|envList|envBoolean|envNumber|readProviderFilter)\(env, "([A-Z_]+)"/g)].map(
      (m) => m[1]!,
    ),
    ...[...settings.matchAll(/(?:const variable|_VARIABLE) = "([A-Z_]+)"/g)].map((m) => m[1]!),
    ...[.../RETIRED_VARIABLES[^{]*\{([^}]*)\}/.exec(settings)![1]!.matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1]!),
    ...(read("src/snapshot/build-snapshot.ts").includes('variable: "SOURCE_DATE_EPOCH"') ? ["SOURCE_DATE_EPOCH"] : []),
  ]);
  const suffixes = [
    ...[.../PROVIDER_SUFFIXES = \[([^\]]*)\]/.exec(settings)![1]!.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!),
    ...CATEGORIES.map((c) => `PREFERRED_MODELS_${c.toUpperCase()}`),
  ];

  it("finds the variables in the code (so that the checks below check something)", () => {
    for (const v of [
      "DEFAULT_MODEL",
      "PROVIDER_PRIORITY",
      "PROVIDER_PRIORITY_ORDER",
      "MODEL_COSTS_JSON",
      "MAX_COST_PER_REQUEST",
      "SOURCE_DATE_EPOCH",
      "ALLOWED_PROVIDERS",
    ]) {
      expect(global).toContain(v);
    }
    expect(suffixes).toContain("ALLOWED_MODELS");
    expect(suffixes).toContain("PREFERRED_MODELS_EXTENDED_REASONING");
  });

  it("every variable the code reads is documented, and every routing variable documented is read", () => {
    for (const v of global) expect(CONFIGURATION, v).toContain(`\`${v}\``);
    const routing = section(CONFIGURATION, "Routing");
    for (const s of suffixes) {
      const category = CATEGORIES.find((c) => s === `PREFERRED_MODELS_${c.toUpperCase()}`);
      // The category variables are written `<P>_PREFERRED_MODELS_FAST_RESPONSE`, `…_BALANCED`, ….
      if (category !== undefined)
        expect(routing, s).toMatch(new RegExp(`\`(<P>_PREFERRED_MODELS|…)_${category.toUpperCase()}\``));
      else if (s !== "API_KEY" && s !== "API_URL") expect(routing, s).toContain(`\`<P>_${s}\``);
    }
    expect(CONFIGURATION).toContain("`<P>_API_KEY`");
    expect(CONFIGURATION).toContain("`<P>_API_URL`");
    const providerOwned = new Set(
      definitions.flatMap((d) => [...(d.apiKey.env ?? []), ...(d.baseUrl.env ?? []), ...(d.defaultModelEnv ?? [])]),
    );
    for (const row of tableRows(routing)) {
      for (const m of row[0]!.matchAll(/`(<P>_)?([A-Z][A-Z0-9_]*)`/g)) {
        const known = m[1] ? suffixes.includes(m[2]!) : global.has(m[2]!) || providerOwned.has(m[2]!);
        expect(known, `${m[0]} is read by the code`).toBe(true);
      }
    }
  });

  it("the README's variables are ones the code reads", () => {
    const providerOwned = new Set(definitions.flatMap((d) => [...(d.apiKey.env ?? []), ...(d.baseUrl.env ?? [])]));
    const rows = tableRows(section(README, "Configuration"));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      for (const m of row[0]!.matchAll(/`(<P>_)?([A-Z][A-Z0-9_]*)`/g)) {
        const known = m[1] ? suffixes.includes(m[2]!) : global.has(m[2]!) || providerOwned.has(m[2]!);
        expect(known, `${m[0]} is read by the code`).toBe(true);
      }
    }
  });

  it("the provider file example: its $schema resolves from providers/, where the page says to put it", () => {
    const adding = section(CONFIGURATION, "Adding a provider");
    expect(adding).toContain("--providers 'providers/*.json'");
    const json = /```json\n([\s\S]*?)```/.exec(adding)![1]!;
    const schema = (JSON.parse(json) as { $schema: string }).$schema;
    // In a project, node_modules/provider-registry is this repository's package.
    const resolved = path.resolve("/project/providers", schema);
    expect(resolved.startsWith("/project/node_modules/provider-registry/"), resolved).toBe(true);
    expect(existsSync(path.join(REPO, path.relative("/project/node_modules/provider-registry", resolved)))).toBe(true);
  });
});

describe("docs/community-catalogs.md and the catalog mapping", () => {
  it("one row per provider of the mapping, with its models.dev keys and LiteLLM values in order", () => {
    const rows = tableRows(read("docs/community-catalogs.md")).filter((c) => /^`[a-z]+`$/.test(c[0]!));
    const cell = (names: readonly string[]) => (names.length === 0 ? "none" : names.map((n) => `\`${n}\``).join(", "));
    expect(rows.map((c) => c[0]!.slice(1, -1))).toEqual(Object.keys(MODELS_DEV_PROVIDERS));
    expect(Object.keys(LITELLM_PROVIDERS).sort()).toEqual(Object.keys(MODELS_DEV_PROVIDERS).sort());
    for (const [id, modelsDev, litellm] of rows) {
      const provider = id!.slice(1, -1);
      expect(modelsDev!.replace(/ \(.*\)$/, ""), `${provider} models.dev`).toBe(cell(MODELS_DEV_PROVIDERS[provider]!));
      expect(litellm!.replace(/ \(.*\)$/, ""), `${provider} LiteLLM`).toBe(cell(LITELLM_PROVIDERS[provider]!));
    }
  });
});

describe("the selector examples, run against the demo snapshot", () => {
  it("the README's and docs/library.md's request gives the model and provider their comments say", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "demo.json");
    const run = await runCli(["demo", "--out", file], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1764000000" } });
    expect(run.code, run.stderr).toBe(0);
    const selector = createSelector(loadSnapshot(file));
    for (const doc of ["README.md", "docs/library.md"]) {
      const text = read(doc);
      const request = /selector\.select\((\{.*\})\);/.exec(text)?.[1];
      const model = /choice\.model;\s+\/\/ "([^"]+)" on the demo's snapshot/.exec(text)?.[1];
      const provider = /choice\.provider;\s+\/\/ "([^"]+)"/.exec(text)?.[1];
      expect([request, model, provider], doc).not.toContain(undefined);
      // A JavaScript object literal, as written in the example.
      const choice = selector.select(new Function(`return (${request});`)() as object);
      expect([choice.model, choice.provider], doc).toEqual([model, provider]);
    }
  });

  it("a bare request and a balanced one differ exactly when DEFAULT_MODEL is set, as the docs say", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "demo.json");
    expect((await runCli(["demo", "--out", file], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1764000000" } })).code).toBe(
      0,
    );
    const snapshot = loadSnapshot(file);
    const without = createSelector(snapshot);
    expect(without.select({}).model).toBe(without.select({ category: "balanced" }).model);
    const withDefault = createSelector({
      ...snapshot,
      policy: { ...snapshot.policy, defaultModel: { model: "glm-4.5", provider: "glm" } },
    });
    expect(withDefault.select({}).model).toBe("glm-4.5");
    expect(withDefault.select({ category: "balanced" }).model).not.toBe("glm-4.5");
    // The library's explain says the default was not considered; the command line's --explain does not (docs/selection.md).
    expect(withDefault.explain({ category: "balanced" })).toContain("default model: glm-4.5 (glm) not considered");
  });
});

describe("the README", () => {
  it("states the Node.js version package.json's engines asks for", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^>=\d+\.\d+$/);
    expect(README).toContain(`Node.js ${engines.slice(2)} or later`);
    expect(README).not.toMatch(/Node(\.js)? \d+(?![.\d])/);
  });

  it("names the two commands CI runs", () => {
    expect(read(".ci/run")).toMatch(/^npm ci --no-audit --no-fund\nnpm test$/m);
    expect(README).toContain("npm ci && npm run demo");
    expect(README).toMatch(/^npm test\s/m);
  });
});

describe("links between the docs", () => {
  const docs = [
    "README.md",
    "CHANGELOG.md",
    "python/README.md",
    ...readdirSync(path.join(REPO, "docs"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  /** GitHub's heading anchors. */
  const anchors = (text: string) =>
    new Set(
      text
        .replace(/```[\s\S]*?```/g, "")
        .split("\n")
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) =>
          l
            .replace(/^#+ /, "")
            .toLowerCase()
            .replace(/[^\p{L}\p{N} _-]/gu, "")
            .replace(/ /g, "-"),
        ),
    );

  it.each(docs)("%s: every relative link reaches a file, and its #anchor a heading", (doc) => {
    const text = read(doc).replace(/```[\s\S]*?```/g, "");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split("#") as [string, string | undefined];
      const resolved = file === "" ? path.join(REPO, doc) : path.resolve(path.dirname(path.join(REPO, doc)), file);
      expect(existsSync(resolved), `${doc}: ${target}`).toBe(true);
      if (anchor !== undefined && resolved.endsWith(".md"))
        expect(anchors(readFileSync(resolved, "utf8")), `${doc}: ${target}`).toContain(anchor);
    }
  });
});

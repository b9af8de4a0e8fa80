// The package as another repo gets it: packed, installed without dev dependencies into an empty project, and used
// from there — the bin, the selector, the library, the schema with the consumer's own ajv, the types — and every
// command of the README's "In another repo" section run as written. Prints the selector's gzipped size.
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { createSelector, loadSnapshot } from "../../src/selector/index.js";
import { SCHEMA_ID } from "../../src/snapshot/schema-version.js";
import { pythonOrSkip, validateWithPython } from "../support/python-jsonschema.js";
import { CANARY, startProviderServers } from "../support/provider-servers.js";
import { codeBlocks, mustRun, packAndInstall, REPO, run, type ConsumerProject } from "../support/consumer-project.js";

// Packing, installing and compiling take seconds, more when npm has to fetch ajv from the registry.
const SETUP_TIMEOUT = 240_000;
const TIMEOUT = 60_000;
const SNAPSHOT = "provider_registry_snapshot.json";
/** The selector's budget, bundled + minified + gzipped: generous, so that only a real regression (a dependency pulled in) trips it. */
const SELECTOR_GZIP_BUDGET = 40_000;

let consumer: ConsumerProject;
let readme: string;
beforeAll(async () => {
  consumer = await packAndInstall();
  // The README names the imports and the install; docs/ci.md holds the recipes for another repo.
  readme =
    (await readFile(path.join(REPO, "README.md"), "utf8")) +
    "\n" +
    (await readFile(path.join(REPO, "docs", "ci.md"), "utf8"));
}, SETUP_TIMEOUT);
afterAll(async () => {
  await consumer?.remove();
});

/** `npx provider-registry …` as a consumer types it: the installed bin (npx finds it in node_modules/.bin, no download). */
const npx = (args: string[], env?: Record<string, string>) =>
  run("npx", args, { cwd: consumer.dir, ...(env ? { env } : {}) });

/** Registers in the consumer project with the installed bin against loopback providers; the snapshot lands in its folder. */
async function registerThere(): Promise<ProviderRegistrySnapshot> {
  const providers = await startProviderServers();
  try {
    const result = await npx(["provider-registry", "register", "--json"], {
      ...providers.env,
      SOURCE_DATE_EPOCH: "1764000000",
    });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code, result.stderr).toBe(0);
    for (const key of Object.values(CANARY)) expect(result.stdout + result.stderr).not.toContain(key);
    return JSON.parse(await readFile(path.join(consumer.dir, SNAPSHOT), "utf8")) as ProviderRegistrySnapshot;
  } finally {
    await providers.close();
  }
}

describe("the Python selector it ships", () => {
  it(
    "installs offline from node_modules and passes the conformance suite shipped beside it",
    { timeout: TIMEOUT * 2 },
    async (context) => {
      const python = pythonOrSkip(context);
      const shipped = path.join(consumer.dir, "node_modules", "provider-registry");
      const target = path.join(consumer.dir, "python-packages");
      await mustRun(
        python,
        [
          "-m",
          "pip",
          "install",
          "--no-index",
          "--no-cache-dir",
          "--disable-pip-version-check",
          "-q",
          "--target",
          target,
          path.join(shipped, "python"),
        ],
        { cwd: consumer.dir },
      );
      const result = await run(
        python,
        ["-m", "provider_registry_selector.conformance", path.join(shipped, "conformance")],
        {
          cwd: consumer.dir,
          env: { ...process.env, PYTHONPATH: target, PYTHONDONTWRITEBYTECODE: "1" },
        },
      );
      expect(result.stdout, result.stderr).toMatch(/^(\d+) of \1 cases pass/m);
    },
  );
});

describe("what npm pack ships", () => {
  it("exactly dist/src, dist/generated, schema, data, conformance, the Python selector, README and package.json", () => {
    const paths = consumer.packed.map((f) => f.path);
    const allowed =
      /^(dist\/src\/|dist\/generated\/|schema\/[^/]+\.schema\.json$|data\/|conformance\/|python\/(pyproject\.toml|README\.md|_backend\/prs_backend\.py|provider_registry_selector\/[^/]+\.py)$|README\.md$|package\.json$|LICENSE)/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    for (const needed of [
      "package.json",
      "README.md",
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/cli/bin.js",
      "dist/src/selector/index.js",
      "dist/src/selector/index.d.ts",
      "dist/generated/validate-snapshot.js",
      "dist/generated/snapshot-types.d.ts",
      "schema/provider-registry-snapshot.schema.json",
      "schema/provider-definition.schema.json",
      "schema/model-catalog.schema.json",
      "data/providers/kimi.json",
      "data/catalog/kimi.json",
      "data/demo/kimi-models.json",
      "conformance/cases.json",
      "conformance/snapshots/demo.json",
      "python/pyproject.toml",
      "python/provider_registry_selector/__init__.py",
      "python/provider_registry_selector/_schema.py",
    ]) {
      expect(paths, needed).toContain(needed);
    }
    // Sources, tests, build scripts and the repo's own tooling stay home.
    expect(
      paths.some(
        (p) =>
          /^(src|test|scripts|generated|docs|\.ci)\//.test(p) ||
          p.startsWith("dist/scripts/") ||
          p.endsWith(".test.js"),
      ),
    ).toBe(false);
  });

  it("every export and the bin point at a file that was shipped", () => {
    const paths = new Set(consumer.packed.map((f) => f.path));
    const targets = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : typeof value === "object" && value !== null
          ? Object.values(value).flatMap(targets)
          : [];
    const exports = Object.entries(consumer.packageJson.exports);
    expect(exports.map(([key]) => key)).toEqual(
      expect.arrayContaining([".", "./selector", "./types", "./schema/snapshot.json"]),
    );
    for (const [key, value] of exports) {
      for (const target of targets(value)) {
        const file = target.replace(/^\.\//, "");
        if (file.includes("*")) {
          const pattern = new RegExp(
            `^${file
              .split("*")
              .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
              .join("[^/]+")}$`,
          );
          expect(
            [...paths].some((p) => pattern.test(p)),
            `${key} → ${target}`,
          ).toBe(true);
        } else {
          expect(paths.has(file), `${key} → ${target}`).toBe(true);
        }
      }
    }
    // Every import with types has them first, as TypeScript requires of conditions.
    for (const [key, value] of exports)
      if (typeof value === "object" && value !== null) expect(Object.keys(value)[0], key).toBe("types");
    for (const bin of Object.values(consumer.packageJson.bin))
      expect(paths.has(bin.replace(/^\.\//, "")), bin).toBe(true);
  });
});

describe("installed with --omit=dev into an empty project", () => {
  it("brings the runtime dependencies and no dev dependency", async () => {
    const modules = await readdir(path.join(consumer.dir, "node_modules"));
    for (const dependency of Object.keys(consumer.packageJson.dependencies))
      expect(modules, dependency).toContain(dependency);
    for (const dev of Object.keys(consumer.packageJson.devDependencies))
      expect(modules, dev).not.toContain(dev.split("/")[0]);
  });

  it("runs no script of its own on install (the build happens before packing, not in the consumer's project)", async () => {
    for (const hook of ["preinstall", "install", "postinstall"])
      expect(Object.keys(consumer.packageJson.scripts), hook).not.toContain(hook);
    // `prepare` builds dist/ after `npm ci` in this repo; npm never runs it for a registry or tarball install, so the
    // installed copy is exactly what was packed.
    const installed = await readdir(path.join(consumer.dir, "node_modules", "provider-registry"));
    expect(installed).not.toContain("src");
    expect(installed).not.toContain("tsconfig.json");
  });

  it("the bin answers --version", { timeout: TIMEOUT }, async () => {
    const result = await npx(["provider-registry", "--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${consumer.packageJson.version}\n`);
  });

  it(
    "the bin registers against loopback providers, with the data and schema it ships, and validates what it wrote",
    { timeout: TIMEOUT },
    async () => {
      const snapshot = await registerThere();
      expect(snapshot.$schema).toBe(SCHEMA_ID);
      expect(snapshot.generator).toEqual({ name: "provider-registry", version: consumer.packageJson.version });
      expect(snapshot.providers.filter((p) => p.probe.status !== "skipped").map((p) => [p.id, p.probe.status])).toEqual(
        [
          ["custom", "ok"],
          ["glm", "ok"],
          ["kimi", "ok"],
          ["openrouter", "ok"],
        ],
      );
      // The built-in catalog came along: a fact only it knows.
      expect(snapshot.models.find((m) => m.id === "glm-4.6")?.sources.contextWindow).toBe("catalog");
      const validated = await npx(["provider-registry", "validate", SNAPSHOT]);
      expect(validated.code, validated.stderr).toBe(0);
    },
  );

  it(
    "imports the selector and the library by their package names and loads the snapshot",
    { timeout: TIMEOUT },
    async () => {
      if (!existsSync(path.join(consumer.dir, SNAPSHOT))) await registerThere();
      await writeFile(
        path.join(consumer.dir, "use-it.mjs"),
        `import { readFileSync } from "node:fs";
import { loadSnapshot, createSelector, SelectionError, SUPPORTED_SCHEMA_VERSION } from "provider-registry/selector";
import { schemaProblems, SCHEMA_VERSION, ConfigError, register } from "provider-registry";

const selector = createSelector(loadSnapshot("${SNAPSHOT}"));
const choice = selector.select({ category: "fast_response" });
let refused;
try {
  selector.select({ model: "no-such-model" });
} catch (error) {
  refused = error instanceof SelectionError ? error.code : String(error);
}
const problems = schemaProblems("provider-registry-snapshot", JSON.parse(readFileSync("${SNAPSHOT}", "utf8")));
console.log(JSON.stringify({ model: choice.model, provider: choice.provider, refused, problems, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSION, register: typeof register, ConfigError: typeof ConfigError }));
`,
      );
      const result = await mustRun(process.execPath, ["use-it.mjs"], { cwd: consumer.dir });
      const out = JSON.parse(result.stdout) as Record<string, unknown>;
      // The same answer this repo's selector gives on the same file.
      const expected = createSelector(loadSnapshot(path.join(consumer.dir, SNAPSHOT))).select({
        category: "fast_response",
      });
      expect(out).toEqual({
        model: expected.model,
        provider: expected.provider,
        refused: "NO_SUCH_MODEL",
        problems: [],
        SCHEMA_VERSION: expect.any(String),
        SUPPORTED_SCHEMA_VERSION: out.SCHEMA_VERSION,
        register: "function",
        ConfigError: "function",
      });
    },
  );

  it("resolves the schema by its export names, and they are the published schema", { timeout: TIMEOUT }, async () => {
    const script = `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
console.log(JSON.stringify(["provider-registry/schema/snapshot.json", "provider-registry/schema/provider-registry-snapshot.schema.json", "provider-registry/schema/model-catalog.json", "provider-registry/schema/provider-definition.json"].map((name) => require(name).$id)));`;
    const result = await mustRun(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer.dir });
    expect(JSON.parse(result.stdout)).toEqual([
      SCHEMA_ID,
      SCHEMA_ID,
      expect.stringMatching(/\/v1\/model-catalog\.schema\.json$/),
      expect.stringMatching(/\/v1\/provider-definition\.schema\.json$/),
    ]);
  });

  it(
    "type-checks against the types the exports point at, and they are real types, not any",
    { timeout: TIMEOUT },
    async () => {
      const tsconfig = {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [path.join(REPO, "node_modules", "@types")],
        },
        files: ["consumer.ts"],
      };
      await writeFile(path.join(consumer.dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
      const good = `import type { ProviderRegistrySnapshot, Model } from "provider-registry/types";
import type { ProviderDefinition } from "provider-registry/types/provider-definition";
import { createSelector, loadSnapshot, type SelectionRequest } from "provider-registry/selector";
import { register, ConfigError, schemaProblems, type RegisterOptions } from "provider-registry";

const snapshot: ProviderRegistrySnapshot = loadSnapshot("${SNAPSHOT}");
const first: Model | undefined = snapshot.models[0];
const request: SelectionRequest = { category: "fast_response", requires: { vision: true } };
const model: string = createSelector(snapshot).select(request).model;
const options: RegisterOptions = { env: {}, cwd: ".", generatorVersion: "1.0.0" };
const problems: string[] = schemaProblems("provider-registry-snapshot", snapshot);
const definition: Pick<ProviderDefinition, "id"> = { id: "lmstudio" };
export { first, model, options, problems, definition, register, ConfigError };
`;
      await writeFile(path.join(consumer.dir, "consumer.ts"), good);
      const ok = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: consumer.dir });
      expect(ok.stdout + ok.stderr).toBe("");
      expect(ok.code).toBe(0);

      await writeFile(
        path.join(consumer.dir, "consumer.ts"),
        `import type { ProviderRegistrySnapshot } from "provider-registry/types";\nexport const s: ProviderRegistrySnapshot = { schemaVersion: 1 };\n`,
      );
      const bad = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: consumer.dir });
      expect(bad.code).not.toBe(0);
      expect(bad.stdout).toMatch(/consumer\.ts\(2,\d+\): error TS\d+: /);
    },
  );

  it(
    "the selector, bundled, minified and gzipped, is small and pulls in nothing but node: builtins",
    { timeout: TIMEOUT },
    async () => {
      const entry = path.join(consumer.installed, "dist", "src", "selector", "index.js");
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        platform: "node",
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const code = result.outputFiles[0]!.contents;
      const gzipped = gzipSync(code, { level: 9 }).length;
      console.log(`provider-registry/selector: ${code.length} bytes bundled and minified, ${gzipped} bytes gzipped`);
      const inputs = Object.keys(result.metafile.inputs).map((i) => path.resolve(i));
      expect(inputs.filter((i) => !i.startsWith(consumer.installed + path.sep))).toEqual([]);
      const external = Object.values(result.metafile.outputs).flatMap((o) =>
        o.imports.filter((i) => i.external).map((i) => i.path),
      );
      expect(external.filter((i) => !i.startsWith("node:"))).toEqual([]);
      expect(gzipped).toBeLessThan(SELECTOR_GZIP_BUDGET);
    },
  );
});

describe("the README's 'In another repo' commands and docs/ci.md's recipes, run as written in the consumer project", () => {
  const block = (predicate: (b: { lang: string; code: string }) => boolean, what: string) => {
    const found = codeBlocks(readme).filter(predicate);
    expect(found, what).toHaveLength(1);
    return found[0]!.code;
  };
  const checkScript = () =>
    block((b) => b.lang === "js" && b.code.startsWith("// check-snapshot.mjs"), "the check-snapshot.mjs block");
  const preCommit = () =>
    block((b) => b.lang === "yaml" && b.code.startsWith("# .pre-commit-config.yaml"), "the pre-commit block");
  const ciJob = () => block((b) => b.lang === "yaml" && b.code.startsWith("# .github/workflows/"), "the CI block");
  const schemafile = (text: string) => {
    const match = /--schemafile"?,?\s+"?([^\s",\]]+)/.exec(text);
    expect(match, "a --schemafile argument").not.toBeNull();
    return match![1]!;
  };

  async function withSnapshot(): Promise<void> {
    if (!existsSync(path.join(consumer.dir, SNAPSHOT))) await registerThere();
  }

  it(
    "check-snapshot.mjs: valid with the consumer's own ajv; a damaged copy fails naming the pointer",
    { timeout: TIMEOUT },
    async () => {
      await withSnapshot();
      await writeFile(path.join(consumer.dir, "check-snapshot.mjs"), checkScript());
      const ok = await run(process.execPath, ["check-snapshot.mjs", SNAPSHOT], { cwd: consumer.dir });
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        new RegExp(`^${SNAPSHOT.replace(/\./g, "\\.")}: valid \\(schema 2\\.\\d+\\.\\d+\\)$`, "m"),
      );

      const damaged = JSON.parse(await readFile(path.join(consumer.dir, SNAPSHOT), "utf8")) as {
        models: { contextWindow: unknown }[];
      };
      damaged.models[0]!.contextWindow = "128k";
      await writeFile(path.join(consumer.dir, "damaged.json"), JSON.stringify(damaged));
      const bad = await run(process.execPath, ["check-snapshot.mjs", "damaged.json"], { cwd: consumer.dir });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("damaged.json: /models/0/contextWindow: must be integer,null");
    },
  );

  it(
    "the pre-commit hook: check-jsonschema's hook id, a files pattern that matches the snapshot, a --schemafile that exists once installed",
    { timeout: TIMEOUT },
    async (context) => {
      await withSnapshot();
      const config = preCommit();
      expect(config).toMatch(
        /repo: https:\/\/github\.com\/python-jsonschema\/check-jsonschema\n\s+rev: \d+\.\d+\.\d+\n/,
      );
      expect(config).toMatch(/- id: check-jsonschema\n/);
      const files = /files: (\S+)/.exec(config)?.[1];
      expect(files).toBeDefined();
      expect(new RegExp(files!).test(SNAPSHOT)).toBe(true);
      expect(new RegExp(files!).test(`sub/${SNAPSHOT}`)).toBe(false);
      const schema = path.join(consumer.dir, schemafile(config));
      expect(existsSync(schema), schema).toBe(true);
      // What the hook runs underneath: Python's jsonschema with that schema file.
      const python = pythonOrSkip(context);
      const [result] = validateWithPython(python, schema, [path.join(consumer.dir, SNAPSHOT)]);
      expect(result!.errors).toEqual([]);
    },
  );

  it("the CI job: each step runs here as written", { timeout: TIMEOUT }, async (context) => {
    await withSnapshot();
    await writeFile(path.join(consumer.dir, "check-snapshot.mjs"), checkScript());
    const steps = [...ciJob().matchAll(/^\s+- run: (.+)$/gm)].map((m) => m[1]!.trim());
    expect(steps[0]).toBe("npm ci");
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps.slice(1)) {
      if (step.startsWith("pipx run check-jsonschema ")) {
        const args = step.slice("pipx run check-jsonschema ".length).split(/\s+/);
        expect(args.at(-1)).toBe(SNAPSHOT);
        const schema = path.join(consumer.dir, schemafile(step));
        expect(existsSync(schema), schema).toBe(true);
        // pipx and the network are not assumed here: the same validator, on the same files.
        const python = pythonOrSkip(context);
        expect(validateWithPython(python, schema, [path.join(consumer.dir, SNAPSHOT)])[0]!.errors).toEqual([]);
        continue;
      }
      const result = await run("sh", ["-c", step], { cwd: consumer.dir });
      expect(result.code, `${step}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
  });

  it("documents the imports the package exports", () => {
    for (const name of Object.keys(consumer.packageJson.exports).filter(
      (k) => !k.includes("*") && k !== "./package.json" && !k.startsWith("./types/"),
    )) {
      expect(readme, name).toContain(
        `\`${name === "." ? "provider-registry" : `provider-registry/${name.slice(2)}`}\``,
      );
    }
  });
});

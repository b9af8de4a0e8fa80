// provider-registry/selector must stay dependency-free: its import graph holds its own modules, the generated
// validator, type-only imports of the generated types, and node:fs and node:buffer in load-snapshot alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { importsOf, importTarget, sourceFiles, type ImportEdge } from "../support/import-graph.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const selectorDir = path.join(root, "src", "selector");
const entry = path.join(selectorDir, "index.ts");
const VALIDATOR = path.join(root, "generated", "validate-snapshot.ts");
const TYPES = path.join(root, "generated", "snapshot-types.ts");

type Edge = ImportEdge;
const edgesOf = importsOf;

function walk(): { files: Set<string>; edges: Edge[] } {
  const files = new Set<string>();
  const edges: Edge[] = [];
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const edge of edgesOf(file)) {
      edges.push(edge);
      if (edge.typeOnly || !edge.specifier.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), edge.specifier.replace(/\.js$/, ".ts"));
      // The generated validator is allowed, and checked for imports of its own below.
      pending.push(target);
    }
  }
  return { files, edges };
}

/** What reading a file needs, and nothing more. */
const LOADER_BUILTINS = new Set(["node:fs", "node:buffer"]);

function problem(edge: Edge): string | null {
  const at = `${path.relative(root, edge.from)} imports "${edge.specifier}"`;
  if (edge.specifier.startsWith("node:")) {
    return LOADER_BUILTINS.has(edge.specifier) && path.basename(edge.from) === "load-snapshot.ts"
      ? null
      : `${at}: only load-snapshot.ts may use a built-in, node:fs or node:buffer`;
  }
  if (!edge.specifier.startsWith(".")) return `${at}: a package or bare built-in`;
  const target = path.resolve(path.dirname(edge.from), edge.specifier.replace(/\.js$/, ".ts"));
  if (target === TYPES)
    return edge.typeOnly ? null : `${at}: the generated types may only be imported with \`import type\``;
  if (target === VALIDATOR) return edge.from.startsWith(selectorDir) ? null : `${at}: unexpected`;
  if (path.dirname(target) === selectorDir) return null;
  return `${at}: outside src/selector`;
}

test("the selector's import graph holds only its own modules, the generated validator and types, and node:fs and node:buffer", () => {
  const { files, edges } = walk();
  expect(files.has(VALIDATOR)).toBe(true);
  expect(files.size).toBeGreaterThan(10);
  expect(edges.map(problem).filter((p) => p !== null)).toEqual([]);
});

test("the generated validator needs nothing at run time", () => {
  expect(edgesOf(VALIDATOR)).toEqual([]);
});

test("no selector module reads the environment, the network or the clock", () => {
  const { files } = walk();
  const banned =
    /\bprocess\s*\.|\bfetch\s*\(|\bglobalThis\b|\bDate\.now\b|\bnew Date\b|\bXMLHttpRequest\b|\bWebSocket\b/;
  const offenders = [...files].filter((f) => f.startsWith(selectorDir) && banned.test(readFileSync(f, "utf8")));
  expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
});

test("the parser sees every kind of import", () => {
  const sample = [
    'import a from "./a.js";',
    'import type { T } from "zod";',
    'import { type U } from "./u.js";',
    'export * from "./b.js";',
    'export type { V } from "./v.js";',
    'import "./side-effect.js";',
    'const c = await import("left-pad");',
    'const d = require("fs");',
  ].join("\n");
  expect(edgesOf("sample.ts", sample).map((e) => [e.specifier, e.typeOnly])).toEqual([
    ["./a.js", false],
    ["zod", true],
    // Under verbatimModuleSyntax this one stays in the output as `import {} from "./u.js"`: not type-only.
    ["./u.js", false],
    ["./b.js", false],
    ["./v.js", true],
    ["./side-effect.js", false],
    ["left-pad", false],
    ["fs", false],
  ]);
});

test("the build side reaches the selector only through its two entries: index.ts (public) and shared.ts", () => {
  const buildSide = sourceFiles(path.join(root, "src")).filter((f) => !f.startsWith(selectorDir));
  const entries = new Set(["index.ts", "shared.ts"].map((f) => path.join(selectorDir, f)));
  const offenders = buildSide.flatMap((file) =>
    importsOf(file)
      .map((edge) => importTarget(edge))
      .filter(
        (target): target is string =>
          target !== undefined && target.startsWith(selectorDir + path.sep) && !entries.has(target),
      )
      .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
  );
  expect(offenders).toEqual([]);
});

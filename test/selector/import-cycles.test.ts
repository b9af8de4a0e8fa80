// No module of the selector imports itself back through others, type-only imports included: a cycle makes the
// load order matter and the modules readable only together.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const selectorDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "selector");

/** Relative imports and re-exports of one module (static or dynamic), as module file names. */
function relativeImports(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\b[^;]*?\bfrom\s*["'](\.[^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["'](\.[^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith("./")).map((s) => s.slice(2).replace(/\.js$/, ".ts"));
}

/** Every cycle found by a depth-first walk, as "a.ts -> b.ts -> a.ts". */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

test("the scan finds a cycle where there is one", () => {
  const graph = new Map([
    ["a.ts", relativeImports(`import type { B } from "./b.js";`)],
    ["b.ts", relativeImports(`import { c } from "./c.js";\nexport { x } from "./other.js";`)],
    ["c.ts", relativeImports(`const a = await import("./a.js");`)],
  ]);
  expect(cycles(graph)).toEqual(["a.ts -> b.ts -> c.ts -> a.ts"]);
});

test("src/selector has no import cycles", () => {
  const files = readdirSync(selectorDir).filter((f) => f.endsWith(".ts"));
  const graph = new Map(files.map((f) => [f, relativeImports(readFileSync(path.join(selectorDir, f), "utf8"))]));
  expect(graph.get("select.ts")).toContain("snapshot-index.ts"); // the scan sees the imports
  expect(cycles(graph)).toEqual([]);
});

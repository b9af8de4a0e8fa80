// The build side reads top-down: no module imports itself back through others, and no command imports another
// (what two commands share lives in a module of its own under src/cli/).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { importCycles, importsOf, importTarget, sourceFiles } from "../support/import-graph.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const src = path.join(root, "src");
const selector = path.join(src, "selector");
const commands = path.join(src, "cli", "commands");
const relative = (file: string) => path.relative(root, file);

test("no import cycle at run time anywhere in src/ (imports that survive compilation)", () => {
  const cycles = importCycles(sourceFiles(src), (edge) => !edge.typeOnly);
  expect(cycles.map((c) => c.map(relative).join(" → "))).toEqual([]);
});

test("no import cycle anywhere in src/, type-only imports included", () => {
  const files = sourceFiles(src);
  expect(files.filter((f) => f.startsWith(selector + path.sep)).length).toBeGreaterThan(10);
  expect(importCycles(files).map((c) => c.map(relative).join(" → "))).toEqual([]);
});

test("no command imports another command", () => {
  const files = sourceFiles(commands);
  expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["demo.ts", "register.ts", "select.ts"]));
  const offenders = files.flatMap((file) =>
    importsOf(file)
      .filter((edge) => importTarget(edge)?.startsWith(commands + path.sep))
      .map((edge) => `${relative(file)} imports "${edge.specifier}"`),
  );
  expect(offenders).toEqual([]);
});

test("the cycle search finds a cycle through type-only and value imports, and none where there is none", () => {
  const files = ["a.ts", "b.ts", "c.ts"].map((f) => path.join(src, "__sample__", f));
  const text: Record<string, string> = {
    "a.ts": 'import { b } from "./b.js";',
    "b.ts": 'import type { C } from "./c.js";',
    "c.ts": 'export * from "./a.js";',
  };
  const read = (file: string) => importsOf(file, text[path.basename(file)]);
  expect(importCycles(files, () => true, read).map((c) => c.map((f) => path.basename(f)))).toEqual([
    ["a.ts", "b.ts", "c.ts", "a.ts"],
  ]);
  expect(importCycles(files, (edge) => !edge.typeOnly, read)).toEqual([]);
});

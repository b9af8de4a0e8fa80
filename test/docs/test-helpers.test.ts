// The test suite's own rules: shared helpers live once in test/support/, and commands get their collaborators passed
// in, so no test replaces one of our modules with vi.mock.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { sourceFiles } from "../support/import-graph.js";

const TEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SUPPORT = path.join(TEST, "support");
const THIS = fileURLToPath(import.meta.url);
const files = sourceFiles(TEST).filter((f) => f !== THIS);

const offenders = (pattern: RegExp, where: readonly string[]) =>
  where.filter((f) => pattern.test(readFileSync(f, "utf8"))).map((f) => path.relative(TEST, f));

test("no test mocks a module of ours: collaborators are parameters", () => {
  expect(files.length).toBeGreaterThan(50);
  expect(offenders(/\bvi\s*\.\s*(?:do)?[mM]ock\s*\(\s*["'`]\./, files)).toEqual([]);
});

test("one model finder and one catalog entry builder, in test/support/", () => {
  const elsewhere = files.filter((f) => !f.startsWith(SUPPORT + path.sep));
  expect(offenders(/\.find\(\(m\) => m\.provider === provider && m\.id === id\)/, elsewhere)).toEqual([]);
  expect(offenders(/\bname: `Catalog \$\{id\}`/, elsewhere)).toEqual([]);
});

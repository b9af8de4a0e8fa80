// Every warning code the source gives is in src/diagnostics/codes.ts, so that --fail-on can name it and
// --fail-on-warnings knows whether it is about the configuration.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONFIGURATION_WARNING_CODES,
  DATA_WARNING_CODES,
  parseFailOnCodes,
  WARNING_CODES,
} from "../../src/diagnostics/codes.js";
import { packageRoot } from "../../src/core/package-root.js";

/** Codes only ever given at level info: nothing to fail on. */
const INFO_CODES = ["MODEL_UNVERIFIED", "NO_PREFERENCE", "VARIABLE_NOT_USED"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("warning codes", () => {
  const given = new Set<string>();
  for (const file of sourceFiles(path.join(packageRoot, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/code: "([A-Z][A-Z0-9_]+)"/g)) given.add(m[1]!);
    for (const m of text.matchAll(/warn\(\s*"([A-Z][A-Z0-9_]+)"/g)) given.add(m[1]!);
  }

  it("every code the source gives is a known warning code or an info code", () => {
    const unknown = [...given].filter(
      (c) =>
        !WARNING_CODES.includes(c) &&
        !INFO_CODES.includes(c) &&
        !["USAGE", "CONFIG", "INVALID", "PROBE_FAILED", "LARGE_CHANGE"].includes(c),
    );
    expect(unknown).toEqual([]);
  });

  it("every listed code is given somewhere, and in one class only", () => {
    for (const code of WARNING_CODES) expect(given, code).toContain(code);
    expect(CONFIGURATION_WARNING_CODES.filter((c) => (DATA_WARNING_CODES as readonly string[]).includes(c))).toEqual(
      [],
    );
  });

  it.each([
    { words: ["UNKNOWN_MODEL", "MODEL_DEPRECATED"], codes: ["MODEL_DEPRECATED", "UNKNOWN_MODEL"], unknown: [] },
    { words: ["UNCATALOGUED_MODELS"], codes: ["UNCATALOGUED_MODELS"], unknown: [] },
    { words: ["MODEL_DEPRECATD"], codes: [], unknown: ["MODEL_DEPRECATD (did you mean MODEL_DEPRECATED?)"] },
    { words: ["NOTHING_LIKE_IT_AT_ALL"], codes: [], unknown: ["NOTHING_LIKE_IT_AT_ALL"] },
  ])("parseFailOnCodes($words)", ({ words, codes, unknown }) => {
    const parsed = parseFailOnCodes(words);
    expect([...parsed.codes].sort()).toEqual(codes);
    expect(parsed.unknown).toEqual(unknown);
  });
});

// The conformance suite is what the TypeScript selector answers today (regenerate with `npm run conformance`), it
// covers every rule and error code of docs/selection.md, and the package ships it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_DIR, renderConformance } from "../../scripts/conformance/suite.js";
import { packageRoot } from "../../src/core/package-root.js";
import { SUPPORTED_SCHEMA_VERSION } from "../../src/selector/index.js";

interface Case {
  id: string;
  kind: "select" | "load" | "cli";
  request?: unknown;
  argv?: string[];
  expect: {
    error?: { code: string };
    trace?: { rule: string; outcome: string }[];
    exitCode?: number;
    stdout?: unknown;
    ok?: boolean;
  };
}

const rendered = await renderConformance();
const suite = JSON.parse(rendered.get(`${CONFORMANCE_DIR}/cases.json`)!) as {
  schemaVersion: string;
  format: number;
  cases: Case[];
};

describe("conformance suite", () => {
  it("is what `npm run conformance` writes today (run it if this fails)", async () => {
    for (const [rel, expected] of rendered) {
      let committed: string;
      try {
        committed = readFileSync(path.join(packageRoot, rel), "utf8");
      } catch {
        committed = "(missing)";
      }
      expect(committed === expected, `${rel} is stale: run npm run conformance`).toBe(true);
    }
  });

  it("is versioned with the schema the selector reads", () => {
    expect(suite.schemaVersion).toBe(SUPPORTED_SCHEMA_VERSION);
    expect(suite.format).toBe(1);
  });

  it("covers every trace rule, every outcome and every error code of docs/selection.md", () => {
    const doc = readFileSync(path.join(packageRoot, "docs", "selection.md"), "utf8");
    const traceTable = doc.slice(doc.indexOf("| `rule` | outcome | meaning |"), doc.indexOf("## Errors"));
    const rules = [...traceTable.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((r) => r !== "rule");
    const errorTable = doc.slice(doc.indexOf("## Errors"), doc.indexOf("## The command"));
    const codes = [...errorTable.matchAll(/`([A-Z_]{6,})`/g)].map((m) => m[1]!);
    expect(rules.length).toBeGreaterThan(20);
    expect(codes.length).toBeGreaterThanOrEqual(10);

    const seenRules = new Set<string>();
    const seenOutcomes = new Set<string>();
    const seenCodes = new Set<string>();
    for (const c of suite.cases) {
      for (const e of c.expect.trace ?? []) {
        seenRules.add(e.rule);
        seenOutcomes.add(e.outcome);
      }
      if (c.expect.error) seenCodes.add(c.expect.error.code);
      for (const line of Array.isArray(c.expect.stdout) ? c.expect.stdout : [c.expect.stdout]) {
        const code = (line as { error?: { code?: string } } | undefined)?.error?.code;
        if (code) seenCodes.add(code);
      }
    }
    expect(
      [...rules].filter((r) => !seenRules.has(r)),
      "trace rules no case shows",
    ).toEqual([]);
    expect([...seenOutcomes].sort()).toEqual(["chosen", "dropped", "fallback"]);
    expect(
      codes.filter((code) => !seenCodes.has(code)),
      "error codes no case expects",
    ).toEqual([]);
    expect(seenCodes.has("USAGE")).toBe(true);
  });

  it("has cases of each kind, many of them, with unique ids", () => {
    const ids = suite.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kinds = suite.cases.reduce<Record<string, number>>((n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }), {});
    expect(kinds.select).toBeGreaterThan(500);
    expect(kinds.load).toBeGreaterThan(10);
    expect(kinds.cli).toBeGreaterThan(25);
  });

  it("every command-line case with --json or --stdin has something on stdout to parse", () => {
    for (const c of suite.cases.filter((x) => x.kind === "cli")) {
      if (c.argv!.includes("--json") || c.argv!.includes("--stdin")) {
        const empty = c.expect.stdout === undefined || (Array.isArray(c.expect.stdout) && c.expect.stdout.length === 0);
        const emptyInput = c.id === "cli/stdin/empty-input";
        expect(empty && !emptyInput, `${c.id} printed nothing`).toBe(false);
      }
    }
  });

  it("ships in the package", () => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("conformance");
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderGeneratedFiles, repoRoot } from "../../scripts/generated-files.js";

describe("generated/", () => {
  it("is what `npm run generate` would write from the schema today (run it if this fails)", async () => {
    const files = await renderGeneratedFiles();
    expect(files.size).toBeGreaterThanOrEqual(4);
    for (const [rel, expected] of files) {
      const committed = await readFile(path.join(repoRoot, rel), "utf8").catch(() => "(missing)");
      expect(committed, `${rel} is stale: run npm run generate`).toBe(expected);
      expect(committed).toMatch(/DO NOT EDIT BY HAND/);
    }
  });

  it("the standalone validator imports nothing, so the selector stays dependency-free", async () => {
    const code = await readFile(path.join(repoRoot, "generated/validate-snapshot.ts"), "utf8");
    expect(code).not.toMatch(/\brequire\(|^\s*import\s/m);
  });
});

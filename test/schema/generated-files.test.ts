import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderGeneratedFiles, repoRoot, withoutAnnotations } from "../../scripts/generated-files.js";

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

  it("the validator is compiled without annotations, but keeps a property, a $defs entry or an enum value named like one", () => {
    const schema = {
      $id: "x",
      title: "T",
      description: "prose",
      type: "object",
      required: ["description"],
      properties: {
        description: { type: "string", description: "prose", $comment: "c" },
        title: { enum: ["title", { description: "kept" }] },
        list: { type: "array", items: { description: "prose", type: "string" } },
        choice: { oneOf: [{ type: "null", examples: [null] }, { const: { title: "kept" } }] },
      },
      additionalProperties: { description: "prose" },
      $defs: { description: { title: "T", type: "number" } },
    };
    expect(withoutAnnotations(schema)).toEqual({
      $id: "x",
      type: "object",
      required: ["description"],
      properties: {
        description: { type: "string" },
        title: { enum: ["title", { description: "kept" }] },
        list: { type: "array", items: { type: "string" } },
        choice: { oneOf: [{ type: "null" }, { const: { title: "kept" } }] },
      },
      additionalProperties: {},
      $defs: { description: { type: "number" } },
    });
  });

  it("the shipped validator carries none of the schema's prose", async () => {
    const code = await readFile(path.join(repoRoot, "generated/validate-snapshot.ts"), "utf8");
    const schema = JSON.parse(await readFile(path.join(repoRoot, "schema/provider-registry-snapshot.schema.json"), "utf8"));
    const descriptions: string[] = [];
    JSON.stringify(schema, (key, value: unknown) => {
      if (key === "description" && typeof value === "string") descriptions.push(value);
      return value;
    });
    expect(descriptions.length).toBeGreaterThan(10);
    expect(descriptions.filter((d) => code.includes(JSON.stringify(d).slice(1, -1)))).toEqual([]);
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import validateSnapshot from "../../generated/validate-snapshot.js";
import {
  inlineFieldTests,
  renderGeneratedFiles,
  repoRoot,
  snapshotFormats,
  withoutAnnotations,
} from "../../scripts/generated-files.js";
import { readJson } from "../support/inputs.js";

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

  it("field-name tests are inlined as comparisons with the schema's names, and only where the names are known", () => {
    const code =
      'const func3 = Object.prototype.hasOwnProperty;const schema9 = {"type":"object","properties":{"a":{},"b\\";}":{"x":"]}"},"c":{"properties":{"d":{}}}}};' +
      "if(!func3.call(schema9.properties, key0)){}if(!func3.call(schema9.properties.c.properties, key1)){}" +
      "if(!func3.call(schema9.properties.a.properties, key2)){}if(!func3.call(schema7.properties, key3)){}";
    expect(inlineFieldTests(code)).toBe(
      code
        .replace("func3.call(schema9.properties, key0)", '(key0 === "a" || key0 === "b\\";}" || key0 === "c")')
        .replace("func3.call(schema9.properties.c.properties, key1)", '(key1 === "d")'),
    );
    expect(inlineFieldTests("const x = 1;")).toBe("const x = 1;");
  });

  it("the shipped validator refuses the same fields as ajv compiling the schema, names of Object.prototype included", async () => {
    const schema = JSON.parse(await readFile(path.join(repoRoot, "schema/provider-registry-snapshot.schema.json"), "utf8"));
    const ajv = new Ajv2020({ strict: true, allErrors: true, formats: snapshotFormats() });
    const reference = ajv.compile(schema);
    const base = readJson<Record<string, unknown>>("test/fixtures/snapshots/demo-register.json");
    const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "x"];
    const errorsOf = (validate: typeof reference, data: unknown) =>
      validate(data)
        ? []
        : validate.errors!.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();
    for (const name of names) {
      // JSON.parse, so that "__proto__" is a field and not the object's prototype.
      const withField = (at: (s: any) => Record<string, unknown>) => {
        const s = structuredClone(base) as any;
        const target = at(s);
        const copy = JSON.parse(JSON.stringify(target).replace(/^\{/, `{${JSON.stringify(name)}:1,`));
        for (const key of Object.keys(target)) delete target[key];
        Object.defineProperty(target, name, { value: 1, enumerable: true, writable: true, configurable: true });
        Object.assign(target, copy);
        return s;
      };
      for (const at of [
        (s: any) => s,
        (s: any) => s.models[0],
        (s: any) => s.models[0].sources,
        (s: any) => s.models[0].capabilities,
        (s: any) => s.models.find((m: any) => m.pricing !== null).pricing,
        (s: any) => s.policy,
        (s: any) => s.providers[0],
      ]) {
        const data = withField(at);
        const expected = errorsOf(reference, data);
        expect(expected.length, name).toBeGreaterThan(0);
        expect(errorsOf(validateSnapshot as unknown as typeof reference, data), name).toEqual(expected);
      }
    }
  });
});

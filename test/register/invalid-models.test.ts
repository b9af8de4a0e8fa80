// A model the snapshot schema refuses is left out and named (MODEL_INVALID); the run and every other model go on.
// Any other schema problem is a bug of ours and still stops the run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import { loadBuiltinCatalog, type Catalog, type CatalogEntry } from "../../src/catalog/load-catalog.js";
import { register } from "../../src/register.js";
import { invalidModelDiagnostic, invalidModels } from "../../src/validate/invalid-models.js";
import { schemaProblems } from "../../src/validate/schema-validator.js";
import { catalogEntry } from "../support/catalog-entry.js";
import { demoList, startProviderServers, type ProviderServers } from "../support/provider-servers.js";

const models = [
  { provider: "kimi", id: "kimi-a" },
  { provider: "glm", id: "glm-b" },
] as unknown as Model[];

describe("invalidModels: which models the schema's problems blame", () => {
  it.each([
    {
      name: "one field of one model",
      problems: ["/models/1/tier: must be equal to one of the allowed values"],
      blamed: [["glm", "glm-b", ["/tier: must be equal to one of the allowed values"]]],
    },
    {
      name: "two problems of one model, one of another",
      problems: [
        "/models/0/contextWindow: must be >= 1",
        "/models/0/name: must NOT have more than 300 characters",
        "/models/1: must have required property 'kind'",
      ],
      blamed: [
        ["kimi", "kimi-a", ["/contextWindow: must be >= 1", "/name: must NOT have more than 300 characters"]],
        ["glm", "glm-b", ["/: must have required property 'kind'"]],
      ],
    },
    {
      name: "a problem outside the models",
      problems: ["/models/0/tier: bad", "/policy/defaultModel: bad"],
      blamed: undefined,
    },
    { name: "the models array itself", problems: ["/models: must be array"], blamed: undefined },
    { name: "an index past the end", problems: ["/models/7/tier: bad"], blamed: undefined },
  ])("$name", ({ problems, blamed }) => {
    const found = invalidModels(problems, models);
    expect(found?.map((m) => [m.provider, m.id, m.problems])).toEqual(blamed);
  });

  it("names the model and the field; an id the schema refuses is neither written nor printed", () => {
    const named = invalidModelDiagnostic({
      provider: "kimi",
      id: "kimi-a",
      problems: ["/tier: must be equal to one of the allowed values"],
    });
    expect(named).toMatchObject({ level: "warning", code: "MODEL_INVALID", provider: "kimi", model: "kimi-a" });
    expect(named.message).toContain("kimi-a at kimi has a fact the snapshot schema refuses (/tier:");
    const badId = invalidModelDiagnostic({
      provider: "kimi",
      id: "bad\u001b[2Jid",
      problems: ["/id: must match pattern"],
    });
    expect(badId).not.toHaveProperty("model");
    expect(badId.message).not.toContain("\u001b");
  });
});

describe("register: a catalog fact the schema refuses costs one model, not the run", () => {
  let servers: ProviderServers;
  let catalog: Catalog;
  let victim: string;
  beforeAll(async () => {
    servers = await startProviderServers();
    const builtin = await loadBuiltinCatalog();
    victim = (demoList("kimi") as { data: { id: string }[] }).data[0]!.id;
    // A tier the schema does not know, for a model the provider lists: the catalog is the only layer with a tier.
    const bad = catalogEntry(victim, { tier: "gigantic" as CatalogEntry["tier"] });
    catalog = new Map([...builtin, ["kimi", [...(builtin.get("kimi") ?? []).filter((e) => e.id !== victim), bad]]]);
  });
  afterAll(async () => {
    await servers?.close();
  });

  it("leaves the model out, names it, and keeps everything else valid", async () => {
    const result = await register({
      env: servers.env,
      cwd: process.cwd(),
      generatorVersion: "test",
      catalog,
      now: () => Date.UTC(2026, 11, 1),
    });
    const { snapshot } = result;
    expect(schemaProblems("provider-registry-snapshot", snapshot)).toEqual([]);
    expect(snapshot.models.some((m) => m.provider === "kimi" && m.id === victim)).toBe(false);
    expect(snapshot.models.filter((m) => m.provider === "kimi").length).toBeGreaterThan(0);
    expect(snapshot.models.some((m) => m.provider === "glm")).toBe(true);
    const warning = snapshot.diagnostics.find((d) => d.code === "MODEL_INVALID");
    expect(warning).toMatchObject({ level: "warning", provider: "kimi", model: victim });
    expect(warning?.message).toContain("/tier:");
  });
});

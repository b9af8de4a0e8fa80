// The predecessor's 18 Kimi ids (kimi-latest-128k first; test/fixtures/real/kimi-predecessor-18.json) with the real
// LiteLLM and models.dev catalogs: every listed id a model of its own, one count everywhere, the unknown id named,
// and the built-in catalog's nulls filled by the community catalogs.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { modelListHandler, startLoopbackServer } from "../../src/cli/demo/loopback-server.js";
import { runCli } from "../support/run-cli.js";
import { createSelector } from "../../src/selector/index.js";
import {
  KIMI_PREDECESSOR,
  LITELLM,
  MODELS_DEV_2026,
  readReal,
  registerReal,
  type RealRun,
} from "../support/real-data.js";

const LIST = readReal(KIMI_PREDECESSOR) as { data: { id: string }[] };
const IDS = LIST.data.map((m) => m.id);

describe("the predecessor's Kimi list, with LiteLLM and models.dev beneath", () => {
  let run: RealRun;
  beforeAll(async () => {
    run = await registerReal({ kimi: LIST }, { day: "2026-08-01", catalogFiles: [MODELS_DEV_2026, LITELLM] });
  }, 60_000);

  it("lists 18 ids, and every one is a listed model under its own name", () => {
    expect(IDS).toHaveLength(18);
    expect(IDS[0]).toBe("kimi-latest-128k");
    const listed = run.snapshot.models
      .filter((m) => m.provider === "kimi" && m.availability === "listed")
      .map((m) => m.id);
    expect(listed.sort()).toEqual([...IDS].sort());
  });

  it.each([
    ["kimi-k2-0905", "kimi-k2-0905-preview"],
    ["kimi-k2-turbo", "kimi-k2-turbo-preview"],
  ])("%s and %s, both listed, stay two models, and a request for the first gets the first", (alias, canonical) => {
    expect(run.model("kimi", alias).availability).toBe("listed");
    expect(run.model("kimi", canonical).aliases.map((a) => a.toLowerCase())).not.toContain(alias);
    const selector = createSelector(run.snapshot);
    expect(selector.select({ model: alias }).model).toBe(alias);
    expect(selector.select({ model: canonical }).model).toBe(canonical);
  });

  it("one count of Kimi's models: the probe, the no-preference note and the listed models agree", () => {
    expect(run.snapshot.providers.find((p) => p.id === "kimi")?.probe.modelCount).toBe(18);
    const note = run.snapshot.diagnostics.find((d) => d.code === "NO_PREFERENCE" && d.provider === "kimi");
    expect(note?.message).toMatch(/^kimi lists 18 models/);
  });

  it("the uncatalogued kimi-latest-128k-vision is undescribed, an inferred moving alias, and named once", () => {
    expect(run.model("kimi", "kimi-latest-128k-vision")).toMatchObject({
      described: false,
      movingAlias: true,
      sources: { movingAlias: "inferred" },
    });
    // Every other listed id is described by a catalog.
    const undescribed = run.snapshot.models.filter((m) => m.described === false).map((m) => m.id);
    expect(undescribed).toEqual(["kimi-latest-128k-vision"]);
    const notes = run.snapshot.diagnostics.filter((d) => d.code === "UNCATALOGUED_MODELS");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: "warning", provider: "kimi" });
    expect(notes[0]!.message).toContain("kimi-latest-128k-vision");
    expect(notes[0]!.message).toContain("--catalog");
  });

  // The built-in catalog leaves these prices null ("not known here"); the community catalogs know them.
  it.each([
    { id: "kimi-latest", input: 2, output: 5, source: "overlay:litellm" },
    { id: "kimi-thinking-preview", input: 0.6, output: 2.5, source: "overlay:litellm" },
    { id: "moonshot-v1-auto", input: 2, output: 5, source: "overlay:litellm" },
    { id: "kimi-k2.7-code", input: 0.95, output: 4, source: "overlay:models.dev" },
  ])("$id is priced by $source ($input/$output)", ({ id, input, output, source }) => {
    const model = run.model("kimi", id);
    expect(model.pricing).toMatchObject({ input, output });
    expect(model.sources.pricing).toBe(source);
  });

  it("retirement dates: the built-in catalog's, which LiteLLM's deprecation_date agrees with", () => {
    expect(run.model("kimi", "kimi-latest")).toMatchObject({
      retiresAt: "2026-01-28",
      status: "deprecated",
      sources: { retiresAt: "catalog" },
    });
    expect(run.model("kimi", "kimi-k2-0905")).toMatchObject({ retiresAt: "2026-05-25", status: "deprecated" });
    // Only the undescribed id has no date: nobody knows it.
    expect(run.model("kimi", "kimi-latest-128k-vision").retiresAt).toBeUndefined();
  });
});

describe("the same list without a community catalog", () => {
  let run: RealRun;
  beforeAll(async () => {
    run = await registerReal({ kimi: LIST }, { day: "2026-08-01" });
  }, 60_000);

  it("a built-in null stays unknown, sourced default rather than catalog", () => {
    expect(run.model("kimi", "kimi-latest")).toMatchObject({ pricing: null, sources: { pricing: "default" } });
  });

  it("the built-in kimi-latest* entries are moving aliases by the catalog's word, not inferred", () => {
    expect(run.model("kimi", "kimi-latest-128k")).toMatchObject({
      movingAlias: true,
      sources: { movingAlias: "catalog" },
    });
  });
});

describe("one count of Kimi's models on the command line", () => {
  it("the progress line, the no-preference note and the summary all say 18", async () => {
    const server = await startLoopbackServer(modelListHandler(LIST, { prefix: "/v1", apiKey: "kimi-test-key" }));
    const cwd = await mkdtemp(path.join(tmpdir(), "kimi-count-"));
    try {
      const run = await runCli(["register"], {
        env: {
          KIMI_API_URL: `${server.origin}/v1`,
          KIMI_API_KEY: "kimi-test-key",
          ALLOWED_PROVIDERS: "kimi",
          SOURCE_DATE_EPOCH: "1785585600",
        },
        cwd,
      });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^kimi\s+ok\s+listed 18 models/m);
      expect(run.stderr).toMatch(/\[NO_PREFERENCE\] kimi lists 18 models/);
      expect(run.stderr).toMatch(/wrote provider_registry_snapshot\.json: 18 models to route \(kimi 18\)/);
    } finally {
      await server.close();
      await rm(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});

// The large changes flagged against the previous snapshot, each at its threshold; and --fail-on's names.
import { describe, expect, it } from "vitest";
import type { Pricing, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { largeChanges, parseFailOn, priceJumps } from "../../src/compare/large-changes.js";
import { markdownReport, shortSummary, textReport } from "../../src/compare/format-changes.js";
import { compareSnapshots } from "../../src/compare/compare-snapshots.js";
import { readJson } from "../support/inputs.js";
import { findModel as model } from "../support/find-model.js";

const BASE = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");

function after(mutation: (s: ProviderRegistrySnapshot) => void): ProviderRegistrySnapshot {
  const copy = structuredClone(BASE);
  mutation(copy);
  return copy;
}

const price = (input: number, output: number): Pricing => ({
  currency: "USD",
  unit: "per_million_tokens",
  input,
  output,
  source: "probe",
});
const unlist = (s: ProviderRegistrySnapshot, provider: string, keep: number) => {
  const routable = s.models.filter((m) => m.provider === provider && m.availability === "listed");
  for (const m of routable.slice(keep)) m.availability = "not_listed";
};

describe("largeChanges", () => {
  // glm has 6 listed models in the fixture, kimi 6, openrouter 5.
  it.each([
    ["nothing changed", () => undefined, []],
    [
      "a price up exactly tenfold",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").pricing!.input = 6),
      [],
    ],
    [
      "a price up more than tenfold",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").pricing!.input = 6.01),
      ["PRICE_JUMP glm/glm-4.6"],
    ],
    [
      "a price down more than tenfold",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").pricing!.output = 0.2),
      ["PRICE_JUMP glm/glm-4.6"],
    ],
    [
      "a free model that starts to cost",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.5-flash").pricing!.output = 0.01),
      ["PRICE_JUMP glm/glm-4.5-flash"],
    ],
    [
      "a paid model that becomes free",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").pricing = price(0, 0)),
      ["PRICE_JUMP glm/glm-4.6"],
    ],
    ["a price that becomes unknown", (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").pricing = null), []],
    [
      "a context window that shrinks",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").contextWindow = 128000),
      ["CONTEXT_SHRANK glm/glm-4.6"],
    ],
    [
      "a context window that grows",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").contextWindow = 409600),
      [],
    ],
    [
      "a routable model gone",
      (s: ProviderRegistrySnapshot) => (s.models = s.models.filter((m) => m.id !== "glm-4.6")),
      ["MODEL_DISAPPEARED glm/glm-4.6"],
    ],
    [
      "a routable model no longer listed",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").availability = "not_listed"),
      ["MODEL_DISAPPEARED glm/glm-4.6"],
    ],
    [
      "a routable model now stale (kept)",
      (s: ProviderRegistrySnapshot) => (model(s, "glm", "glm-4.6").availability = "stale"),
      [],
    ],
    [
      "a model that was not routable gone",
      (s: ProviderRegistrySnapshot) => (s.models = s.models.filter((m) => m.id !== "glm-4.5-x")),
      [],
    ],
    [
      "a list down by exactly half",
      (s: ProviderRegistrySnapshot) => unlist(s, "glm", 3),
      ["MODEL_DISAPPEARED glm/glm-4.6", "MODEL_DISAPPEARED glm/glm-4.5v", "MODEL_DISAPPEARED glm/glm-4.5-flash"],
    ],
    [
      "a list down by more than half",
      (s: ProviderRegistrySnapshot) => unlist(s, "glm", 2),
      [
        "LIST_SHRANK glm",
        "MODEL_DISAPPEARED glm/glm-4.6",
        "MODEL_DISAPPEARED glm/glm-4.5v",
        "MODEL_DISAPPEARED glm/glm-4.5-flash",
        "MODEL_DISAPPEARED glm/glm-4.5-air",
      ],
    ],
  ])("%s", (_name, mutation, expected) => {
    const flagged = largeChanges(BASE, after(mutation)).map(
      (c) => `${c.diagnostic.code} ${c.diagnostic.provider}${c.diagnostic.model ? `/${c.diagnostic.model}` : ""}`,
    );
    expect(flagged.sort()).toEqual([...expected].sort());
  });

  it("each is a warning diagnostic that names the provider, the model and the numbers", () => {
    const [change] = largeChanges(
      BASE,
      after((s) => (model(s, "glm", "glm-4.6").contextWindow = 128000)),
    );
    expect(change).toEqual({
      kind: "context-shrank",
      diagnostic: {
        level: "warning",
        code: "CONTEXT_SHRANK",
        provider: "glm",
        model: "glm-4.6",
        message: "glm/glm-4.6: context window 204800 → 128000.",
      },
    });
    const [shrank] = largeChanges(
      BASE,
      after((s) => unlist(s, "kimi", 1)),
    ).filter((c) => c.kind === "list-shrank");
    expect(shrank?.diagnostic.message).toBe(
      "kimi has 1 routable model, down from 6 in the previous snapshot: more than half are gone.",
    );
  });

  it.each([
    ["the same", price(1, 2), price(1, 2), []],
    ["exactly tenfold", price(1, 2), price(10, 20), []],
    ["more than tenfold", price(1, 2), price(10.5, 2), ["input moved more than 10-fold: 1 → 10.5"]],
    ["free to paid", price(0, 0), price(0.5, 0), ["input crossed zero: 0 → 0.5"]],
    [
      "paid to free, and down fifteenfold",
      price(3, 30),
      price(0, 2),
      ["input crossed zero: 3 → 0", "output moved more than 10-fold: 30 → 2"],
    ],
    [
      "cached input",
      { ...price(1, 2), cachedInput: 0.5 },
      { ...price(1, 2), cachedInput: 0.01 },
      ["cachedInput moved more than 10-fold: 0.5 → 0.01"],
    ],
    ["unknown to known", null, price(100, 100), []],
  ])("priceJumps: %s", (_name, before, after, expected) => {
    expect(priceJumps(before, after)).toEqual(expected);
  });
});

describe("parseFailOn", () => {
  it.each([
    [["price-jump"], ["price-jump"], []],
    [["price-jump,context-shrank", "MODEL-DISAPPEARED"], ["context-shrank", "model-disappeared", "price-jump"], []],
    [["any"], ["context-shrank", "list-shrank", "model-disappeared", "price-jump"], []],
    [["price-jump, prices"], ["price-jump"], ["prices"]],
    [[""], [], []],
  ])("%j", (values, kinds, unknown) => {
    const parsed = parseFailOn(values);
    expect([...parsed.kinds].sort()).toEqual(kinds);
    expect(parsed.unknown).toEqual(unknown);
  });
});

describe("reports of changes", () => {
  const changes = compareSnapshots(
    BASE,
    after((s) => {
      s.models = s.models.filter((m) => m.id !== "glm-4.5-air");
      model(s, "glm", "glm-4.6").pricing!.output = 2.5;
      s.diagnostics.push({
        level: "warning",
        code: "ODD",
        provider: "glm",
        message: "a | pipe, *stars* and `ticks`\non two lines",
      });
    }),
  );

  it("text: breaking first, then the rest with diagnostics last, then a count", () => {
    expect(textReport(changes)).toBe(
      [
        "Breaking changes (1):",
        "  glm/glm-4.5-air: model removed (was listed)",
        "",
        "Other changes (2):",
        "  glm/glm-4.6: price 0.6/2.2, cached 0.11 USD per million tokens (in/out) → 0.6/2.5, cached 0.11 USD per million tokens (in/out)",
        "  glm: new warning [ODD] a | pipe, *stars* and `ticks`\non two lines",
        "",
        "3 changes, 1 breaking (0 models added, 1 removed).",
        "",
      ].join("\n"),
    );
  });

  it("Markdown: one table row per change, whatever the text holds", () => {
    const markdown = markdownReport(changes);
    expect(markdown).toMatch(/^## Provider registry changes\n/);
    const rows = markdown
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| where") && !line.startsWith("| ---"));
    expect(rows).toHaveLength(3);
    // Each row has exactly three unescaped pipes: the message's pipe and line break cannot split it.
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(4);
    expect(markdown).toContain("### ⚠️ Breaking (1)");
    expect(markdown).toContain("| `glm/glm-4.5-air` | model removed (was listed) |");
  });

  it("the --check summary stops after a few lines and says how many more", () => {
    expect(shortSummary(changes, 1)).toBe(
      "  breaking: glm/glm-4.5-air: model removed (was listed)\n  … and 2 more (provider-registry diff shows them all)\n",
    );
  });
});

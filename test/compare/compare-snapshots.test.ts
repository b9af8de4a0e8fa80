// compareSnapshots: every kind of change, its place and whether it breaks consumers; and it sees exactly what the content hash sees.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { compareSnapshots, type Change } from "../../src/compare/compare-snapshots.js";
import { contentHash } from "../../src/snapshot/content-hash.js";
import { readJson } from "../support/inputs.js";
import { findModel as model } from "../support/find-model.js";

const BASE = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");

type Mutation = (s: ProviderRegistrySnapshot) => void;

function mutated(mutation: Mutation): ProviderRegistrySnapshot {
  const copy = structuredClone(BASE);
  mutation(copy);
  return copy;
}

/** The changes without before/after, for compact expectations. */
function shapes(changes: readonly Change[]) {
  return changes.map(({ kind, provider, model, field, breaking }) => ({ kind, provider, model, field, breaking }));
}

const K2 = "kimi-k2-0905-preview";

// [name, mutation of NEW, the changes expected (before/after aside)]
const CASES: [string, Mutation, Partial<Change>[]][] = [
  [
    "a model removed",
    (s) => (s.models = s.models.filter((m) => m.id !== "glm-4.5-air")),
    [{ kind: "model_removed", provider: "glm", model: "glm-4.5-air", breaking: true }],
  ],
  [
    "a model added",
    (s) => s.models.push({ ...structuredClone(model(s, "glm", "glm-4.6")), id: "glm-5" }),
    [{ kind: "model_added", provider: "glm", model: "glm-5", breaking: false }],
  ],
  [
    "a listed model no longer listed",
    (s) => (model(s, "kimi", K2).availability = "not_listed"),
    [{ kind: "availability_changed", provider: "kimi", model: K2, breaking: true }],
  ],
  [
    "a listed model now stale (still routable)",
    (s) => (model(s, "kimi", K2).availability = "stale"),
    [{ kind: "availability_changed", provider: "kimi", model: K2, breaking: false }],
  ],
  [
    "a model listed again",
    (s) => (model(s, "kimi", "kimi-latest").availability = "listed"),
    [{ kind: "availability_changed", provider: "kimi", model: "kimi-latest", breaking: false }],
  ],
  [
    "a price change",
    (s) => (model(s, "glm", "glm-4.6").pricing!.output = 2.5),
    [{ kind: "price_changed", provider: "glm", model: "glm-4.6", breaking: false }],
  ],
  [
    "a price that becomes unknown",
    (s) => (model(s, "glm", "glm-4.6").pricing = null),
    [{ kind: "price_changed", provider: "glm", model: "glm-4.6", breaking: false }],
  ],
  [
    "a context window that shrinks",
    (s) => (model(s, "kimi", K2).contextWindow = 131072),
    [{ kind: "context_changed", provider: "kimi", model: K2, breaking: true }],
  ],
  [
    "a context window that becomes unknown",
    (s) => (model(s, "kimi", K2).contextWindow = null),
    [{ kind: "context_changed", provider: "kimi", model: K2, breaking: true }],
  ],
  [
    "a context window that grows",
    (s) => (model(s, "kimi", K2).contextWindow = 524288),
    [{ kind: "context_changed", provider: "kimi", model: K2, breaking: false }],
  ],
  [
    "a max output that shrinks",
    (s) => (model(s, "kimi", K2).maxOutput = 1024),
    [{ kind: "max_output_changed", provider: "kimi", model: K2, breaking: true }],
  ],
  [
    "a capability lost",
    (s) => (model(s, "kimi", "moonshot-v1-128k-vision-preview").capabilities.vision = false),
    [
      {
        kind: "capability_lost",
        provider: "kimi",
        model: "moonshot-v1-128k-vision-preview",
        field: "vision",
        breaking: true,
      },
    ],
  ],
  [
    "a capability gained",
    (s) => (model(s, "glm", "glm-4.6").capabilities.vision = true),
    [{ kind: "capability_gained", provider: "glm", model: "glm-4.6", field: "vision", breaking: false }],
  ],
  [
    "an alias removed",
    (s) => (model(s, "kimi", K2).aliases = ["kimi-k2-0905"]),
    [{ kind: "alias_removed", provider: "kimi", model: K2, field: "kimi-k2", breaking: true }],
  ],
  [
    "an alias added",
    (s) => model(s, "glm", "glm-4.6").aliases.push("glm-latest"),
    [{ kind: "alias_added", provider: "glm", model: "glm-4.6", field: "glm-latest", breaking: false }],
  ],
  [
    "a chat model that becomes another kind",
    (s) => (model(s, "glm", "glm-4.6").kind = "other"),
    [{ kind: "kind_changed", provider: "glm", model: "glm-4.6", breaking: true }],
  ],
  [
    "a status change",
    (s) => (model(s, "kimi", K2).status = "stable"),
    [{ kind: "model_changed", provider: "kimi", model: K2, field: "status", breaking: false }],
  ],
  [
    "only where a fact came from",
    (s) => (model(s, "glm", "glm-4.6").sources.contextWindow = "overlay:models-dev"),
    [{ kind: "model_changed", provider: "glm", model: "glm-4.6", field: "sources.contextWindow", breaking: false }],
  ],
  [
    "a model newly disallowed",
    (s) =>
      (s.policy.providers.glm!.allowedModels = [
        "glm-4.5",
        "glm-4.5-air",
        "glm-4.5-airx",
        "glm-4.5-flash",
        "glm-4.5-x",
        "glm-4.5v",
        "embedding-3",
      ]),
    [{ kind: "model_disallowed", provider: "glm", model: "glm-4.6", breaking: true }],
  ],
  [
    "an allow-list that lets every model through",
    (s) => (s.policy.providers.custom!.allowedModels = ["Qwen/Qwen2.5-7B-Instruct"]),
    [{ kind: "policy_changed", provider: "custom", field: "allowedModels", breaking: false }],
  ],
  [
    "a provider filtered out",
    (s) => (s.policy.disabledProviders = ["glm"]),
    [{ kind: "provider_disallowed", provider: "glm", breaking: true }],
  ],
  [
    "a provider filter that changes nothing",
    (s) => (s.policy.allowedProviders = ["custom", "glm", "kimi", "openrouter"]),
    [{ kind: "policy_changed", field: "allowedProviders", breaking: false }],
  ],
  [
    "DEFAULT_MODEL changes",
    (s) => (s.policy.defaultModel = { model: "glm-4.6", provider: "glm" }),
    [{ kind: "default_changed", field: "defaultModel", breaking: true }],
  ],
  [
    "a provider's default model changes",
    (s) => (s.policy.providers.kimi!.defaultModel = "kimi-k2-turbo-preview"),
    [{ kind: "default_changed", provider: "kimi", field: "defaultModel", breaking: true }],
  ],
  [
    "a preference changes",
    (s) => (s.policy.providers.glm!.preferredByCategory.balanced = ["glm-4.6"]),
    [{ kind: "policy_changed", provider: "glm", field: "preferredByCategory.balanced", breaking: false }],
  ],
  [
    "the provider priority changes",
    (s) => (s.policy.providerPriority = ["glm", "kimi", "custom", "openrouter"]),
    [{ kind: "policy_changed", field: "providerPriority", breaking: false }],
  ],
  [
    "a ranking switch",
    (s) => (s.policy.costAwareRouting = true),
    [{ kind: "policy_changed", field: "costAwareRouting", breaking: false }],
  ],
  [
    "a probe that now fails",
    (s) =>
      (s.providers.find((p) => p.id === "custom")!.probe = {
        status: "failed",
        errorKind: "network",
        reason: "connection refused",
        attempts: 3,
        modelCount: 0,
      }),
    [{ kind: "provider_changed", provider: "custom", field: "probe", breaking: false }],
  ],
  [
    "a base URL",
    (s) => (s.providers.find((p) => p.id === "custom")!.baseUrl = "http://127.0.0.1:9/v1"),
    [{ kind: "provider_changed", provider: "custom", field: "baseUrl", breaking: false }],
  ],
  [
    "a provider removed (with its model and policy)",
    (s) => {
      s.providers = s.providers.filter((p) => p.id !== "custom");
      s.models = s.models.filter((m) => m.provider !== "custom");
      delete s.policy.providers.custom;
    },
    [
      { kind: "provider_removed", provider: "custom", breaking: true },
      { kind: "model_removed", provider: "custom", model: "Qwen/Qwen2.5-7B-Instruct", breaking: true },
    ],
  ],
  [
    "a diagnostic added",
    (s) => s.diagnostics.push({ level: "warning", code: "PROBE_FAILED", provider: "glm", message: "glm failed" }),
    [{ kind: "diagnostic_added", provider: "glm", field: "PROBE_FAILED", breaking: false }],
  ],
  [
    "the generator version",
    (s) => (s.generator.version = "9.9.9"),
    [{ kind: "snapshot_changed", field: "generator", breaking: false }],
  ],
];

describe("compareSnapshots", () => {
  it("finds nothing between a snapshot and itself", () => {
    expect(compareSnapshots(BASE, structuredClone(BASE))).toEqual([]);
  });

  it("ignores timestamps, as the content hash does", () => {
    const later = mutated((s) => {
      s.generatedAt = "2027-06-01T12:00:00Z";
      for (const p of s.providers) p.probe.checkedAt = "2027-06-01T12:00:00Z";
      model(s, "kimi", K2).lastVerifiedAt = "2027-05-01T00:00:00Z";
    });
    expect(compareSnapshots(BASE, later)).toEqual([]);
  });

  it.each(CASES)("%s", (_name, mutation, expected) => {
    const after = mutated(mutation);
    expect(contentHash(after)).not.toBe(contentHash(BASE));
    const changes = compareSnapshots(BASE, after);
    expect(shapes(changes)).toEqual(
      expected.map((e) => ({ provider: undefined, model: undefined, field: undefined, ...e })),
    );
  });

  it("gives before and after as the values they were", () => {
    const [change] = compareSnapshots(
      BASE,
      mutated((s) => (model(s, "kimi", K2).contextWindow = 131072)),
    );
    expect(change).toEqual({
      kind: "context_changed",
      provider: "kimi",
      model: K2,
      before: 262144,
      after: 131072,
      breaking: true,
    });
  });

  it("sees the reverse of a change the other way round", () => {
    const removed = mutated((s) => (s.models = s.models.filter((m) => m.id !== "glm-4.5-air")));
    expect(shapes(compareSnapshots(removed, BASE))).toEqual([
      { kind: "model_added", provider: "glm", model: "glm-4.5-air", field: undefined, breaking: false },
    ]);
  });

  it("finds a change exactly when the content hashes differ (so --check's summary never comes up empty)", () => {
    fc.assert(
      fc.property(
        fc.subarray(CASES.map(([, mutation]) => mutation)),
        fc.subarray(CASES.map(([, mutation]) => mutation)),
        (left, right) => {
          const a = mutated((s) => left.forEach((m) => m(s)));
          const b = mutated((s) => right.forEach((m) => m(s)));
          const changes = compareSnapshots(a, b);
          expect(changes.length > 0).toBe(contentHash(a) !== contentHash(b));
          // Deterministic order: comparing again gives the same list.
          expect(compareSnapshots(a, b)).toEqual(changes);
        },
      ),
      { numRuns: 200 },
    );
  });
});

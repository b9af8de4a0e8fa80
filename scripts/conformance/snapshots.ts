// The conformance suite's snapshots: the register output of the demo (recorded real provider answers) and the
// complaint fixture, each as it is and under policy variants, plus a few built for one rule each (ties, names,
// unknown sizes, no models). Synthetic models are clones of a real model with facts overridden, so that a schema
// change that adds fields reaches them too.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Model, ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { packageRoot } from "../../src/core/package-root.js";
import { SCHEMA_ID, SCHEMA_VERSION } from "../../src/snapshot/schema-version.js";

type Snapshot = ProviderRegistrySnapshot;

const fixture = (name: string, folder = "snapshots"): Snapshot =>
  JSON.parse(readFileSync(path.join(packageRoot, "test", "fixtures", folder, name), "utf8")) as Snapshot;

const clone = <T>(value: T): T => structuredClone(value);

function patched(base: Snapshot, patch: (s: Snapshot) => void): Snapshot {
  const s = clone(base);
  patch(s);
  return s;
}

const model = (s: Snapshot, provider: string, id: string): Model => {
  const found = s.models.find((m) => m.provider === provider && m.id === id);
  if (!found) throw new Error(`conformance: no ${provider} ${id} in the base snapshot`);
  return found;
};

/** A provider's policy entry, created as register would write it when missing. */
function providerPolicy(s: Snapshot, id: string) {
  s.policy.providers[id] ??= {
    allowedModels: null,
    preferredModels: [],
    preferredByCategory: { fast_response: [], balanced: [], extended_reasoning: [] },
    defaultModel: null,
  };
  return s.policy.providers[id]!;
}

/** Models sorted as register writes them (provider, then id), so that the suite's files look like real ones. */
function sortModels(s: Snapshot): void {
  s.models.sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function synthetic(base: Snapshot): Snapshot {
  // One provider, "acme", whose models differ only where a rule looks; and "zeta", which shares names with it.
  const template = model(base, "glm", "glm-4.5");
  const acme = clone(base.providers.find((p) => p.id === "glm")!);
  Object.assign(acme, { id: "acme", displayName: "Acme", baseUrl: "https://acme.example/v1", apiKeyVariable: "ACME_API_KEY" });
  const zeta = clone(acme);
  Object.assign(zeta, { id: "zeta", displayName: "Zeta", baseUrl: "https://zeta.example/v1", apiKeyVariable: "ZETA_API_KEY" });
  const make = (provider: string, id: string, facts: Partial<Model>): Model => {
    const m = clone(template);
    Object.assign(m, { provider, id, name: id, aliases: [] }, facts);
    return m;
  };
  const price = (input: number, output: number) => ({ ...clone(template.pricing!), input, output });
  const models: Model[] = [
    // Ties: the same facts, so status, then pinned before moving, then id decide.
    make("acme", "tie-b", {}),
    make("acme", "tie-a", {}),
    make("acme", "Tie-C", {}),
    make("acme", "tie-preview", { status: "preview" }),
    make("acme", "tie-moving", { movingAlias: true }),
    // Names: an id that is also another model's alias (the id wins), and an alias shared by two models.
    make("acme", "shared", { tier: "fast", aliases: ["Acme-Shared"] }),
    make("acme", "acme-one", { tier: "fast", aliases: ["shared", "both"] }),
    make("acme", "acme-two", { tier: "fast", aliases: ["BOTH"] }),
    // Unknown sizes and prices; fractional prices; a cheap cut-down variant; deprecated flagship.
    make("acme", "unknown-size", { contextWindow: null, maxOutput: null, pricing: null, tier: "flagship" }),
    make("acme", "fraction", { pricing: price(0.12345, 0.98765), tier: "fast", contextWindow: 32000 }),
    make("acme", "cheap-mini", { pricing: price(0.01, 0.02), tier: "fast", contextWindow: 8000, maxOutput: 2048 }),
    make("acme", "old-flagship", { status: "deprecated", tier: "flagship", contextWindow: 1000000 }),
    make("acme", "pricey", { pricing: price(30, 60), tier: "flagship", contextWindow: 256000 }),
    make("acme", "free-small", { freeTier: true, pricing: price(0, 0), tier: "fast", contextWindow: 16000 }),
    make("acme", "embed", { kind: "embedding", capabilities: { ...template.capabilities, tools: false, json: false, reasoning: false } }),
    make("zeta", "shared", { tier: "standard" }),
    make("zeta", "tie-a", { tier: "fast", capabilities: { ...template.capabilities, vision: true } }),
    make("zeta", "zeta-only", { tier: "flagship", capabilities: { ...template.capabilities, vision: true, reasoning: false } }),
  ];
  return patched(base, (s) => {
    s.providers = [acme, zeta];
    s.models = models;
    s.policy.providerPriority = ["acme", "zeta"];
    s.policy.providers = {};
    providerPolicy(s, "acme");
    providerPolicy(s, "zeta");
    s.policy.defaultModel = null;
    sortModels(s);
  });
}

/** Stamped with the version register writes today, so that the suite follows the schema (the complaint keeps its own). */
function current(s: Snapshot): Snapshot {
  return { ...s, $schema: SCHEMA_ID, schemaVersion: SCHEMA_VERSION };
}

export function conformanceSnapshots(): Record<string, Snapshot> {
  const demo = current(fixture("demo-register.json"));
  const complaint = fixture("kimi-glm-complaint.json");
  const ties = synthetic(demo);
  return {
    demo,
    complaint,
    "demo-cost-aware": patched(demo, (s) => {
      s.policy.costAwareRouting = true;
      s.policy.freeTierPreference = true;
    }),
    "demo-free-tier": patched(demo, (s) => {
      s.policy.freeTierPreference = true;
      s.policy.providerPriority = ["openrouter", "glm", "kimi", "custom"];
    }),
    "demo-policy": patched(demo, (s) => {
      s.policy.allowedProviders = ["kimi", "glm", "custom"];
      s.policy.disabledProviders = ["custom"];
      s.policy.defaultModel = { model: "glm-4.5", provider: "glm" };
      s.policy.reasonableOutputPrice = 2.2;
      providerPolicy(s, "glm").allowedModels = ["GLM-4.6", "glm-4.5-air", "glm-4.5v", "glm-4.5-flash"];
      const kimi = providerPolicy(s, "kimi");
      kimi.preferredModels = ["KIMI-K2-TURBO", "no-such-kimi", "moonshot-v1-8k"];
      kimi.preferredByCategory.extended_reasoning = ["kimi-thinking", "no-such-thinker", "moonshot-v1-128k"];
      kimi.preferredByCategory.balanced = ["moonshot-v1-128k-vision-preview"];
      s.policy.providerPriority = ["glm", "kimi"]; // custom and openrouter come after, by id
    }),
    "demo-default-model": patched(demo, (s) => {
      s.policy.defaultModel = { model: "Kimi-K2", provider: "kimi" };
    }),
    "demo-default-missing": patched(demo, (s) => {
      s.policy.defaultModel = { model: "glm-9", provider: "glm" };
    }),
    "stale-unverified": patched(demo, (s) => {
      const kimi = s.providers.find((p) => p.id === "kimi")!;
      kimi.probe = { ...kimi.probe, status: "failed", reason: "connection refused", errorKind: "network", modelCount: 0 } as typeof kimi.probe;
      for (const m of s.models) {
        if (m.provider === "kimi" && m.availability === "listed") Object.assign(m, { availability: "stale", lastVerifiedAt: "2026-01-01T00:00:00Z" });
        if (m.provider === "custom" || m.provider === "openrouter") m.availability = "unverified";
      }
      for (const p of s.providers) {
        if (p.id === "custom" || p.id === "openrouter") p.probe = { status: "skipped", reason: "no API key configured", modelCount: 0 } as typeof p.probe;
      }
    }),
    "stale-unverified-routed": patched(demo, (s) => {
      s.policy.routeUnverified = true;
      s.policy.providerPriority = ["openrouter", "custom", "kimi", "glm"];
      for (const m of s.models) {
        if (m.provider === "kimi" && m.availability === "listed") Object.assign(m, { availability: "stale", lastVerifiedAt: "2026-01-01T00:00:00Z" });
        if (m.provider === "custom" || m.provider === "openrouter") m.availability = "unverified";
      }
    }),
    // Every optional fact of schema 2.0 (routers, variants, aliasOf, retiresAt, per-request prices), as released.
    "schema-2-all-fields": fixture("all-fields.json", "schema-versions/2.0.0"),
    ties,
    "ties-preferences": patched(ties, (s) => {
      const acme = providerPolicy(s, "acme");
      acme.preferredByCategory.fast_response = ["both", "TIE-A", "ghost"];
      acme.preferredModels = ["tie-a", "embed", "ghost", "Ghost"];
      acme.defaultModel = "old-flagship";
      acme.allowedModels = ["tie-a", "tie-b", "Tie-C", "shared", "acme-one", "acme-two", "old-flagship", "embed", "fraction", "unknown-size"];
      s.policy.defaultModel = { model: "shared", provider: "zeta" };
      s.policy.reasonableOutputPrice = 1;
    }),
    empty: patched(demo, (s) => {
      s.models = [];
      s.providers = [];
      s.policy.providerPriority = [];
      s.policy.providers = {};
    }),
    "complaint-all-disabled": patched(current(complaint), (s) => {
      s.policy.disabledProviders = ["glm", "kimi"];
    }),
  };
}

// The build side's policy rules (src/core/policy-rules.ts) and the selector's own copy in its snapshot index must give
// the same answers: a snapshot means one thing to `register`, `diff` and `select`.
import { describe, expect, it } from "vitest";
import type { Model } from "../../generated/snapshot-types.js";
import {
  EMPTY_PROVIDER_POLICY,
  isPossiblyRoutableChat,
  isRoutableChat,
  modelAllowed,
  modelAllowedIn,
  providerAllowed,
} from "../../src/core/policy-rules.js";
import { buildIndex } from "../../src/selector/snapshot-index.js";
import { buildSnapshot } from "../support/snapshot-builder.js";

describe("the build side's policy rules are the selector's", () => {
  it.each([
    { allowedProviders: null, disabledProviders: [] },
    { allowedProviders: ["a"], disabledProviders: [] },
    { allowedProviders: ["b"], disabledProviders: [] },
    { allowedProviders: [], disabledProviders: [] },
    { allowedProviders: null, disabledProviders: ["a"] },
    { allowedProviders: ["a"], disabledProviders: ["a"] },
    { allowedProviders: ["A"], disabledProviders: [] },
    { allowedProviders: null, disabledProviders: ["A"] },
  ])("provider filters %j", (filters) => {
    const index = buildIndex(
      buildSnapshot({ models: [{ provider: "a", id: "m" }], providers: ["b"], policy: filters }),
    );
    for (const id of ["a", "b"]) {
      expect(providerAllowed(filters, id), id).toBe(index.providerById.get(id)!.staticRule === null);
    }
  });

  it.each([
    [null, "m"],
    [[], "m"],
    [["m"], "m"],
    [["M"], "m"],
    [["m"], "M"],
    [["other"], "m"],
    [["m-2", "m"], "m"],
    [["m "], "m"],
  ] as const)("allow-list %j and model %s", (allowedModels, id) => {
    const index = buildIndex(
      buildSnapshot({
        models: [{ provider: "a", id }],
        policy: { providers: { a: { allowedModels: allowedModels === null ? null : [...allowedModels] } } },
      }),
    );
    const record = index.providerById.get("a")!.models[0]!;
    expect(modelAllowed(allowedModels, id)).toBe(record.staticRule !== "not_allowed");
  });

  const kinds: Model["kind"][] = ["chat", "embedding", "image"];
  const availabilities: Model["availability"][] = ["listed", "stale", "unverified", "not_listed"];
  const cases = kinds.flatMap((kind) => availabilities.map((availability) => ({ kind, availability })));

  it.each(cases)("routable: $kind model, $availability", ({ kind, availability }) => {
    const at = (routeUnverified: boolean) =>
      buildIndex(
        buildSnapshot({ models: [{ provider: "a", id: "m", kind, availability }], policy: { routeUnverified } }),
      ).providerById.get("a")!.models[0]!.staticRule;
    // Routers are the selector's by-name exception; these two rules are about chat models.
    expect(isRoutableChat({ kind, availability })).toBe(at(false) === null);
    expect(isPossiblyRoutableChat({ kind, availability })).toBe(at(true) === null);
  });

  it.each(["a", "constructor", "toString"])(
    "a provider the policy does not mention (%s) has the selector's empty policy",
    (provider) => {
      const snapshot = buildSnapshot({ models: [{ provider, id: "m" }] });
      delete (snapshot.policy.providers as Record<string, unknown>)[provider];
      const record = buildIndex(snapshot).providerById.get(provider)!;
      expect(record.policy).toEqual(EMPTY_PROVIDER_POLICY);
      expect(modelAllowedIn(snapshot.policy, provider, "m")).toBe(record.models[0]!.staticRule !== "not_allowed");
    },
  );
});

// What a snapshot's policy lets through, as the selector reads it. The selector keeps its own copy (its import graph
// is closed); test/core/policy-rules.test.ts keeps the two giving the same answers.
import type { Model, Policy, ProviderPolicy } from "../../generated/snapshot-types.js";
import { isRoutable } from "./availability.js";
import { ownValue } from "./json-object.js";
import { CATEGORIES, type Category } from "./categories.js";

/** The policy of a provider the snapshot's policy does not mention: it lets every model in and prefers none. */
export const EMPTY_PROVIDER_POLICY: ProviderPolicy = Object.freeze({
  allowedModels: null,
  preferredModels: [],
  preferredByCategory: Object.fromEntries(CATEGORIES.map((c) => [c, []])) as unknown as Record<Category, string[]>,
  defaultModel: null,
});

/** Whether the provider filters let a provider in: allowedProviders (null: all) names it and disabledProviders does not. */
export function providerAllowed(
  policy: Pick<Policy, "allowedProviders" | "disabledProviders">,
  provider: string,
): boolean {
  return (
    (policy.allowedProviders === null || policy.allowedProviders.includes(provider)) &&
    !policy.disabledProviders.includes(provider)
  );
}

/** Each allow-list as a lower-cased set, made once per list: it is matched against every model of its provider. */
const allowSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether a provider's allow-list (null: every model) names the model id, without regard to case. */
export function modelAllowed(allowedModels: readonly string[] | null, model: string): boolean {
  if (allowedModels === null) return true;
  let set = allowSets.get(allowedModels);
  if (set === undefined) {
    set = new Set(allowedModels.map((name) => name.toLowerCase()));
    allowSets.set(allowedModels, set);
  }
  return set.has(model.toLowerCase());
}

/**
 * Whether a snapshot's policy lets the provider's model in by its allow-list. The provider's entry is an own property
 * only (a provider may be called "constructor"); a provider without one allows every model.
 */
export function modelAllowedIn(policy: Pick<Policy, "providers">, provider: string, model: string): boolean {
  return modelAllowed(ownValue(policy.providers, provider)?.allowedModels ?? null, model);
}

/**
 * A chat model its provider has not stopped listing: the selector routes to it when it is listed or stale, and when
 * it is unverified if the policy routes unverified models. The allow-list is checked apart (modelAllowed).
 */
export function isPossiblyRoutableChat(model: Pick<Model, "kind" | "availability">): boolean {
  return model.kind === "chat" && model.availability !== "not_listed";
}

/** A chat model the selector routes to whatever the policy says of unverified models: listed, or stale. */
export function isRoutableChat(model: Pick<Model, "kind" | "availability">): boolean {
  return model.kind === "chat" && isRoutable(model);
}

// Rules that hold whatever the catalogs and the answer said, because they follow from other facts. The environment's
// overrides are laid on after them (see env-overrides.ts).
import type { LayeredFacts } from "../core/facts.js";
import { isRetired } from "../core/calendar-date.js";

/**
 * - a router is routed by name only, and has no price of its own (a catalog listing it at 0 does not make it free);
 * - only a chat model with no per-request or per-image charge is free tier;
 * - a model past its retirement date (on or before the run's day, `asOf`) is deprecated.
 * A fact a rule sets takes its source from the fact it follows from.
 */
export function applyFactRules({ facts, sources }: LayeredFacts, asOf: string | undefined): void {
  if (facts.kind === "router") {
    if (facts.routing !== "by_name") {
      facts.routing = "by_name";
      sources.routing = sources.kind!;
    }
    if (facts.pricing !== null) {
      facts.pricing = null;
      sources.pricing = sources.kind!;
    }
  }
  const charged =
    facts.pricing !== null && (facts.pricing.perRequest !== undefined || facts.pricing.perImage !== undefined);
  if (facts.freeTier && (facts.kind !== "chat" || charged)) {
    facts.freeTier = false;
    sources.freeTier = facts.kind !== "chat" ? sources.kind! : sources.pricing!;
  }
  if (isRetired(facts.retiresAt, asOf) && facts.status !== "deprecated") {
    facts.status = "deprecated";
    sources.status = sources.retiresAt!;
  }
}

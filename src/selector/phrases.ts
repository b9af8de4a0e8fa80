// Phrases shared by the reason and the trace: where a preference lives, and why health overrode priority.
import type { SelectionContext } from "./context.js";
import type { Decider } from "./order.js";
import { factsOf, keyLabel, STANDING_KEYS } from "./rank.js";
import { joinWords } from "./request.js";
import type { ModelRecord, PlacementRule, ProviderRecord } from "./snapshot-index.js";

/** Where a written preference lives in the snapshot, for people to find and change it. */
export function preferenceSource(rule: PlacementRule, p: ProviderRecord, ctx: SelectionContext): string {
  switch (rule) {
    case "category_preference":
      return `${p.id}'s ${ctx.category} preference list (policy.providers.${p.id}.preferredByCategory.${ctx.category})`;
    case "provider_preference":
      return `${p.id}'s preferred models (policy.providers.${p.id}.preferredModels)`;
    case "provider_default":
      return `${p.id}'s default model (policy.providers.${p.id}.defaultModel)`;
    case "merit":
      return `${p.id}'s ranking on merit`;
  }
}

/** Earlier providers had models that fit, but each ranked after the choice on standing: say so, naming why. */
export function healthOverride(ctx: SelectionContext, chosen: ModelRecord, passedOver: readonly ModelRecord[]): string {
  const why = passedOver.map((r) => {
    const facts = standingFacts(r, ctx);
    return `${r.provider.id}'s best fit ${r.id} is ${facts.length > 0 ? joinWords(facts) : "less healthy"}`;
  });
  const mine = standingFacts(chosen, ctx);
  const good =
    chosen.placement[ctx.categoryIndex] !== "merit"
      ? `named by ${preferenceSource(chosen.placement[ctx.categoryIndex]!, chosen.provider, ctx)}`
      : mine.length === 0
        ? "described, live and pinned"
        : `only ${joinWords(mine)}`;
  return `health overrode provider priority: ${chosen.id} is ${good}, while ${why.join("; ")}`;
}

/** The standing facts that count against a model ("deprecated", "a moving alias", …); none for a written preference. */
function standingFacts(r: ModelRecord, ctx: SelectionContext): string[] {
  if (r.placement[ctx.categoryIndex] !== "merit") return [];
  return factsOf(STANDING_KEYS, r.merit, r.merit.price, ctx.index.policy);
}

export function deciderLabel(decidedBy: Decider): string {
  if (decidedBy === "provider_priority") return "provider priority";
  if (decidedBy === "written_preference") return "a written preference";
  return keyLabel(decidedBy);
}

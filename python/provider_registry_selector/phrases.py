"""Phrases shared by the reason and the trace (phrases.ts): where a preference lives, and why health overrode priority."""
from .rank import STANDING_KEYS, facts_of, key_label
from .request import join_words


def preference_source(rule, p, ctx):
    """Where a written preference lives in the snapshot, for people to find and change it."""
    if rule == "category_preference":
        return "%s's %s preference list (policy.providers.%s.preferredByCategory.%s)" % (p.id, ctx.category, p.id, ctx.category)
    if rule == "provider_preference":
        return "%s's preferred models (policy.providers.%s.preferredModels)" % (p.id, p.id)
    if rule == "provider_default":
        return "%s's default model (policy.providers.%s.defaultModel)" % (p.id, p.id)
    return "%s's ranking on merit" % p.id


def health_override(ctx, chosen, passed_over):
    """Earlier providers had models that fit, but each ranked after the choice on standing: say so, naming why."""
    why = []
    for r in passed_over:
        facts = _standing_facts(r, ctx)
        why.append("%s's best fit %s is %s" % (r.provider.id, r.id, join_words(facts) if facts else "less healthy"))
    mine = _standing_facts(chosen, ctx)
    placement = chosen.placement[ctx.category_index]
    if placement != "merit":
        good = "named by %s" % preference_source(placement, chosen.provider, ctx)
    elif not mine:
        good = "described, live and pinned"
    else:
        good = "only %s" % join_words(mine)
    return "health overrode provider priority: %s is %s, while %s" % (chosen.id, good, "; ".join(why))


def _standing_facts(r, ctx):
    """The standing facts that count against a model ("deprecated", "a moving alias", …); none for a written preference."""
    if r.placement[ctx.category_index] != "merit":
        return []
    return facts_of(STANDING_KEYS, r.merit, r.merit.price, ctx.index.policy)


def decider_label(decided_by):
    if decided_by == "provider_priority":
        return "provider priority"
    if decided_by == "written_preference":
        return "a written preference"
    return key_label(decided_by)

"""The one-sentence reason a choice carries, built only when read (reason.ts)."""
from .fit import describe_drop, drop_rule
from .rank import describe_merit
from .request import join_words, names_routing_criteria
from .snapshot_index import lookup
from .trace import preference_source


def build_reason(ctx, chosen, path):
    if path == "requested":
        return _requested_reason(ctx, chosen)
    if path == "default_model":
        return "%s (%s) is the default model (policy.defaultModel), used because the request names no category, provider or requirement." % (chosen.id, chosen.provider.id)
    return "%s%s." % (_routed_reason(ctx, chosen), default_passed_over(ctx))


def _requested_reason(ctx, chosen):
    name = ctx.model
    as_ = "" if name.lower() == chosen.id.lower() else ' as "%s"' % name
    earlier = [r for r in (lookup(ctx.index, name) or ()) if r.provider.priority < chosen.provider.priority and (ctx.provider is None or r.provider is ctx.provider)]
    notes = []
    for r in earlier:
        rule = drop_rule(r, ctx)
        notes.append("%s serves it too" % r.provider.id if rule is None else "%s, earlier in priority, cannot serve it: %s" % (r.provider.id, describe_drop(rule, r, ctx)))
    return "%s (%s) was requested by name%s and meets the request%s." % (chosen.id, chosen.provider.id, as_, "; " + "; ".join(notes) if notes else "")


def _routed_reason(ctx, chosen):
    p = chosen.provider
    category = ctx.category
    placement = chosen.placement[ctx.category_index]
    if placement == "merit":
        what = "%s ranks first on merit for %s among %s's models that fit (%s)" % (chosen.id, category, p.id, describe_merit(chosen.merit, category, ctx.index.policy))
    elif placement == "provider_default":
        what = "%s is %s" % (chosen.id, preference_source(placement, p, ctx))
    else:
        what = "%s is the first model that fits in %s" % (chosen.id, preference_source(placement, p, ctx))
    if ctx.provider is not None:
        return "%s, and %s is the requested provider" % (what, p.id)
    earlier = [q.id for q in ctx.index.providers if q.priority < p.priority]
    if not earlier:
        return "%s, and %s is first in provider priority" % (what, p.id)
    return "%s, and %s is the first provider in priority order with a model that fits (%s had none)" % (what, p.id, join_words(earlier))


def default_passed_over(ctx):
    """Rule 2 was tried and failed: say why, since the user wrote that default down."""
    ref = ctx.index.default_model
    if ref is None or names_routing_criteria(ctx):
        return ""
    if not ref.records:
        why = "the snapshot has no such model"
    else:
        first = ref.records[0]
        why = describe_drop(drop_rule(first, ctx) or "excluded", first, ctx)
    return "; the default model %s (%s) was passed over because %s" % (ref.model, ref.provider, why)

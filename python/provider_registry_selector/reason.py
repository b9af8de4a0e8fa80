"""The one-sentence reason a choice carries, built only when read (reason.ts)."""
from .fit import describe_drop, drop_rule
from .order import request_order, standoff
from .phrases import decider_label, health_override, preference_source
from .rank import describe_merit
from .request import join_words, names_routing_criteria
from .snapshot_index import lookup


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
    order = request_order(ctx)
    s = standoff(ctx, chosen)
    if placement == "merit":
        what = "%s ranks first on merit for %s among the models that fit (%s)" % (chosen.id, category, describe_merit(chosen.merit, category, ctx.index.policy, order.price(chosen)))
    elif placement == "provider_default":
        what = "%s is %s" % (chosen.id, preference_source(placement, p, ctx))
    else:
        what = "%s is the first model that fits in %s" % (chosen.id, preference_source(placement, p, ctx))
    ahead = ""
    if s.runner_up is not None and s.decided_by is not None and placement == "merit" and s.decided_by != "provider_priority":
        where = "" if s.runner_up.provider is p else " (%s)" % s.runner_up.provider.id
        ahead = ", ahead of %s%s on %s" % (s.runner_up.id, where, decider_label(s.decided_by))
    if ctx.provider is not None:
        return "%s%s, and %s is the requested provider" % (what, ahead, p.id)
    if s.passed_over:
        return "%s%s, and %s" % (what, ahead, health_override(ctx, chosen, s.passed_over))
    earlier = [q.id for q in ctx.index.providers if q.priority < p.priority]
    if not earlier:
        return "%s%s, and %s is first in provider priority" % (what, ahead, p.id)
    return "%s%s, and %s is the first provider in priority order with a model that fits (%s had none)" % (what, ahead, p.id, join_words(earlier))


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

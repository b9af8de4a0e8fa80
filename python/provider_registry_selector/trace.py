"""The trace: every model a request considered, and the rule that kept or dropped it (trace.ts). Built only when read."""
from .context import providers_in_scope
from .fit import describe_drop, drop_rule
from .rank import describe_merit
from .request import names_routing_criteria
from .snapshot_index import is_model_record, trace_order


def entry(model, provider, outcome, rule, detail):
    return {"model": model, "provider": provider, "outcome": outcome, "rule": rule, "detail": detail}


def preference_source(rule, p, ctx):
    """Where a written preference lives in the snapshot, for people to find and change it."""
    if rule == "category_preference":
        return "%s's %s preference list (policy.providers.%s.preferredByCategory.%s)" % (p.id, ctx.category, p.id, ctx.category)
    if rule == "provider_preference":
        return "%s's preferred models (policy.providers.%s.preferredModels)" % (p.id, p.id)
    if rule == "provider_default":
        return "%s's default model (policy.providers.%s.defaultModel)" % (p.id, p.id)
    return "%s's ranking on merit" % p.id


def stale_note(r):
    availability = r.model["availability"]
    if availability == "stale":
        verified = r.model.get("lastVerifiedAt")
        when = ", last listed %s" % verified if verified else ""
        return " (stale: %s's probe failed; kept from the last good snapshot%s)" % (r.provider.id, when)
    if availability == "unverified":
        return " (unverified: %s was not probed)" % r.provider.id
    return ""


def _kept_detail(r, rank, ctx):
    rule = r.placement[ctx.category_index]
    if rule == "merit":
        why = "ranked on merit: %s" % describe_merit(r.merit, ctx.category, ctx.index.policy)
    elif rule == "provider_default":
        why = preference_source(rule, r.provider, ctx)
    else:
        why = "listed in %s" % preference_source(rule, r.provider, ctx)
    return "#%d in %s's %s ordering: %s%s" % (rank, r.provider.id, ctx.category, why, stale_note(r))


def _dropped_detail(rule, r, ctx):
    placement = r.placement[ctx.category_index]
    passed_over = "%s, passed over: " % preference_source(placement, r.provider, ctx) if placement != "merit" else ""
    return passed_over + describe_drop(rule, r, ctx)


def routing_trace(ctx, chosen, skip):
    """Rule 3: each provider in scope, in priority order, each model in its ordering, then the models it can never route."""
    trace = []
    for p in providers_in_scope(ctx):
        rank = 0
        for slot in trace_order(p, ctx.category_index):
            if not is_model_record(slot):
                trace.append(entry(slot.name, p.id, "dropped", "not_in_snapshot", "%s names it, but the snapshot has no such %s model" % (preference_source(slot.rule, p, ctx), p.id)))
                continue
            if slot.static_rule is None:
                rank += 1
            if slot in skip:
                continue
            rule = drop_rule(slot, ctx)
            if rule is not None:
                trace.append(entry(slot.id, p.id, "dropped", rule, _dropped_detail(rule, slot, ctx)))
            else:
                trace.append(entry(slot.id, p.id, "chosen" if slot is chosen else "fallback", slot.placement[ctx.category_index], _kept_detail(slot, rank, ctx)))
    return trace


def requested_trace(ctx, name, records, chosen):
    """Rule 1: every model the name resolves to, in provider priority order."""
    trace = []
    for r in records:
        if ctx.provider is not None and r.provider is not ctx.provider:
            trace.append(entry(r.id, r.provider.id, "dropped", "other_provider", "the request is restricted to provider %s" % ctx.provider.id))
            continue
        rule = drop_rule(r, ctx)
        if rule is not None:
            trace.append(entry(r.id, r.provider.id, "dropped", rule, describe_drop(rule, r, ctx)))
        else:
            trace.append(entry(r.id, r.provider.id, "chosen" if r is chosen else "fallback", "requested", 'requested as "%s"%s' % (name, stale_note(r))))
    return trace


def default_trace(ctx, chosen):
    """Rule 2: the default model, chosen or passed over."""
    ref = ctx.index.default_model
    if ref is None:
        return []
    if not ref.records:
        return [entry(ref.model, ref.provider, "dropped", "not_in_snapshot", "the default model (policy.defaultModel), passed over: the snapshot has no such %s model" % ref.provider)]
    trace = []
    for r in ref.records:
        rule = drop_rule(r, ctx)
        if rule is not None:
            trace.append(entry(r.id, r.provider.id, "dropped", rule, "the default model (policy.defaultModel), passed over: %s" % describe_drop(rule, r, ctx)))
        else:
            trace.append(entry(r.id, r.provider.id, "chosen" if r is chosen else "fallback", "default_model",
                               "the default model (policy.defaultModel), used because the request names no category, provider or requirement%s" % stale_note(r)))
    return trace


def auto_trace(ctx, chosen):
    """Rules 2 and 3: the default model's entries first (when rule 2 applied), then routing, without repeating them."""
    ref = ctx.index.default_model
    if ref is None or names_routing_criteria(ctx):
        return routing_trace(ctx, chosen, frozenset())
    return default_trace(ctx, chosen) + routing_trace(ctx, chosen, set(ref.records))

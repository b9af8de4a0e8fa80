"""The trace: every model a request considered, and the rule that kept or dropped it (trace.ts). Built only when read."""
from .context import providers_in_scope
from .fit import describe_drop, drop_rule
from .order import decider, request_order, standoff
from .phrases import decider_label, health_override, preference_source
from .rank import TIE_BREAK_KEYS, describe_merit
from .request import names_routing_criteria
from .snapshot_index import is_model_record, trace_order


def entry(model, provider, outcome, rule, detail):
    return {"model": model, "provider": provider, "outcome": outcome, "rule": rule, "detail": detail}


def stale_note(r):
    availability = r.model["availability"]
    if availability == "stale":
        verified = r.model.get("lastVerifiedAt")
        when = ", last listed %s" % verified if verified else ""
        return " (stale: %s's probe failed; kept from the last good snapshot%s)" % (r.provider.id, when)
    if availability == "unverified":
        return " (unverified: %s was not probed)" % r.provider.id
    return ""


def _kept_detail(r, rank, ctx, note):
    rule = r.placement[ctx.category_index]
    if rule == "merit":
        why = "ranked on merit: %s" % describe_merit(r.merit, ctx.category, ctx.index.policy, request_order(ctx).price(r))
    elif rule == "provider_default":
        why = preference_source(rule, r.provider, ctx)
    else:
        why = "listed in %s" % preference_source(rule, r.provider, ctx)
    return "#%d in %s's %s ordering: %s%s%s" % (rank, r.provider.id, ctx.category, why, stale_note(r), note)


def _dropped_detail(rule, r, ctx):
    placement = r.placement[ctx.category_index]
    passed_over = "%s, passed over: " % preference_source(placement, r.provider, ctx) if placement != "merit" else ""
    return passed_over + describe_drop(rule, r, ctx)


def _by_name_detail(r):
    """Chosen on merit only when a request, the default model or a written preference names it."""
    if r.model["kind"] == "router":
        what = "a router (it forwards each request to a model it picks)"
    else:
        variant = r.model.get("variant")
        what = 'routed by name only (routing "by_name"%s)' % (", a :%s variant" % variant["tag"] if variant else "")
    return "%s: chosen only when a request names it, never on merit or as a fallback of another model" % what


def _notes(ctx, chosen):
    """A note for the chosen model (what put it ahead of the runner-up, and any health override) and for ties."""
    out = {}
    order = request_order(ctx)
    c = ctx.category_index
    # Models the tie-break placed: equal on every fact to the next model that fits in the same provider's order.
    for p in providers_in_scope(ctx):
        previous = None
        for r in order.provider(p):
            if r.placement[c] != "merit" or drop_rule(r, ctx) is not None:
                continue
            if previous is not None:
                key = decider(ctx, previous, r)
                if key == "id" or key in TIE_BREAK_KEYS:
                    out[previous] = "; ahead of %s on %s" % (r.id, decider_label(key))
            previous = r
    if chosen is not None and chosen.placement[c] == "merit":
        s = standoff(ctx, chosen)
        note = "; ahead of %s (%s) on %s" % (s.runner_up.id, s.runner_up.provider.id, decider_label(s.decided_by)) if s.runner_up is not None and s.decided_by is not None else ""
        if s.passed_over and ctx.provider is None:
            note += "; %s" % health_override(ctx, chosen, s.passed_over)
        out[chosen] = note
    elif chosen is not None and ctx.provider is None:
        s = standoff(ctx, chosen)
        if s.passed_over:
            out[chosen] = "; %s" % health_override(ctx, chosen, s.passed_over)
    return out


def routing_trace(ctx, chosen, skip):
    """Rule 3: each provider in scope, in priority order, each model in its ordering, then the models it can never route."""
    trace = []
    order = request_order(ctx)
    c = ctx.category_index
    noted = _notes(ctx, chosen)
    for p in providers_in_scope(ctx):
        rank = 0
        for slot in trace_order(p, c, order.provider(p)):
            if not is_model_record(slot):
                trace.append(entry(slot.name, p.id, "dropped", "not_in_snapshot", "%s names it, but the snapshot has no such %s model" % (preference_source(slot.rule, p, ctx), p.id)))
                continue
            by_name_only = slot.static_rule is None and slot.by_name and slot.placement[c] == "merit"
            if slot.static_rule is None and not by_name_only:
                rank += 1
            if slot in skip:
                continue
            if by_name_only:
                trace.append(entry(slot.id, p.id, "dropped", "by_name_only", _by_name_detail(slot)))
                continue
            rule = drop_rule(slot, ctx)
            if rule is not None:
                trace.append(entry(slot.id, p.id, "dropped", rule, _dropped_detail(rule, slot, ctx)))
            else:
                trace.append(entry(slot.id, p.id, "chosen" if slot is chosen else "fallback", slot.placement[c], _kept_detail(slot, rank, ctx, noted.get(slot, ""))))
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
        elif r is not chosen and r.by_name and r.placement[ctx.category_index] == "merit":
            # Another model the default's name matches is a fallback only through routing, which never places this one.
            trace.append(entry(r.id, r.provider.id, "dropped", "by_name_only", _by_name_detail(r)))
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

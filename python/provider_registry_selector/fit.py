"""Does a routable model meet this request? (fit.ts) The hot path asks `fits`; the trace asks `dynamic_rule` for the why."""
import re

from ._js import number
from .vocabulary import JSON_MODE, REASONING, TOOLS, VISION


def fits(r, ctx):
    return (
        (r.caps & ctx.need) == ctx.need
        and r.context >= ctx.min_context
        and r.output >= ctx.min_output
        and (ctx.excluded is None or r not in ctx.excluded)
    )


def dynamic_rule(r, ctx):
    if ctx.excluded is not None and r in ctx.excluded:
        return "excluded"
    missing = ctx.need & ~r.caps
    if missing & VISION:
        return "requires_vision"
    if missing & TOOLS:
        return "requires_tools"
    if missing & REASONING:
        return "requires_reasoning"
    if missing & JSON_MODE:
        return "requires_json"
    if r.context < ctx.min_context:
        return "min_context"
    if r.output < ctx.min_output:
        return "min_output"
    return None


def drop_rule(r, ctx):
    """The first rule that drops the model, or None when it can serve this request."""
    return r.static_rule or dynamic_rule(r, ctx)


def describe_drop(rule, r, ctx):
    """A clause for people: why this rule drops this model."""
    p = r.provider.id
    if rule == "not_chat":
        kind = r.model["kind"]
        return "it is %s %s model, and only chat models are routed" % (_article(kind), kind)
    if rule == "not_listed":
        return "%s's probe succeeded and did not list it" % p
    if rule == "unverified":
        return "%s was not probed, and policy.routeUnverified is off" % p
    if rule == "provider_disabled":
        return "%s is in policy.disabledProviders" % p
    if rule == "provider_not_allowed":
        return "%s is not in policy.allowedProviders" % p
    if rule == "not_allowed":
        return "it is not in %s's allow-list (policy.providers.%s.allowedModels, from %s_ALLOWED_MODELS)" % (p, p, p.upper())
    if rule == "excluded":
        return "the request excludes it"
    if rule == "requires_vision":
        return "the request requires vision, which it lacks"
    if rule == "requires_tools":
        return "the request requires tool calling, which it lacks"
    if rule == "requires_reasoning":
        return "the request requires reasoning, which it lacks"
    if rule == "requires_json":
        return "the request requires JSON mode, which it lacks"
    if rule == "min_context":
        if r.context < 0:
            return "its context window is unknown, and the request requires at least %s tokens" % number(ctx.min_context)
        return "its context window of %s tokens is below the %s required" % (number(r.context), number(ctx.min_context))
    if rule == "min_output":
        if r.output < 0:
            return "its output limit is unknown, and the request requires at least %s tokens" % number(ctx.min_output)
        return "its output limit of %s tokens is below the %s required" % (number(r.output), number(ctx.min_output))
    raise ValueError("unknown rule %s" % rule)


_VOWEL = re.compile("[aeiou]")


def _article(word):
    return "an" if _VOWEL.match(word) else "a"

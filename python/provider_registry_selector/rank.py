"""Ranking on merit: how models without any written preference are ordered within a provider (rank.ts).

docs/selection.md states these rules; keep this module in step with src/selector/rank.ts.
"""
from functools import cmp_to_key

from ._js import format_number, number

INF = float("inf")
TIER_RANK = {"fast": 0, "standard": 1, "flagship": 2}
STATUS_RANK = {"stable": 0, "preview": 1, "deprecated": 2}
DEPRECATED = STATUS_RANK["deprecated"]


class MeritFacts:
    """The facts ranking looks at, precomputed once per model."""

    __slots__ = ("id", "free", "tier", "price", "reasonable", "reasoning", "context", "output", "status", "moving")


def merit_facts(model, policy):
    f = MeritFacts()
    pricing = model["pricing"]
    f.id = model["id"]
    f.free = model["freeTier"]
    f.tier = TIER_RANK[model["tier"]]
    f.price = INF if pricing is None else pricing["input"] + pricing["output"]
    f.reasonable = pricing is None or pricing["output"] <= policy["reasonableOutputPrice"]
    f.reasoning = model["capabilities"]["reasoning"]
    context = model.get("contextWindow")
    output = model.get("maxOutput")
    f.context = -1 if context is None else context
    f.output = -1 if output is None else output
    f.status = STATUS_RANK[model["status"]]
    f.moving = model["movingAlias"]
    return f


def _ascending(a, b):
    return 0 if a == b else (-1 if a < b else 1)


def _true_first(a, b):
    return 0 if a == b else (-1 if a else 1)


def _fast_response(cost_aware):
    if cost_aware:
        return lambda a, b: _ascending(a.price, b.price) or _ascending(a.tier, b.tier)
    return lambda a, b: _ascending(a.tier, b.tier) or _ascending(a.price, b.price)


def _extended_reasoning(a, b):
    return (
        _true_first(a.reasoning, b.reasoning)
        or _ascending(b.tier, a.tier)
        or _ascending(b.context, a.context)
        or _ascending(b.output, a.output)
    )


def _balanced(a, b):
    # Capability (tier, then room) before price, so a cut-down cheap variant does not win on price alone.
    return (
        _true_first(a.reasonable, b.reasonable)
        or _ascending(b.tier, a.tier)
        or _ascending(b.context, a.context)
        or _ascending(a.price, b.price)
    )


def _live_first(a, b):
    return _true_first(a.status != DEPRECATED, b.status != DEPRECATED)


def _tie_break(a, b):
    return _ascending(a.status, b.status) or _true_first(b.moving, a.moving) or (-1 if a.id < b.id else 1 if a.id > b.id else 0)


def compare_on_merit(category, policy):
    if category == "fast_response":
        by_category = _fast_response(policy["costAwareRouting"])
    elif category == "extended_reasoning":
        by_category = _extended_reasoning
    else:
        by_category = _balanced
    if policy["freeTierPreference"]:
        return lambda a, b: _live_first(a, b) or _true_first(a.free, b.free) or by_category(a, b) or _tie_break(a, b)
    return lambda a, b: _live_first(a, b) or by_category(a, b) or _tie_break(a, b)


def merit_key(compare):
    return cmp_to_key(lambda a, b: compare(a.merit, b.merit))


TIER_NAME = ("fast", "standard", "flagship")
STATUS_NAME = ("stable", "preview", "deprecated")


def _price(facts):
    return "price unknown" if facts.price == INF else "%s per million tokens in+out" % format_number(facts.price)


def _context(facts):
    return "context unknown" if facts.context < 0 else "context %s" % number(facts.context)


def describe_merit(facts, category, policy):
    """The facts that placed a model, in the order they counted."""
    parts = []
    if policy["freeTierPreference"]:
        parts.append("free tier" if facts.free else "not free tier")
    tier = "%s tier" % TIER_NAME[facts.tier]
    if category == "fast_response":
        if policy["costAwareRouting"]:
            parts += [_price(facts), tier]
        else:
            parts += [tier, _price(facts)]
    elif category == "extended_reasoning":
        parts += ["reasoning" if facts.reasoning else "no reasoning", tier, _context(facts)]
    else:
        limit = format_number(policy["reasonableOutputPrice"])
        if facts.price == INF:
            parts.append("reasonably priced (price unknown)")
        elif facts.reasonable:
            parts.append("reasonably priced (output at most %s)" % limit)
        else:
            parts.append("above the reasonable output price %s" % limit)
        parts += [tier, _context(facts)]
        if facts.price != INF:
            parts.append(_price(facts))
    if facts.status == DEPRECATED:
        parts.insert(0, "deprecated, so ranked after every live model")
    else:
        parts.append(STATUS_NAME[facts.status])
    parts.append("moving alias" if facts.moving else "pinned")
    return ", ".join(parts)

"""Ranking on merit: how models without a written preference are ordered (rank.ts). The rules are data: each
category is a list of named keys, each key turns a model's facts into a number (smaller ranks first), and models are
compared key by key, then by id. docs/selection.md states the same lists; keep this module in step with rank.ts."""
from ._js import format_number, number

INF = float("inf")
TIER_RANK = {"fast": 0, "standard": 1, "flagship": 2}
TIER_NAME = ("fast", "standard", "flagship")


class Price:
    __slots__ = ("total", "output")

    def __init__(self, total, output):
        self.total = total  # input + output per million tokens; inf when unknown
        self.output = output


UNKNOWN_PRICE = Price(INF, INF)


class MeritFacts:
    """The facts ranking looks at, read once per model."""

    __slots__ = ("id", "described", "deprecated", "retires_at", "moving", "free", "free_variant", "status", "tier", "reasoning", "tools", "context", "output", "price", "tiers")


def merit_facts(model):
    f = MeritFacts()
    p = model["pricing"]
    status = model["status"]
    variant = model.get("variant")
    f.id = model["id"]
    f.described = model.get("described") is not False
    f.deprecated = status == "deprecated"
    # The provider's retirement date, for people; the selector reads no clock, register applies it.
    f.retires_at = model.get("retiresAt")
    f.moving = model["movingAlias"]
    f.free = model["freeTier"]
    f.free_variant = isinstance(variant, dict) and variant.get("tag") == "free"
    f.status = 0 if status == "stable" else 1 if status == "preview" else 2
    f.tier = TIER_RANK[model["tier"]]
    f.reasoning = model["capabilities"]["reasoning"]
    f.tools = model["capabilities"]["tools"]
    context = model.get("contextWindow")
    output = model.get("maxOutput")
    f.context = -1 if context is None else context
    f.output = -1 if output is None else output
    f.price = UNKNOWN_PRICE if p is None else Price(p["input"] + p["output"], p["output"])
    tiers = (p or {}).get("tiers") or []
    f.tiers = [(t["aboveInputTokens"], Price(t["input"] + t["output"], t["output"])) for t in tiers]
    return f


def price_at(facts, min_context):
    """The price a request pays: that of the last long-context tier whose aboveInputTokens is below the request's
    minContext, else the base price. min_context is negative when not asked for."""
    price = facts.price
    if price is UNKNOWN_PRICE:
        return price
    for above, tier_price in facts.tiers:
        if min_context > above:
            price = tier_price
    return price


def lowest_tier_threshold(all_facts):
    lowest = INF
    for f in all_facts:
        for above, _ in f.tiers:
            if above < lowest:
                lowest = above
    return lowest


def _yes(b):
    return 0 if b else 1


# The lower edge of balanced's mid price band, as a share of policy.reasonableOutputPrice.
MID_BAND_FLOOR = 0.1


def _price_band(price, policy):
    """0 mid, 1 low, 2 above the reasonable output price, 3 unknown."""
    o = price.output
    if o == INF:
        return 3
    if o > policy["reasonableOutputPrice"]:
        return 2
    return 0 if o >= policy["reasonableOutputPrice"] * MID_BAND_FLOOR else 1


def _price_band_fact(f, price, policy):
    r = format_number(policy["reasonableOutputPrice"])
    floor = format_number(policy["reasonableOutputPrice"] * MID_BAND_FLOOR)
    band = _price_band(price, policy)
    if band == 0:
        return "mid price band (output %s, from %s to %s)" % (format_number(price.output), floor, r)
    if band == 1:
        return "low price band (output %s, below %s)" % (format_number(price.output), floor)
    if band == 2:
        return "above the reasonable output price %s (output %s)" % (r, format_number(price.output))
    return "price unknown"


# name -> (value(f, price, policy), fact(f, price, policy), label)
KEYS = {
    "described": (
        lambda f, price, policy: _yes(f.described),
        lambda f, price, policy: "" if f.described else "undescribed (no catalog or answer describes it; its facts are defaults)",
        "described before undescribed",
    ),
    "live": (
        lambda f, price, policy: _yes(not f.deprecated),
        lambda f, price, policy: "deprecated" if f.deprecated else "",
        "live before deprecated",
    ),
    "pinned": (
        lambda f, price, policy: _yes(not f.moving),
        lambda f, price, policy: "a moving alias" if f.moving else "",
        "pinned before moving alias",
    ),
    "free": (
        lambda f, price, policy: _yes(f.free) if policy["freeTierPreference"] else _yes(not f.free),
        lambda f, price, policy: ("free tier" if f.free else "not free tier")
        if policy["freeTierPreference"]
        else ("free tier%s, so after paid models" % (" (a :free variant)" if f.free_variant else "") if f.free else ""),
        "free tier (last unless free-tier preference is on, then first)",
    ),
    "fast_tier": (lambda f, price, policy: f.tier, lambda f, price, policy: "%s tier" % TIER_NAME[f.tier], "tier (fast first)"),
    "capable_tier": (lambda f, price, policy: -f.tier, lambda f, price, policy: "%s tier" % TIER_NAME[f.tier], "tier (flagship first)"),
    "no_reasoning": (
        lambda f, price, policy: _yes(not f.reasoning),
        lambda f, price, policy: "reasoning (thinks before answering)" if f.reasoning else "no reasoning",
        "non-reasoning first",
    ),
    "reasoning": (lambda f, price, policy: _yes(f.reasoning), lambda f, price, policy: "reasoning" if f.reasoning else "no reasoning", "reasoning first"),
    "tools": (lambda f, price, policy: _yes(f.tools), lambda f, price, policy: "tools" if f.tools else "no tools", "tool calling first"),
    "price_known": (
        lambda f, price, policy: _yes(price.total != INF),
        lambda f, price, policy: "price unknown" if price.total == INF else "price known",
        "known price first",
    ),
    "price_band": (lambda f, price, policy: _price_band(price, policy), _price_band_fact, "price band (mid first)"),
    "cheaper": (
        lambda f, price, policy: price.total,
        lambda f, price, policy: "price unknown" if price.total == INF else "%s per million tokens in+out" % format_number(price.total),
        "lower price",
    ),
    "larger_context": (
        lambda f, price, policy: -f.context,
        lambda f, price, policy: "context unknown" if f.context < 0 else "context %s" % number(f.context),
        "larger context window",
    ),
    "larger_output": (
        lambda f, price, policy: -f.output,
        lambda f, price, policy: "output limit unknown" if f.output < 0 else "output %s" % number(f.output),
        "larger output limit",
    ),
    "status": (
        lambda f, price, policy: f.status,
        lambda f, price, policy: "stable" if f.status == 0 else "preview" if f.status == 1 else "",
        "stable before preview",
    ),
}

# Standing: the keys every category starts with, and the only ones compared across providers (health before priority).
STANDING_KEYS = ("described", "live", "pinned")
# The tie-break: status, then the id in UTF-16 code-unit order (not a key: it is compared as a string).
TIE_BREAK_KEYS = ("status",)


def category_keys(category, policy):
    if category == "fast_response":
        return ("free", "cheaper", "fast_tier", "no_reasoning") if policy["costAwareRouting"] else ("free", "price_known", "fast_tier", "no_reasoning", "cheaper")
    if category == "balanced":
        return ("tools", "free", "price_band", "capable_tier", "larger_context", "cheaper")
    return ("reasoning", "free", "price_known", "capable_tier", "larger_context", "larger_output", "cheaper")


def merit_keys(category, policy):
    return STANDING_KEYS + category_keys(category, policy) + TIE_BREAK_KEYS


def standing(f, policy):
    """STANDING_KEYS' values as binary digits: one number, smaller is better."""
    n = 0
    for name in STANDING_KEYS:
        n = n * 2 + KEYS[name][0](f, f.price, policy)
    return n


def merit_vector(keys, f, price, policy):
    return tuple(KEYS[k][0](f, price, policy) for k in keys)


def deciding_key(keys, a, b, a_id, b_id):
    for i, key in enumerate(keys):
        if a[i] != b[i]:
            return key
    return None if a_id == b_id else "id"


def key_label(key):
    return "the tie-break on id (UTF-16 code-unit order): equal on every fact the ranking reads" if key == "id" else KEYS[key][2]


def facts_of(keys, f, price, policy):
    """The facts the keys say of a model, in the keys' order; keys with nothing worth saying are left out."""
    return [fact for fact in (KEYS[key][1](f, price, policy) for key in keys) if fact != ""]


def describe_merit(f, category, policy, price=None):
    """The facts that placed a model, in the order they counted."""
    if price is None:
        price = f.price
    parts = facts_of(STANDING_KEYS, f, price, policy)
    if f.retires_at is not None:
        parts.append("retirement date %s" % f.retires_at)
    # The price is said once: the band (or whether it is known) says enough when the exact price comes later.
    for fact in facts_of(category_keys(category, policy), f, price, policy):
        if fact not in parts:
            parts.append(fact)
    parts += facts_of(TIE_BREAK_KEYS, f, price, policy)
    if not f.moving:
        parts.append("pinned")
    return ", ".join(parts)

"""The order a request tries models in (order.ts). Precomputed per category at base prices; a request whose
minContext reaches a long-context price tier is ranked again at the prices it would pay."""
from .context import providers_in_scope
from .fit import fits
from .rank import deciding_key, merit_vector, price_at
from .snapshot_index import band, merge_providers


class RequestOrder:
    """routing: every routable model in scope, in the order routing tries them; provider(p): a provider's own ordering
    for this request; vector(r): a model's merit values at this request's prices; price(r): the price it would pay."""

    __slots__ = ("routing", "provider", "vector", "price")


def is_repriced(ctx):
    """Whether the request pays some model's long-context price, so that precomputed orders do not hold."""
    return ctx.min_context > ctx.index.tier_threshold


def base_routing(ctx):
    """The precomputed order a request in scope tries models in, at base prices."""
    c = ctx.category_index
    return ctx.index.routing[c] if ctx.provider is None else ctx.provider.orderings[c]


def request_order(ctx):
    cached = ctx.order
    if cached is not None:
        return cached
    c = ctx.category_index
    if not is_repriced(ctx):
        order = RequestOrder()
        order.routing = base_routing(ctx)
        order.provider = lambda p: p.orderings[c]
        order.vector = lambda r: r.vectors[c]
        order.price = lambda r: r.merit.price
    else:
        order = _reprice(ctx)
    ctx.order = order
    return order


def _reprice(ctx):
    c = ctx.category_index
    policy = ctx.index.policy
    keys = ctx.index.keys[c]
    vectors = {}

    def price(r):
        return price_at(r.merit, ctx.min_context)

    def vector(r):
        v = vectors.get(r)
        if v is None:
            v = vectors[r] = merit_vector(keys, r.merit, price(r), policy)
        return v

    by_provider = {}
    for p in providers_in_scope(ctx):
        base = p.orderings[c]
        # Written preferences keep their places; only the models placed on merit are ranked again.
        split = 0
        while split < len(base) and base[split].placement[c] != "merit":
            split += 1
        on_merit = sorted(base[split:], key=lambda r: (vector(r), r.id))
        by_provider[p] = list(base[:split]) + on_merit
    order = RequestOrder()
    order.routing = merge_providers(list(by_provider.values()), c)
    order.provider = lambda p: by_provider.get(p, p.orderings[c])
    order.vector = vector
    order.price = price
    return order


class Standoff:
    __slots__ = ("runner_up", "decided_by", "passed_over")


def standoff(ctx, chosen):
    """Why a routed choice came first: against the runner-up (the next model that fits in routing order), and against
    earlier providers' best fits, each of which lost on standing (health before priority)."""
    order = request_order(ctx)
    routing = order.routing
    runner_up = None
    start = routing.index(chosen) + 1 if chosen in routing else 0  # indexOf's -1 + 1, as order.ts reads it
    for r in routing[start:]:
        if fits(r, ctx):
            runner_up = r
            break
    passed_over = []
    for p in providers_in_scope(ctx):
        if p.priority >= chosen.provider.priority:
            continue
        best = next((r for r in order.provider(p) if fits(r, ctx)), None)
        if best is not None:
            passed_over.append(best)
    s = Standoff()
    s.runner_up = runner_up
    s.decided_by = None if runner_up is None else decider(ctx, chosen, runner_up)
    s.passed_over = passed_over
    return s


def decider(ctx, a, b):
    """What put a ahead of b, both fitting, a first in routing order."""
    c = ctx.category_index
    if a.placement[c] != "merit" or b.placement[c] != "merit":
        if a.provider is b.provider or band(a, c) == band(b, c):
            return "written_preference" if a.provider is b.provider else "provider_priority"
    order = request_order(ctx)
    keys = ctx.index.keys[c]
    if a.provider is not b.provider:
        if band(a, c) == band(b, c):
            return "provider_priority"
        # Different bands: the first standing key that differs decided (a preference counts as the best standing).
        va = order.vector(a) if a.placement[c] == "merit" else tuple(0 for _ in keys)
        return deciding_key(keys, va, order.vector(b), a.id, b.id) or "provider_priority"
    return deciding_key(keys, order.vector(a), order.vector(b), a.id, b.id) or "id"

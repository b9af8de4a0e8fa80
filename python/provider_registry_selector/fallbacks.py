"""Further choices for retries, built only when read (fallbacks.ts)."""
from .fit import fits
from .order import request_order


def _ref(r):
    return {"model": r.id, "provider": r.provider.id}


def routed_fallbacks(ctx, chosen):
    """Every model that fits, in routing order (band, then provider priority, then each provider's order), but the choice."""
    return [_ref(r) for r in request_order(ctx).routing if r is not chosen and fits(r, ctx)]


def requested_fallbacks(ctx, records, chosen):
    """A model asked for by name is never swapped for another: its fallbacks are the same model at later providers."""
    out = []
    for r in records:
        if r is chosen or r.static_rule is not None:
            continue
        if ctx.provider is not None and r.provider is not ctx.provider:
            continue
        if fits(r, ctx):
            out.append(_ref(r))
    return out

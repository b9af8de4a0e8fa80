"""One select call's request, checked and resolved against the snapshot (context.ts)."""


class SelectionContext:
    # order: the request's RequestOrder, built on first use (order.py).
    __slots__ = ("index", "model", "category", "category_index", "category_named", "provider", "need", "min_context", "min_output", "excluded", "order")


def providers_in_scope(ctx):
    """The providers a request may be routed to, in priority order."""
    return ctx.index.providers if ctx.provider is None else [ctx.provider]

"""One select call's request, checked and resolved against the snapshot (context.ts)."""


class SelectionContext:
    __slots__ = ("index", "model", "category", "category_index", "category_named", "provider", "need", "min_context", "min_output", "excluded")


def providers_in_scope(ctx):
    """The providers a request may be routed to, in priority order."""
    return ctx.index.providers if ctx.provider is None else [ctx.provider]

"""The result of select (choice.ts). Only model and provider are computed up front; the rest is built on first read."""
from .fallbacks import requested_fallbacks, routed_fallbacks
from .reason import build_reason
from .snapshot_index import lookup
from .trace import auto_trace, requested_trace


class Choice:
    __slots__ = ("model", "provider", "_ctx", "_record", "_path", "_reason", "_fallbacks", "_trace")

    def __init__(self, ctx, record, path):
        self.model = record.id
        self.provider = record.provider.id
        self._ctx = ctx
        self._record = record
        self._path = path
        self._reason = None
        self._fallbacks = None
        self._trace = None

    @property
    def reason(self):
        """One sentence: why this model, and why this provider."""
        if self._reason is None:
            self._reason = build_reason(self._ctx, self._record, self._path)
        return self._reason

    @property
    def fallbacks(self):
        """Further choices meeting the same request, as {model, provider}, in the order to try them."""
        if self._fallbacks is None:
            ctx = self._ctx
            if self._path == "requested":
                found = requested_fallbacks(ctx, lookup(ctx.index, ctx.model) or (), self._record)
            else:
                found = routed_fallbacks(ctx, self._record)
            self._fallbacks = tuple(found)
        return self._fallbacks

    @property
    def trace(self):
        """Every model considered and the rule that kept or dropped it."""
        if self._trace is None:
            ctx = self._ctx
            if self._path == "requested":
                found = requested_trace(ctx, ctx.model, lookup(ctx.index, ctx.model) or (), self._record)
            else:
                found = auto_trace(ctx, self._record)
            self._trace = tuple(found)
        return self._trace

    def to_dict(self):
        """The shape `select --json` prints: {model, provider, reason, fallbacks, trace}."""
        return {
            "model": self.model,
            "provider": self.provider,
            "reason": self.reason,
            "fallbacks": [dict(f) for f in self.fallbacks],
            "trace": [dict(e) for e in self.trace],
        }

    def __repr__(self):
        return "Choice(model=%r, provider=%r)" % (self.model, self.provider)

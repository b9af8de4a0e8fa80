"""The selector: rules 1–4 of docs/selection.md over the precomputed index (select.ts)."""
from ._js import MAX_ID_LENGTH, quoted, utf16_len
from .check_snapshot import check_snapshot
from .choice import Choice
from .context import providers_in_scope
from .errors import selection_error
from .explain import render_explanation
from .fit import describe_drop, drop_rule, fits
from .reason import default_passed_over
from .request import NO_REQUEST, describe_request, names_routing_criteria, normalize_request
from .snapshot_index import build_index, lookup
from .trace import auto_trace, requested_trace
from .order import base_routing, is_repriced, request_order
from .vocabulary import NO_MINIMUM
from .errors import SelectionError


def create_selector(snapshot, validator=None):
    """Checks the snapshot (at no cost when load_snapshot already did) and indexes it, so that select only walks
    precomputed orderings. Later changes to the snapshot are not seen."""
    return Selector(build_index(check_snapshot(snapshot, "the snapshot passed to createSelector", validator)))


class Selector:
    __slots__ = ("_index", "_by_model_name")

    def __init__(self, index):
        self._index = index
        # Choices for requests that are {model} alone, by the name as the index spells it: the commonest call.
        self._by_model_name = {}

    @property
    def snapshot(self):
        return self._index.snapshot

    def select(self, request=NO_REQUEST):
        """The choice for a request (a dict with the fields of docs/selection.md); raises SelectionError when there is none.

        No argument is the empty request; None, like JSON null, is not a request (INVALID_REQUEST)."""
        if request.__class__ is dict and len(request) == 1:
            name = request.get("model")
            if name.__class__ is str:
                known = self._by_model_name.get(name)
                if known is not None:
                    return known
        index = self._index
        ctx = normalize_request(request, index)
        if ctx.model is not None:
            choice = _select_requested(ctx, ctx.model)
            if ctx.model in index.by_name and len(request) == 1:
                self._by_model_name[ctx.model] = choice
            return choice
        if index.default_model is not None and not names_routing_criteria(ctx):
            for r in index.default_model.records:
                if r.static_rule is None and fits(r, ctx):
                    return Choice(ctx, r, "default_model")
        return _route(ctx)

    def explain(self, request=NO_REQUEST, fallbacks=None):
        """The choice (or why there is none) and its trace, rendered for people. Never raises for a request.
        `fallbacks` bounds the output to that many fallbacks and the trace entries that matter (None: everything)."""
        try:
            outcome = self.select(request)
        except SelectionError as error:
            outcome = error
        return render_explanation(self._index, request, outcome, fallbacks)


def _select_requested(ctx, name):
    """Rule 1: the named model at the first provider (in priority order) that can serve it, or an error."""
    records = lookup(ctx.index, name)
    if records is not None:
        for r in records:
            if ctx.provider is not None and r.provider is not ctx.provider:
                continue
            if r.static_rule is None and fits(r, ctx):
                return Choice(ctx, r, "requested")
    raise _requested_failure(ctx, name, records or [])


def _route(ctx):
    """Rule 3, walking precomputed orderings and stopping at the first fit."""
    c = ctx.category_index
    if ctx.need == 0 and ctx.min_context == NO_MINIMUM and ctx.min_output == NO_MINIMUM and ctx.excluded is None:
        ordering = ctx.provider.orderings[c] if ctx.provider is not None else None
        first = ctx.index.first_routable[c] if ctx.provider is None else (ordering[0] if ordering else None)
        if first is not None:
            return Choice(ctx, first, "routed")
    else:
        # fits(), inlined: this loop is the hot path of an auto request.
        need, min_context, min_output, excluded = ctx.need, ctx.min_context, ctx.min_output, ctx.excluded
        # The precomputed order unless the request pays a long-context price somewhere (then it is ranked again).
        ordering = request_order(ctx).routing if is_repriced(ctx) else base_routing(ctx)
        for r in ordering:
            if r.caps & need == need and r.context >= min_context and r.output >= min_output and (excluded is None or r not in excluded):
                return Choice(ctx, r, "routed")
    raise _no_model_available(ctx)


def _no_model_available(ctx):
    index = ctx.index
    scope = providers_in_scope(ctx)
    if ctx.provider is not None:
        where = " at %s" % ctx.provider.id
    elif not scope:
        where = ""
    else:
        where = " at any provider (%s)" % ", ".join(p.id for p in scope)
    routable = sum(len(p.orderings[ctx.category_index]) for p in scope)
    if not index.snapshot["models"]:
        advice = "the snapshot has no models: run `provider-registry register` with at least one provider configured"
    elif routable == 0:
        advice = "no model there can be routed at all (not listed, not probed, disabled or not allowed): check the providers and allow-lists, then run `provider-registry register`"
    else:
        advice = "relax the request, or run `provider-registry select --explain` to see why each model fell away"
    return selection_error(
        "NO_MODEL_AVAILABLE",
        "no model fits %s%s%s: %s." % (describe_request(ctx), where, default_passed_over(ctx), advice),
        lambda: auto_trace(ctx, None),
    )


SEVERITY = {"INVALID_REQUEST": -1, "NO_SUCH_MODEL": 0, "MODEL_NOT_ALLOWED": 1, "REQUIREMENTS_NOT_MET": 2, "NO_MODEL_AVAILABLE": -1}


def _code_for(rule):
    if rule in ("not_chat", "not_listed", "unverified"):
        return "NO_SUCH_MODEL"
    if rule in ("provider_disabled", "provider_not_allowed", "not_allowed", "excluded"):
        return "MODEL_NOT_ALLOWED"
    return "REQUIREMENTS_NOT_MET"


def _requested_failure(ctx, name, records):
    """Why the named model cannot serve: the code of the provider that came closest, and every provider's reason."""

    def trace():
        return requested_trace(ctx, name, records, None)

    if not records:
        return selection_error(
            "NO_SUCH_MODEL",
            "no model %s in the snapshot%s: check the name, or run `provider-registry register` again if its provider added it since." % (quoted(name), _suggest(ctx.index, name)),
            trace,
        )
    in_scope = records if ctx.provider is None else [r for r in records if r.provider is ctx.provider]
    if not in_scope:
        others = ", ".join(dict.fromkeys(r.provider.id for r in records))
        p = ctx.provider.id
        return selection_error(
            "NO_SUCH_MODEL",
            '%s does not serve "%s" (%s does): drop the provider restriction, or ask for a model %s serves.' % (p, name, others, p),
            trace,
        )
    rules = [drop_rule(r, ctx) for r in in_scope]
    code = _code_for(rules[0])
    for rule in rules[1:]:
        candidate = _code_for(rule)
        if SEVERITY[candidate] > SEVERITY[code]:
            code = candidate
    reasons = [_explain_requested_drop(rule, r, ctx) for rule, r in zip(rules, in_scope)]
    if code == "REQUIREMENTS_NOT_MET":
        advice = 'relax the request, or ask for "auto" to route to a model that meets it'
    elif code == "MODEL_NOT_ALLOWED":
        advice = "ask for an allowed model, or change the policy (allow-lists, ALLOWED_PROVIDERS, DISABLED_PROVIDERS) and run `provider-registry register`"
    else:
        advice = "ask for a model its provider lists, or run `provider-registry register` again once it does"
    return selection_error(code, '"%s" cannot be used: %s. To fix: %s.' % (name, "; ".join(reasons), advice), trace)


def _explain_requested_drop(rule, r, ctx):
    """The trace's clause for the rule, naming the model: one wording for both."""
    return "%s at %s: %s" % (r.id, r.provider.id, describe_drop(rule, r, ctx))


def _suggest(index, name):
    """Up to three known ids close to a name that matched nothing."""
    if utf16_len(name) > MAX_ID_LENGTH:
        return ""
    wanted = name.lower()
    if utf16_len(wanted) < 3:  # lengths as JavaScript counts them
        return ""
    close = {}
    for key, records in index.by_name.items():
        if wanted in key or (utf16_len(key) >= 3 and key in wanted):
            for r in records:
                close[r.id] = None
        if len(close) >= 3:
            break
    if not close:
        return ""
    return " (did you mean %s?)" % " or ".join('"%s"' % i for i in list(close)[:3])

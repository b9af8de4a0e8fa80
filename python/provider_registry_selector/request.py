"""What a caller may ask for, and its one-time normalisation into the numbers the hot path compares (request.ts)."""
import math

from ._js import number, quoted, shown
from .context import SelectionContext
from .errors import InvalidRequest
from .snapshot_index import lookup
from .vocabulary import CATEGORIES, JSON_MODE, NO_MINIMUM, REASONING, TOOLS, VISION

REQUEST_KEYS = frozenset(("model", "category", "provider", "requires", "exclude"))
REQUIREMENT_KEYS = frozenset(("vision", "tools", "reasoning", "json", "minContext", "minOutput"))
_CATEGORY_INDEX = {"fast_response": 0, "balanced": 1, "extended_reasoning": 2}
_ABSENT = object()
# select() without an argument: the empty request. (None is JSON null, which is not a request.)
NO_REQUEST = object()


def invalid(message):
    raise InvalidRequest("invalid request: %s" % message)


def _flag(requires, key, bit):
    value = requires.get(key, _ABSENT)
    if value is _ABSENT or value is False:
        return 0
    if value is True:
        return bit
    invalid("requires.%s must be true or false (got %s)" % (key, shown(value)))


def _minimum(requires, key):
    value = requires.get(key, _ABSENT)
    if value is _ABSENT:
        return NO_MINIMUM
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        invalid("requires.%s must be a number of tokens, 0 or more (got %s)" % (key, shown(value)))
    return value


def _check_keys(obj, known, prefix):
    # A misspelt key (`minContex`) would otherwise drop a requirement silently and return a model that breaks it.
    for key in obj:
        if key not in known:
            from ._js import key_order

            first = next(k for k in key_order(obj) if k not in known)
            invalid("unknown field %s%s" % (prefix, first))


def _requested_model(name):
    """The model a request names; None for auto (any case)."""
    if not isinstance(name, str) or name == "":
        invalid('model must be a model id, an alias or "auto"')
    return None if name == "auto" or (len(name) == 4 and name.lower() == "auto") else name


_BITS = {"vision": VISION, "tools": TOOLS, "reasoning": REASONING, "json": JSON_MODE}
_INF = float("inf")


def normalize_request(request, index):
    """Checks a request and resolves it against the snapshot: one object per select call, which the choice keeps.

    A well-formed dict takes one quick pass; anything unusual goes the exact way below, which finds the same
    problem the TypeScript selector reports first."""
    if request.__class__ is dict:
        ctx = _quick(request, index)
        if ctx is not None:
            return ctx
    return _exact(request, index)


def _size(value):
    cls = value.__class__
    if (cls is int and value >= 0) or (cls is float and 0 <= value < _INF):
        return value
    return None


def _quick(request, index):
    """The request resolved in one pass, or None when anything about it calls for the exact path."""
    model = None
    c = 1
    named = False
    need = 0
    min_context = NO_MINIMUM
    min_output = NO_MINIMUM
    provider = None
    excluded = None
    for key, value in request.items():
        if key == "category":
            c = _CATEGORY_INDEX.get(value) if value.__class__ is str else None
            if c is None:
                return None
            named = True
        elif key == "requires":
            if value.__class__ is not dict:
                return None
            for k, v in value.items():
                bit = _BITS.get(k)
                if bit is not None:
                    if v is True:
                        need |= bit
                    elif v is not False:
                        return None
                elif k == "minContext":
                    min_context = _size(v)
                    if min_context is None:
                        return None
                elif k == "minOutput":
                    min_output = _size(v)
                    if min_output is None:
                        return None
                else:
                    return None
        elif key == "model":
            if value.__class__ is not str or value == "":
                return None
            model = None if value == "auto" or (len(value) == 4 and value.lower() == "auto") else value
        elif key == "provider":
            if value.__class__ is not str or value == "":
                return None
            provider = index.provider_by_id.get(value) or index.provider_by_id.get(value.lower())
            if provider is None:
                return None
        elif key == "exclude":
            if value.__class__ is not list:
                return None
            for name in value:
                if name.__class__ is not str or name == "":
                    return None
                records = lookup(index, name)
                if records is not None:
                    if excluded is None:
                        excluded = set()
                    excluded.update(records)
        else:
            return None
    ctx = SelectionContext()
    ctx.index = index
    ctx.model = model
    ctx.category = CATEGORIES[c]
    ctx.category_index = c
    ctx.category_named = named
    ctx.provider = provider
    ctx.need = need
    ctx.min_context = min_context
    ctx.min_output = min_output
    ctx.excluded = excluded
    ctx.order = None
    return ctx


def _exact(request, index):
    if request is NO_REQUEST:
        request = {}
    if not isinstance(request, dict):
        invalid('it must be an object such as { category: "balanced" }')
    _check_keys(request, REQUEST_KEYS, "")

    model = request.get("model", _ABSENT)
    model = None if model is _ABSENT else _requested_model(model)
    category = request.get("category", _ABSENT)
    if category is _ABSENT:
        c = 1
    else:
        c = _CATEGORY_INDEX.get(category) if isinstance(category, str) else None
        if c is None:
            invalid("category must be one of %s (got %s)" % (", ".join(CATEGORIES), shown(category)))

    need = 0
    min_context = NO_MINIMUM
    min_output = NO_MINIMUM
    requires = request.get("requires", _ABSENT)
    if requires is not _ABSENT:
        if not isinstance(requires, dict):
            invalid("requires must be an object such as { vision: true, minContext: 100000 }")
        _check_keys(requires, REQUIREMENT_KEYS, "requires.")
        need = _flag(requires, "vision", VISION) | _flag(requires, "tools", TOOLS) | _flag(requires, "reasoning", REASONING) | _flag(requires, "json", JSON_MODE)
        min_context = _minimum(requires, "minContext")
        min_output = _minimum(requires, "minOutput")

    ctx = SelectionContext()
    ctx.index = index
    ctx.model = model
    ctx.category = CATEGORIES[c]
    ctx.category_index = c
    ctx.category_named = category is not _ABSENT
    provider = request.get("provider", _ABSENT)
    ctx.provider = None if provider is _ABSENT else _resolve_provider(index, provider)
    ctx.need = need
    ctx.min_context = min_context
    ctx.min_output = min_output
    exclude = request.get("exclude", _ABSENT)
    ctx.excluded = None if exclude is _ABSENT else _resolve_excluded(index, exclude)
    ctx.order = None
    return ctx


def _resolve_provider(index, name):
    if not isinstance(name, str) or name == "":
        invalid("provider must be a provider id")
    p = index.provider_by_id.get(name) or index.provider_by_id.get(name.lower())
    if p is not None:
        return p
    known = ", ".join(q.id for q in index.providers) or "no providers"
    invalid("unknown provider %s; the snapshot knows %s" % (quoted(name), known))


def _resolve_excluded(index, exclude):
    """Names that match no model exclude nothing: a model that failed and has since left the snapshot is gone anyway."""
    if not isinstance(exclude, list):
        invalid("exclude must be an array of model ids")
    excluded = None
    for name in exclude:
        if not isinstance(name, str) or name == "":
            invalid("exclude must be an array of model ids")
        records = lookup(index, name)
        if records is None:
            continue
        if excluded is None:
            excluded = set()
        excluded.update(records)
    return excluded


def names_routing_criteria(ctx):
    """Rule 2 applies only to requests that name none of these."""
    return ctx.category_named or ctx.provider is not None or ctx.need != 0 or ctx.min_context != NO_MINIMUM or ctx.min_output != NO_MINIMUM


def describe_request(ctx):
    """For messages: "a balanced request requiring vision and a context of at least 100000 tokens"."""
    needs = []
    if ctx.need & VISION:
        needs.append("vision")
    if ctx.need & TOOLS:
        needs.append("tools")
    if ctx.need & REASONING:
        needs.append("reasoning")
    if ctx.need & JSON_MODE:
        needs.append("JSON mode")
    if ctx.min_context != NO_MINIMUM:
        needs.append("a context window of at least %s tokens" % number(ctx.min_context))
    if ctx.min_output != NO_MINIMUM:
        needs.append("at least %s output tokens" % number(ctx.min_output))
    text = "%s %s request" % ("an" if ctx.category == "extended_reasoning" else "a", ctx.category)
    if needs:
        text += " requiring %s" % join_words(needs)
    return text


def join_words(words):
    if len(words) <= 1:
        return "".join(words)
    return "%s and %s" % (", ".join(words[:-1]), words[-1])

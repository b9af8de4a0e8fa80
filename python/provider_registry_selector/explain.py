"""The trace rendered for people (explain.ts): what was asked, what was chosen and why, and what happened to every model."""
from ._js import pad_end, shown, utf16_key, utf16_len
from .errors import SelectionError
from .text import escape_controls, escape_line
from .request import NO_REQUEST, describe_request, names_routing_criteria, normalize_request

MAX_ID_WIDTH = 40
INF = float("inf")

# How many fallbacks `select` shows unless told otherwise (--fallbacks N|all).
DEFAULT_SHOWN_FALLBACKS = 5

# Rules whose entries come from what the request or the user's settings named: always shown.
NAMED_RULES = frozenset(("requested", "default_model", "category_preference", "provider_preference", "provider_default", "not_in_snapshot", "other_provider"))


class BoundedTrace:
    """A trace cut to what matters (fallbacks, trace), and what was left out (omitted_fallbacks, omitted_trace: by rule, most first)."""

    __slots__ = ("fallbacks", "trace", "omitted_fallbacks", "omitted_trace")


def bound_fallbacks(fallbacks, limit):
    """The first `limit` fallbacks and how many were left out (no trace): all the fallbacks line needs, without
    reading the trace."""
    b = BoundedTrace()
    b.fallbacks = list(fallbacks) if limit == INF else list(fallbacks[: max(0, limit)])
    b.omitted_fallbacks = len(fallbacks) - len(b.fallbacks)
    b.trace, b.omitted_trace = [], []
    return b


def bound_trace(trace, fallbacks, limit):
    """The first `limit` fallbacks, and the trace entries for the choice, those fallbacks, and every model a request, a
    default or a preference named. When nothing was chosen, the first `limit` other dropped entries too."""
    b = BoundedTrace()
    if limit == INF:
        b.fallbacks, b.trace, b.omitted_fallbacks, b.omitted_trace = list(fallbacks), list(trace), 0, []
        return b
    shown = bound_fallbacks(fallbacks, limit)
    shown_fallbacks, omitted_fallbacks = shown.fallbacks, shown.omitted_fallbacks
    keep = {(f["provider"], f["model"]) for f in shown_fallbacks}
    kept = []
    omitted = {}
    chosen = any(e["outcome"] == "chosen" for e in trace)
    spare = 0 if chosen else max(0, limit)
    for e in trace:
        named = e["rule"] in NAMED_RULES or ", passed over: " in e["detail"]
        if e["outcome"] == "chosen" or named or (e["outcome"] == "fallback" and (e["provider"], e["model"]) in keep):
            kept.append(e)
        elif e["outcome"] == "dropped" and spare > 0:
            spare -= 1
            kept.append(e)
        else:
            rule = "fallback" if e["outcome"] == "fallback" else e["rule"]
            omitted[rule] = omitted.get(rule, 0) + 1
    b.fallbacks = shown_fallbacks
    b.trace = kept
    b.omitted_fallbacks = omitted_fallbacks
    b.omitted_trace = sorted(({"rule": rule, "count": count} for rule, count in omitted.items()), key=lambda o: (-o["count"], utf16_key(o["rule"])))
    return b


def render_explanation(index, request, outcome, fallbacks=None):
    limit = INF if fallbacks is None else fallbacks
    lines = []
    try:
        ctx = normalize_request(request, index)
    except SelectionError:
        ctx = None  # The outcome is then the INVALID_REQUEST error, which says what is wrong.
    described = ""
    if ctx is not None:
        described = " (%s%s)" % (describe_request(ctx), "" if ctx.category_named else "; balanced is the default category")
    lines.append("request: %s%s" % (shown({} if request is None or request is NO_REQUEST else request), described))
    if ctx is not None and ctx.model is None and index.default_model is not None and names_routing_criteria(ctx):
        lines.append("default model: %s (%s) not considered, since the request names a category, provider or requirement" % (index.default_model.model, index.default_model.provider))
    bounded = bound_trace(outcome.trace, [] if isinstance(outcome, SelectionError) else outcome.fallbacks, limit)
    if isinstance(outcome, SelectionError):
        lines += ["no choice: %s" % outcome.code, "  %s" % outcome.message]
    else:
        lines += ["choice: %s (%s)" % (outcome.model, outcome.provider), "reason: %s" % outcome.reason]
        lines.append(render_fallbacks(bounded))
    lines += render_bounded_trace(bounded)
    return escape_controls("\n".join(lines) + "\n")


def render_bounded_trace(bounded):
    """The trace's kept entries by provider, then what was left out."""
    if not bounded.trace and bounded.omitted_trace:
        return ["trace:"] + render_omitted(bounded)
    return render_trace(bounded.trace) + render_omitted(bounded)


def render_fallbacks(bounded):
    """"fallbacks: a (p), b (q) and 12 more (--fallbacks all lists them)"."""
    listed = ", ".join("%s (%s)" % (f["model"], f["provider"]) for f in bounded.fallbacks)
    if bounded.omitted_fallbacks == 0:
        return "fallbacks: %s" % (listed or "none")
    return "fallbacks: %s%sand %d more (--fallbacks all lists them)" % (listed, "" if listed == "" else " ", bounded.omitted_fallbacks)


def render_omitted(bounded):
    """One line saying what a bounded trace left out; none when nothing was."""
    if not bounded.omitted_trace:
        return []
    total = sum(o["count"] for o in bounded.omitted_trace)
    parts = []
    for o in bounded.omitted_trace:
        name = ("fallback" if o["count"] == 1 else "fallbacks") if o["rule"] == "fallback" else o["rule"]
        parts.append("%d %s" % (o["count"], name))
    return ["  not shown: %d more %s (%s); --fallbacks all shows every one" % (total, "model" if total == 1 else "models", ", ".join(parts))]


def render_trace(trace):
    """One block per provider, in the order the trace visited them."""
    if not trace:
        return ["trace: no model was considered"]
    width = min(MAX_ID_WIDTH, max(utf16_len(e["model"]) for e in trace))
    rule_width = max(utf16_len(e["rule"]) for e in trace)
    lines = ["trace:"]
    provider = None
    for e in trace:
        if e["provider"] != provider:
            provider = e["provider"]
            lines.append("  %s" % provider)
        lines.append(escape_line("    %s  %s  %s  %s" % (pad_end(e["outcome"], 8), pad_end(e["model"], width), pad_end(e["rule"], rule_width), e["detail"])))
    return lines

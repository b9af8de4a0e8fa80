"""The trace rendered for people (explain.ts): what was asked, what was chosen and why, and what happened to every model."""
from ._js import pad_end, shown, utf16_len
from .errors import SelectionError
from .text import escape_controls, escape_line
from .request import NO_REQUEST, describe_request, names_routing_criteria, normalize_request

MAX_ID_WIDTH = 40


def render_explanation(index, request, outcome):
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
    if isinstance(outcome, SelectionError):
        lines += ["no choice: %s" % outcome.code, "  %s" % outcome.message]
    else:
        lines += ["choice: %s (%s)" % (outcome.model, outcome.provider), "reason: %s" % outcome.reason]
        fallbacks = outcome.fallbacks
        lines.append("fallbacks: %s" % ("none" if not fallbacks else ", ".join("%s (%s)" % (f["model"], f["provider"]) for f in fallbacks)))
    lines += render_trace(outcome.trace)
    return escape_controls("\n".join(lines) + "\n")


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

"""What `select --json` prints (and batch mode writes per line): the choice or the error, bounded to a number of
fallbacks and the trace entries that matter, with "omitted" saying what was left out (select.ts choiceJson/errorJson)."""
from .explain import bound_trace


def _omitted(bounded):
    trace = sum(o["count"] for o in bounded.omitted_trace)
    if bounded.omitted_fallbacks == 0 and trace == 0:
        return {}
    return {"omitted": {"fallbacks": bounded.omitted_fallbacks, "trace": trace, "all": "--fallbacks all"}}


def choice_json(choice, limit):
    """What `select --json` prints for a choice: bounded to `limit` fallbacks and the trace entries that matter."""
    bounded = bound_trace(choice.trace, choice.fallbacks, limit)
    out = {"model": choice.model, "provider": choice.provider, "reason": choice.reason, "fallbacks": [dict(f) for f in bounded.fallbacks], "trace": [dict(e) for e in bounded.trace]}
    out.update(_omitted(bounded))
    return out


def error_json(error, limit):
    """What `select --json` prints when nothing can be chosen, bounded the same way."""
    bounded = bound_trace(error.trace, [], limit)
    out = {"error": {"code": error.code, "message": error.message}, "trace": [dict(e) for e in bounded.trace]}
    out.update(_omitted(bounded))
    return out

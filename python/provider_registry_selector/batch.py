"""Batch mode (docs/batch-mode.md): one JSON request per line in, one JSON answer per line out, over one loaded
snapshot. A line that is not a request gets an error line; only the end of the input ends the run."""
import re

from . import _js
from .answer import choice_json, error_json
from .errors import SelectionError
from .explain import DEFAULT_SHOWN_FALLBACKS
from .text import terminal_safe_json

_BLANK = re.compile(r"[ \t]*\Z")
NOT_JSON = 'invalid request: line %d is not JSON: write one request object per line, such as {"category":"balanced"}'


def answer_line(selector, line, n, limit=DEFAULT_SHOWN_FALLBACKS):
    """The answer to one line: what `select --json --fallbacks <limit>` prints for its request, on one line."""
    try:
        request = _js.loads(line)
    except (ValueError, RecursionError):
        return terminal_safe_json(_js.dumps_answer({"error": {"code": "INVALID_REQUEST", "message": NOT_JSON % n}, "trace": []}))
    try:
        return terminal_safe_json(_js.dumps_answer(choice_json(selector.select(request), limit)))
    except SelectionError as error:
        return terminal_safe_json(_js.dumps_answer(error_json(error, limit)))


def lines_of(stream):
    """Lines as Node's readline splits them: at \\n, \\r\\n and a lone \\r; bytes decoded as UTF-8."""
    for raw in stream:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", "replace")
        if raw.endswith("\n"):
            raw = raw[:-1]
            if raw.endswith("\r"):
                raw = raw[:-1]
        for piece in raw.split("\r"):
            yield piece


def run_batch(selector, stream, write, limit=DEFAULT_SHOWN_FALLBACKS):
    n = 0
    source = getattr(stream, "buffer", stream)
    for line in lines_of(source):
        n += 1
        if _BLANK.match(line):
            continue
        write(answer_line(selector, line, n, limit) + "\n")
    return 0

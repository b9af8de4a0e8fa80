"""Batch mode (docs/batch-mode.md): one JSON request per line in, one JSON answer per line out, over one loaded
snapshot. A line that is not a request gets an error line; only the end of the input ends the run."""
import re

from . import _js
from .errors import SelectionError
from .text import terminal_safe_json

_BLANK = re.compile(r"[ \t]*\Z")
NOT_JSON = 'invalid request: line %d is not JSON: write one request object per line, such as {"category":"balanced"}'


def answer_line(selector, line, n):
    """The answer to one line, as one line of JSON (without its newline)."""
    try:
        request = _js.loads(line)
    except (ValueError, RecursionError):
        return terminal_safe_json(_js.dumps_answer({"error": {"code": "INVALID_REQUEST", "message": NOT_JSON % n}, "trace": []}))
    try:
        return terminal_safe_json(_js.dumps_answer(selector.select(request).to_dict()))
    except SelectionError as error:
        return terminal_safe_json(_js.dumps_answer(error.to_dict()))


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


def run_batch(selector, stream, write):
    n = 0
    source = getattr(stream, "buffer", stream)
    for line in lines_of(source):
        n += 1
        if _BLANK.match(line):
            continue
        write(answer_line(selector, line, n) + "\n")
    return 0

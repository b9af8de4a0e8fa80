"""Text printed for people (text.ts): control characters (escape sequences, a carriage return that overwrites a line,
C1 controls such as U+009B) shown as visible \\u escapes instead of reaching the terminal."""
import re

_CONTROLS_KEEPING_LINES = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")
_CONTROLS = re.compile("[\u0000-\u001f\u007f-\u009f]")
_C1_AND_DEL = re.compile("[\u007f-\u009f]")


def _visible(m):
    return "\\u%04x" % ord(m.group())


def escape_controls(text):
    """A whole output for people: line feeds and tabs kept, every other control character escaped."""
    return _CONTROLS_KEEPING_LINES.sub(_visible, text)


def escape_line(text):
    """A value inside one line: line breaks escaped too, so that a value cannot start a line of its own."""
    return _CONTROLS.sub(_visible, text)


def terminal_safe_json(text):
    """JSON text for a terminal: DEL and C1 controls written as \\u escapes (the same JSON value)."""
    return _C1_AND_DEL.sub(_visible, text)

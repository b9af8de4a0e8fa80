"""How JavaScript writes values, so that messages and JSON read the same as the TypeScript selector's.

Numbers print as `String(n)` does, objects' keys come in the order JavaScript enumerates them (integer-like keys
first), strings compare and pad by UTF-16 code units, and lone surrogates are escaped as `JSON.stringify` does.
"""
import json
import math
import re
from decimal import ROUND_HALF_UP, Decimal

_SAFE = 2 ** 53
_INDEX_KEY = re.compile(r"(0|[1-9][0-9]*)\Z")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_int(text):
    """JSON integers become doubles in JavaScript: beyond 2**53 keep what JavaScript would see."""
    value = int(text)
    return value if -_SAFE <= value <= _SAFE else float(text)


def _refuse_constant(name):
    raise ValueError("%s is not JSON" % name)


_LONG_DIGITS = re.compile(r"[0-9]{16}")


def loads(text):
    """JSON.parse: no NaN or Infinity, integers as JavaScript sees them (the hook only where a number could need it)."""
    if _LONG_DIGITS.search(text):
        return json.loads(text, parse_int=parse_int, parse_constant=_refuse_constant)
    return json.loads(text, parse_constant=_refuse_constant)


def number(n):
    """`String(n)` for a JavaScript number."""
    if isinstance(n, bool):
        return "true" if n else "false"
    if isinstance(n, int) and -_SAFE <= n <= _SAFE:
        return str(n)
    n = float(n)
    if n != n:
        return "NaN"
    if math.isinf(n):
        return "Infinity" if n > 0 else "-Infinity"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    text = repr(abs(n))
    mantissa, _, exp = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    k = len(digits)
    if k <= point <= 21:
        body = digits + "0" * (point - k)
    elif 0 < point <= 21:
        body = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        body = "0." + "0" * (-point) + digits
    else:
        e = point - 1
        body = (digits if k == 1 else digits[0] + "." + digits[1:]) + ("e+" if e >= 0 else "e-") + str(abs(e))
    return sign + body


def to_fixed_4(n):
    """`Number(n.toFixed(4))`: ties round away from zero on the double's exact value."""
    return float(Decimal(n).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def format_number(n):
    """rank.ts formatNumber: whole numbers as they are, others to four places."""
    if isinstance(n, int) or (isinstance(n, float) and n.is_integer()):
        return number(n)
    return number(to_fixed_4(n))


def key_order(keys):
    """The order JavaScript enumerates an object's keys: array indices ascending, then the rest as inserted."""
    keys = list(keys)
    indices = [k for k in keys if isinstance(k, str) and _INDEX_KEY.match(k) and int(k) < 4294967295]
    if not indices:
        return keys
    rest = [k for k in keys if not (isinstance(k, str) and _INDEX_KEY.match(k) and int(k) < 4294967295)]
    return sorted(indices, key=int) + rest


def _string(s):
    text = json.dumps(s, ensure_ascii=False)
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
    return text


def stringify(value, indent=None, _depth=0):
    """`JSON.stringify(value, null, indent)`; values JSON cannot hold are written as JavaScript would."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return _string(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return stringify(to_dict(), indent, _depth)
    if isinstance(value, dict):
        items = [(k, value[k]) for k in key_order(value.keys())]
        if not items:
            return "{}"
        parts = [_string(str(k)) + (": " if indent else ":") + stringify(v, indent, _depth + 1) for k, v in items]
        return _wrap("{", "}", parts, indent, _depth)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return _wrap("[", "]", [stringify(v, indent, _depth + 1) for v in value], indent, _depth)
    return _string(str(value))


def _wrap(open_, close, parts, indent, depth):
    if not indent:
        return open_ + ",".join(parts) + close
    inner = "\n" + " " * (indent * (depth + 1))
    return open_ + inner + ("," + inner).join(parts) + "\n" + " " * (indent * depth) + close


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2)


def dumps_answer(value, indent=None):
    """`JSON.stringify` of an answer (a choice or an error as `select --json` prints it): text and lists only, in
    fixed key order, so the C encoder writes it as JavaScript would once lone surrogates are escaped."""
    text = (_INDENTED if indent else _COMPACT).encode(value)
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
    return text


# The longest model id the snapshot schema allows (vocabulary.ts): a longer name matches nothing, and a message
# quotes no more of it. A value is quoted up to SHOWN_LIMIT.
MAX_ID_LENGTH = 256
SHOWN_LIMIT = 1000


def shown(value):
    """request.ts describeValue(): any value, for a message, cut at SHOWN_LIMIT."""
    try:
        return cut(stringify(value), SHOWN_LIMIT)
    except (TypeError, ValueError, RecursionError):
        return "[object Object]"


def quoted(name):
    """request.ts quoted(): a name in quotes, cut (and its length given) when it is longer than any model id."""
    length = utf16_len(name)
    if length <= MAX_ID_LENGTH:
        return '"%s"' % name
    return '"%s" (%d characters)' % (cut(name, MAX_ID_LENGTH), length)


def cut(text, limit):
    """The first `limit` UTF-16 units and "…", never half a surrogate pair; the text itself when it fits."""
    if utf16_len(text) <= limit:
        return text
    units = text.encode("utf-16-le", "surrogatepass")[: limit * 2]
    if 0xD800 <= int.from_bytes(units[-2:], "little") <= 0xDBFF:
        units = units[:-2]
    return units.decode("utf-16-le", "surrogatepass") + "\u2026"


def utf16_len(s):
    return len(s) if s.isascii() else len(s.encode("utf-16-le", "surrogatepass")) // 2


def pad_end(s, width):
    return s + " " * max(0, width - utf16_len(s))


def utf16_key(s):
    """Sorts strings as JavaScript's `<` does (by UTF-16 code units)."""
    return s.encode("utf-16-be", "surrogatepass")


def lower(s):
    """`toLowerCase()`: ASCII (every id) takes the quick way."""
    return s.lower()


def printable(text):
    """What Node writes for a string holding lone surrogates: U+FFFD in their place."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text

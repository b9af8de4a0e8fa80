"""The snapshot check without jsonschema: a small interpreter for the JSON Schema keywords the published schema uses.

It reads the same schema file (bundled in `_schema.py`), so it follows the schema as it changes. Keywords it does not
know are ignored; `format` is left to the schema's patterns, as the TypeScript selector's validator does.
"""
import re

from ._js import utf16_len

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
}

_patterns = {}


def js_pattern(source):
    """A JavaScript regular expression as Python reads one: `$` is the end of the text only, `\\d` ASCII only."""
    compiled = _patterns.get(source)
    if compiled is None:
        translated = re.sub(r"(?<!\\)((?:\\\\)*)\$", r"\1(?!\\n)\\Z", source).replace("\\d", "[0-9]")
        compiled = _patterns[source] = re.compile(translated)
    return compiled


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


class Problem:
    __slots__ = ("pointer", "keyword", "message", "key")

    def __init__(self, pointer, keyword, message, key=None):
        self.pointer = pointer
        self.keyword = keyword
        self.message = message
        self.key = key  # for additionalProperties: the unknown field

    def describe(self):
        if self.keyword in ("required", "additionalProperties"):
            return "%s/%s: %s" % (self.pointer, escape(self.key), self.message)
        return "%s: %s" % (self.pointer or "/", self.message)


class StructureValidator:
    def __init__(self, schema):
        self.root = schema

    def problems(self, instance):
        out = []
        self._check(self.root, instance, "", out)
        return out

    def _resolve(self, ref):
        if not ref.startswith("#"):
            raise ValueError("only local $ref is supported: %s" % ref)
        node = self.root
        for token in ref[1:].split("/")[1:]:
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def _check(self, schema, value, at, out):
        if schema is True or schema is None:
            return
        if schema is False:
            out.append(Problem(at, "false", "is not allowed"))
            return
        if "$ref" in schema:
            self._check(self._resolve(schema["$ref"]), value, at, out)
        kind = schema.get("type")
        if kind is not None:
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(_TYPES[k](value) for k in kinds):
                out.append(Problem(at, "type", "must be %s" % " or ".join(kinds)))
                return
        if "const" in schema and not _equal(value, schema["const"]):
            out.append(Problem(at, "const", "must be equal to constant"))
        if "enum" in schema and not any(_equal(value, e) for e in schema["enum"]):
            out.append(Problem(at, "enum", "must be one of %s" % ", ".join(_show(e) for e in schema["enum"])))
        for keyword in ("oneOf", "anyOf"):
            if keyword in schema:
                passing = 0
                branch_problems = []
                for branch in schema[keyword]:
                    found = []
                    self._check(branch, value, at, found)
                    if found:
                        branch_problems.extend(found)
                    else:
                        passing += 1
                if passing == 0 or (keyword == "oneOf" and passing > 1):
                    # Branch problems are kept, so that a reader of a newer minor version can find unknown fields in them.
                    out.extend(branch_problems)
                    out.append(Problem(at, keyword, "must match %s schema in %s" % ("exactly one" if keyword == "oneOf" else "a", keyword)))
        for branch in schema.get("allOf", ()):
            self._check(branch, value, at, out)
        if isinstance(value, dict):
            self._object(schema, value, at, out)
        elif isinstance(value, list):
            items = schema.get("items")
            if items is not None:
                for i, item in enumerate(value):
                    self._check(items, item, "%s/%d" % (at, i), out)
            if "minItems" in schema and len(value) < schema["minItems"]:
                out.append(Problem(at, "minItems", "must NOT have fewer than %d items" % schema["minItems"]))
            if "maxItems" in schema and len(value) > schema["maxItems"]:
                out.append(Problem(at, "maxItems", "must NOT have more than %d items" % schema["maxItems"]))
        elif isinstance(value, str):
            if "minLength" in schema and utf16_len(value) < schema["minLength"]:
                out.append(Problem(at, "minLength", "must NOT have fewer than %d characters" % schema["minLength"]))
            if "maxLength" in schema and utf16_len(value) > schema["maxLength"]:
                out.append(Problem(at, "maxLength", "must NOT have more than %d characters" % schema["maxLength"]))
            if "pattern" in schema and not js_pattern(schema["pattern"]).search(value):
                out.append(Problem(at, "pattern", 'must match pattern "%s"' % schema["pattern"]))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                out.append(Problem(at, "minimum", "must be >= %s" % schema["minimum"]))
            if "maximum" in schema and value > schema["maximum"]:
                out.append(Problem(at, "maximum", "must be <= %s" % schema["maximum"]))
            if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
                out.append(Problem(at, "exclusiveMinimum", "must be > %s" % schema["exclusiveMinimum"]))

    def _object(self, schema, value, at, out):
        for key in schema.get("required", ()):
            if key not in value:
                out.append(Problem(at, "required", "is required but missing", key))
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        names = schema.get("propertyNames")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            child = "%s/%s" % (at, escape(key))
            if names is not None:
                self._check(names, key, child, out)
            matched = False
            if key in properties:
                matched = True
                self._check(properties[key], item, child, out)
            for pattern, sub in patterns.items():
                if js_pattern(pattern).search(key):
                    matched = True
                    self._check(sub, item, child, out)
            if not matched:
                if extra is False:
                    out.append(Problem(at, "additionalProperties", "is not a field of this schema version", key))
                elif isinstance(extra, dict):
                    self._check(extra, item, child, out)


def _equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _show(value):
    from ._js import stringify

    return stringify(value)


def compile_check(schema):
    """The schema as one function value -> bool, built once from closures: the quick pass over a valid snapshot.

    It accepts exactly what StructureValidator accepts; only when it says no is the snapshot walked again, slowly,
    to name each problem."""
    root = schema
    compiled = {}

    def ref(pointer):
        if pointer not in compiled:
            compiled[pointer] = None  # a recursive reference is bound when its compilation is done
            node = root
            for token in pointer[1:].split("/")[1:]:
                node = node[token.replace("~1", "/").replace("~0", "~")]
            compiled[pointer] = build(node)
        target = compiled[pointer]
        if target is not None:
            return target
        return lambda value: compiled[pointer](value)

    def build(s):
        if s is True or s is None:
            return _yes
        if s is False:
            return lambda value: False
        checks = []
        if "$ref" in s:
            checks.append(ref(s["$ref"]))
        kind = s.get("type")
        kinds = (kind if isinstance(kind, list) else [kind]) if kind is not None else []
        if kinds:
            tests = [_QUICK_TYPES[k] for k in kinds]
            checks.append(tests[0] if len(tests) == 1 else (lambda value, tests=tests: any(t(value) for t in tests)))
        if "const" in s:
            checks.append(lambda value, c=s["const"]: _equal(value, c))
        if "enum" in s:
            options = s["enum"]
            if all(isinstance(o, str) for o in options):
                allowed = frozenset(options)
                checks.append(lambda value: value.__class__ is str and value in allowed)
            else:
                checks.append(lambda value: any(_equal(value, o) for o in options))
        if "oneOf" in s:
            branches = [build(b) for b in s["oneOf"]]
            checks.append(lambda value: sum(1 for b in branches if b(value)) == 1)
        if "anyOf" in s:
            branches_any = [build(b) for b in s["anyOf"]]
            checks.append(lambda value: any(b(value) for b in branches_any))
        for branch in s.get("allOf", ()):
            checks.append(build(branch))
        # A check for one type needs no guard when the schema's only type is that one.
        only = kinds[0] if len(kinds) == 1 else None
        obj = _object_check(s, build)
        if obj is not None:
            checks.append(obj if only == "object" else (lambda value: value.__class__ is not dict or obj(value)))
        arr = _array_check(s, build)
        if arr is not None:
            checks.append(arr if only == "array" else (lambda value: value.__class__ is not list or arr(value)))
        text = _string_check(s)
        if text is not None:
            checks.append(text if only == "string" else (lambda value: value.__class__ is not str or text(value)))
        num = _number_check(s)
        if num is not None:
            checks.append(num if only in ("number", "integer") else (lambda value: value.__class__ not in (int, float) or num(value)))
        return _all_of(checks)

    return build(root)


def _yes(value):
    return True


def _all_of(checks):
    if not checks:
        return _yes
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda value: a(value) and b(value)
    if len(checks) == 3:
        a, b, c = checks
        return lambda value: a(value) and b(value) and c(value)
    checks = tuple(checks)

    def every(value):
        for check in checks:
            if not check(value):
                return False
        return True

    return every


_QUICK_TYPES = {
    "object": lambda v: v.__class__ is dict,
    "array": lambda v: v.__class__ is list,
    "string": lambda v: v.__class__ is str,
    "boolean": lambda v: v.__class__ is bool,
    "null": lambda v: v is None,
    "number": lambda v: v.__class__ is int or v.__class__ is float,
    "integer": lambda v: v.__class__ is int or (v.__class__ is float and v.is_integer()),
}


def _object_check(s, build):
    keys = ("properties", "required", "additionalProperties", "patternProperties", "propertyNames")
    if not any(k in s for k in keys):
        return None
    properties = {k: build(v) for k, v in s.get("properties", {}).items()}
    required = frozenset(s.get("required", ()))
    patterns = [(js_pattern(p), build(v)) for p, v in s.get("patternProperties", {}).items()]
    names = build(s["propertyNames"]) if "propertyNames" in s else None
    extra = s.get("additionalProperties", True)
    extra_check = build(extra) if isinstance(extra, dict) else None
    closed = extra is False

    def check(value):
        if required and not required <= value.keys():
            return False
        for key, item in value.items():
            if names is not None and not names(key):
                return False
            sub = properties.get(key)
            matched = sub is not None
            if matched and not sub(item):
                return False
            for pattern, sub_pattern in patterns:
                if pattern.search(key):
                    matched = True
                    if not sub_pattern(item):
                        return False
            if not matched:
                if closed:
                    return False
                if extra_check is not None and not extra_check(item):
                    return False
        return True

    return check


def _array_check(s, build):
    if not any(k in s for k in ("items", "minItems", "maxItems")):
        return None
    items = build(s["items"]) if "items" in s else None
    low = s.get("minItems", 0)
    high = s.get("maxItems")

    def check(value):
        if len(value) < low or (high is not None and len(value) > high):
            return False
        if items is not None:
            for v in value:
                if not items(v):
                    return False
        return True

    return check


def _string_check(s):
    if not any(k in s for k in ("minLength", "maxLength", "pattern")):
        return None
    low = s.get("minLength", 0)
    high = s.get("maxLength")
    pattern = js_pattern(s["pattern"]) if "pattern" in s else None

    counted = low > 0 or high is not None

    def check(value):
        if counted:
            n = len(value) if value.isascii() else utf16_len(value)
            if n < low or (high is not None and n > high):
                return False
        return pattern is None or pattern.search(value) is not None

    return check


def _number_check(s):
    if not any(k in s for k in ("minimum", "maximum", "exclusiveMinimum")):
        return None
    low = s.get("minimum")
    high = s.get("maximum")
    above = s.get("exclusiveMinimum")

    def check(value):
        return (low is None or value >= low) and (high is None or value <= high) and (above is None or value > above)

    return check

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
    "integer": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer(),
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

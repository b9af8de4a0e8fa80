"""Is this object a snapshot we can route on? (check-snapshot.ts)

The schema check is `jsonschema` when it is installed, and otherwise this package's own structural check over the
same bundled schema. Either way an unknown major version is refused first, a newer minor version's unknown fields
are ignored, and a model listed twice is refused.
"""
import copy
import re

from . import _schema
from .errors import SnapshotInvalid, UnsupportedSchemaVersion
from .structure import Problem, StructureValidator, compile_check, escape, js_pattern

# The snapshot schema version this selector was written against (from the TypeScript selector, by scripts/conformance.ts).
SUPPORTED_SCHEMA_VERSION = _schema.SUPPORTED_SCHEMA_VERSION
SUPPORTED_MAJOR = int(SUPPORTED_SCHEMA_VERSION.split(".")[0])
SUPPORTED_MINOR = int(SUPPORTED_SCHEMA_VERSION.split(".")[1])
OLDEST_MAJOR = _schema.OLDEST_SCHEMA_MAJOR

MAX_LISTED_PROBLEMS = 20
REGENERATE = "regenerate it with `provider-registry register`"
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)(?:[-+][^\n\r\u2028\u2029]*)?\Z")


class CheckedSnapshot(dict):
    """A snapshot that passed the check: create_selector does not check it again."""

    __slots__ = ()


_validators = {}


def validator_names():
    """The validators available here: "structure" always, "jsonschema" when it is installed."""
    names = ["structure"]
    try:
        import jsonschema  # noqa: F401

        names.insert(0, "jsonschema")
    except ImportError:
        pass
    return names


def _validator(name):
    if name is None:
        name = validator_names()[0]
    found = _validators.get(name)
    if found is None:
        found = _validators[name] = _JsonSchema() if name == "jsonschema" else _Structure()
    return found


def check_snapshot(data, source="the snapshot", validator=None):
    """Returns `data` when it is a snapshot this selector understands; raises SnapshotError otherwise.

    `validator` is "jsonschema", "structure" or None (jsonschema when installed)."""
    if isinstance(data, CheckedSnapshot):
        return data
    minor = _check_version(data, source)
    check = _validator(validator)
    errors = check.errors(data)
    # Minor versions only add optional fields, so a newer minor's unknown fields are expected; nothing else is.
    if errors and minor is not None and minor > SUPPORTED_MINOR:
        errors = _errors_besides_additions(check, data, errors)
    problems = _unique([e.describe() for e in errors]) if errors else _semantic_problems(data)
    if problems:
        listed = ["  - %s" % p for p in problems[:MAX_LISTED_PROBLEMS]]
        if len(problems) > MAX_LISTED_PROBLEMS:
            listed.append("  - … and %d more" % (len(problems) - MAX_LISTED_PROBLEMS))
        raise SnapshotInvalid(
            "%s is not a valid provider-registry snapshot (%s):\n%s\nFix or %s."
            % (source, _plural(len(problems), "problem"), "\n".join(listed), REGENERATE),
            problems,
        )
    return CheckedSnapshot(data)


def _check_version(data, source):
    """Refuses an unknown major version before validating, since its errors would only be noise."""
    if not isinstance(data, dict):
        return None
    version = data.get("schemaVersion")
    if not isinstance(version, str):
        return None
    match = _VERSION.match(version)
    if not match:
        return None
    major = int(match.group(1))
    # An older major's snapshots are valid under this one (README, Versioning): all their fields are known.
    if OLDEST_MAJOR <= major < SUPPORTED_MAJOR:
        return -1
    if major != SUPPORTED_MAJOR:
        advice = (
            "upgrade provider-registry to a version that reads it, or regenerate the snapshot with this version's `provider-registry register`"
            if major > SUPPORTED_MAJOR
            else "regenerate the snapshot with `provider-registry register`"
        )
        raise UnsupportedSchemaVersion(
            "%s has schemaVersion %s, but this provider-registry reads schema %s (written against %s): %s."
            % (source, version, _majors(), SUPPORTED_SCHEMA_VERSION, advice)
        )
    return int(match.group(2))


def _majors():
    return "%d.x to %d.x" % (OLDEST_MAJOR, SUPPORTED_MAJOR)


def _errors_besides_additions(check, data, errors):
    """An unknown field can also fail the `oneOf` around it, so remove unknown fields from a copy and validate again."""
    data = copy.deepcopy(data)
    for _ in range(8):
        additions = [e for e in errors if e.keyword == "additionalProperties"]
        if not additions:
            return errors
        for e in additions:
            _remove_at(data, e.pointer, e.key)
        errors = check.errors(data)
    return errors


def _remove_at(root, pointer, key):
    node = root
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return
    if isinstance(node, dict):
        node.pop(key, None)


def _semantic_problems(snapshot):
    """What the schema cannot say: a model listed twice would make its provider's ranking ambiguous."""
    problems = []
    seen = {}
    for i, model in enumerate(snapshot["models"]):
        key = (model["provider"], model["id"])
        first = seen.get(key)
        if first is None:
            seen[key] = i
        else:
            problems.append("/models/%d: repeats /models/%d (%s %s)" % (i, first, model["provider"], model["id"]))
    return problems


def _unique(items):
    return list(dict.fromkeys(items))


def _plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")


class _Structure:
    def __init__(self):
        self._validator = StructureValidator(_schema.schema())
        self._quick = compile_check(_schema.schema())

    def errors(self, data):
        # A valid snapshot is the common case: one quick pass says so. Only a failure is walked again to name problems
        # (branch problems of a failed oneOf included, for the newer-minor pass, as ajv's allErrors reports them).
        if self._quick(data):
            return []
        return self._validator.problems(data)


class _JsonSchema:
    def __init__(self):
        import jsonschema
        from jsonschema import validators

        base = validators.validator_for(_schema.schema())

        # JavaScript's regular expressions and string lengths, as ajv applies them (see structure.js_pattern).
        def pattern(validator, source, instance, schema):
            if isinstance(instance, str) and not js_pattern(source).search(instance):
                yield jsonschema.ValidationError("%r does not match %r" % (instance, source))

        def length(limit, below):
            from ._js import utf16_len

            def check(validator, n, instance, schema):
                if isinstance(instance, str) and (utf16_len(instance) < n if below else utf16_len(instance) > n):
                    yield jsonschema.ValidationError("%r is too %s" % (instance, "short" if below else "long"))

            return check

        cls = validators.extend(base, {"pattern": pattern, "minLength": length("minLength", True), "maxLength": length("maxLength", False)})
        self._validator = cls(_schema.schema())

    def errors(self, data):
        out = []
        for error in self._validator.iter_errors(data):
            self._collect(error, out, top=True)
        return out

    def _collect(self, error, out, top):
        pointer = "".join("/" + escape(p) for p in error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            schema = error.schema
            known = schema.get("properties", {})
            patterns = schema.get("patternProperties", {})
            for key in error.instance:
                if key not in known and not any(js_pattern(p).search(key) for p in patterns):
                    out.append(Problem(pointer, "additionalProperties", "is not a field of this schema version", key))
            return
        if error.validator == "required" and top:
            missing = re.match(r"'(.*)' is a required property", error.message)
            out.append(Problem(pointer, "required", "is required but missing", missing.group(1) if missing else "?"))
            return
        for sub in error.context or ():
            self._collect(sub, out, top=False)
        if top:
            out.append(Problem(pointer, error.validator, error.message))

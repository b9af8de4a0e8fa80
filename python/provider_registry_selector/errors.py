"""The selector's errors (errors.ts). Each code is a class, so callers can catch one kind; every error carries `code`."""


class ProviderRegistryError(Exception):
    code = None
    exit_code = 1

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


class SnapshotError(ProviderRegistryError):
    """The snapshot cannot be used: missing, unreadable, not JSON, of an unknown major version, or invalid."""

    exit_code = 1

    def __init__(self, message, problems=()):
        super().__init__(message)
        # For SNAPSHOT_INVALID: each problem as `<JSON pointer>: <what is wrong>`.
        self.problems = tuple(problems)

    def to_dict(self):
        return {"error": {"code": self.code, "message": self.message}, "trace": []}


class SnapshotNotFound(SnapshotError):
    code = "SNAPSHOT_NOT_FOUND"


class SnapshotUnreadable(SnapshotError):
    code = "SNAPSHOT_UNREADABLE"


class SnapshotNotJSON(SnapshotError):
    code = "SNAPSHOT_NOT_JSON"


class UnsupportedSchemaVersion(SnapshotError):
    code = "UNSUPPORTED_SCHEMA_VERSION"


class SnapshotInvalid(SnapshotError):
    code = "SNAPSHOT_INVALID"


def _no_trace():
    return ()


class SelectionError(ProviderRegistryError):
    """No model can be chosen for the request; `trace` says why each candidate fell away."""

    exit_code = 1

    def __init__(self, message, trace=_no_trace):
        super().__init__(message)
        self._trace = trace

    @property
    def trace(self):
        """Built on first read: the message alone is enough for most callers."""
        if callable(self._trace):
            self._trace = tuple(self._trace())
        return self._trace

    def to_dict(self):
        """The shape `select --json` prints."""
        return {"error": {"code": self.code, "message": self.message}, "trace": [dict(e) for e in self.trace]}


class InvalidRequest(SelectionError):
    code = "INVALID_REQUEST"
    exit_code = 2


class NoSuchModel(SelectionError):
    code = "NO_SUCH_MODEL"


class ModelNotAllowed(SelectionError):
    code = "MODEL_NOT_ALLOWED"


class RequirementsNotMet(SelectionError):
    code = "REQUIREMENTS_NOT_MET"


class NoModelAvailable(SelectionError):
    code = "NO_MODEL_AVAILABLE"


SELECTION_ERRORS = {c.code: c for c in (InvalidRequest, NoSuchModel, ModelNotAllowed, RequirementsNotMet, NoModelAvailable)}
SNAPSHOT_ERRORS = {c.code: c for c in (SnapshotNotFound, SnapshotUnreadable, SnapshotNotJSON, UnsupportedSchemaVersion, SnapshotInvalid)}


def selection_error(code, message, trace=_no_trace):
    return SELECTION_ERRORS[code](message, trace)

"""The only file the selector reads: the snapshot it is handed (load-snapshot.ts)."""
import errno

from . import _js
from .check_snapshot import check_snapshot
from .errors import SnapshotNotFound, SnapshotNotJSON, SnapshotUnreadable

REGISTER = "run `provider-registry register` to write it"


def load_snapshot(path, validator=None):
    """Reads, parses and checks a snapshot file; every failure is a SnapshotError that says what to do."""
    path = str(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except (FileNotFoundError, NotADirectoryError) as error:
        raise SnapshotNotFound("no snapshot at %s: %s, or pass the path of an existing one." % (path, REGISTER)) from error
    except OSError as error:
        if isinstance(error, IsADirectoryError):
            why = "it is a folder"
        elif isinstance(error, PermissionError):
            why = "permission denied"
        else:
            why = errno.errorcode.get(error.errno, str(error))
        raise SnapshotUnreadable("cannot read the snapshot %s (%s): check the path and its permissions." % (path, why)) from error
    text = data.decode("latin-1") if data.isascii() else data.decode("utf-8", "replace")
    # Editors on some systems add a byte-order mark, which JSON parsers refuse.
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        parsed = _js.loads(text)
    except (ValueError, RecursionError) as error:
        what = "is empty" if text.strip() == "" else "is not JSON (%s); it may have been cut short" % error
        raise SnapshotNotJSON("the snapshot %s %s: %s again." % (path, what, REGISTER)) from error
    return check_snapshot(parsed, path, validator)

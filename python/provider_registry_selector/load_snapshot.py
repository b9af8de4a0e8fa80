"""The only file the selector reads: the snapshot it is handed (load-snapshot.ts)."""
import errno
import os
import stat

from . import _js
from .check_snapshot import check_snapshot
from .errors import SnapshotNotFound, SnapshotNotJSON, SnapshotUnreadable

REGISTER = "run `provider-registry register` to write it"


# The largest snapshot read (about 250,000 models): a bigger file, or /dev/zero, is refused before it is read.
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024


class _ReadFailure(Exception):
    def __init__(self, code, why):
        super().__init__(why)
        self.code = code
        self.why = why


def _mib(n):
    return "%s MiB" % _js.number(round(n / (1024 * 1024) * 100) / 100)


def _kind_of(mode):
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _system_failure(error):
    name = errno.errorcode.get(error.errno, "EIO")
    if name in ("ENOENT", "ENOTDIR"):
        return _ReadFailure("ENOENT", "ENOENT: no such file")
    why = {"EISDIR": "it is a folder", "EACCES": "permission denied", "EPERM": "permission denied", "ENAMETOOLONG": "the name is too long"}.get(name, name)
    return _ReadFailure(name, why)


def read_regular_file(path, max_bytes):
    """The bytes of a regular file of at most max_bytes. A FIFO, a device or a socket is refused without reading a
    byte (opened non-blocking, so that a FIFO without a writer cannot hang the read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _system_failure(error) from error
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _ReadFailure("EISDIR", "it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise _ReadFailure("ENOTREG", "it is %s, not a regular file" % _kind_of(info.st_mode))
        too_big = _ReadFailure("EFBIG", "it is larger than the %s cap for this file" % _mib(max_bytes))
        if info.st_size > max_bytes:
            raise too_big
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, min(max(info.st_size - total, 64 * 1024), max_bytes + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise too_big
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise _system_failure(error) from error
    finally:
        os.close(fd)


def load_snapshot(path, validator=None):
    """Reads, parses and checks a snapshot file; every failure is a SnapshotError that says what to do."""
    path = str(path)
    try:
        data = read_regular_file(path, MAX_SNAPSHOT_BYTES)
    except _ReadFailure as failure:
        if failure.code == "ENOENT":
            raise SnapshotNotFound("no snapshot at %s: %s, or pass the path of an existing one." % (path, REGISTER)) from failure
        raise SnapshotUnreadable("cannot read the snapshot %s (%s): check the path and its permissions." % (path, failure.why)) from failure
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

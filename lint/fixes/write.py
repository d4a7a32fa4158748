"""Write a fixed article back: same encoding and BOM, same owner and mode, atomically, or not at
all; and only a file that is plainly the user's own to rewrite.

A fix never writes through a symbolic link (the link could point out of the tree), never splits a
hard link (the other names would keep the old text), never rewrites a file owned by another user
(as root, a rewrite would make it root's) and never a read-only file (judged by its mode bits,
not by EACCES: root may write anything). Those are `NotFixed`: the caller warns and goes on.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from lint.errors import InputError
from lint.sources import UTF8_BOM

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotFixed(InputError):
    """A file supplint declines to rewrite; reported as a warning, the findings still count."""


def encode(text: str, bom: bool) -> bytes:
    """The inverse of sources.decode: UTF-8, with the BOM the file had."""
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


def refusal(path: str, info: os.stat_result) -> str | None:
    """Why `path` (as lstat saw it) must not be rewritten, or None."""
    if stat.S_ISLNK(info.st_mode):
        return (
            "is a symbolic link; not fixed (--fix-symlinks fixes a target inside the paths named)"
        )
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file; not fixed"
    if info.st_nlink > 1:
        return f"has {info.st_nlink} hard links; not fixed (a rewrite would split them)"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"is owned by another user (uid {info.st_uid}); not fixed"
    if not info.st_mode & stat.S_IWUSR:
        return "is read-only; not fixed"
    return None


def check_fixable(path: str) -> os.stat_result:
    """The file's lstat when it may be rewritten; NotFixed (or InputError) otherwise."""
    try:
        info = os.lstat(path)
    except OSError as err:
        raise InputError(path, f"cannot write fix: {err.strerror or err}") from None
    reason = refusal(path, info)
    if reason is not None:
        raise NotFixed(path, reason)
    return info


def write_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace `path` with `data` via a temp file in the same folder and os.replace.

    A crash leaves either the old file or the new one, never half of each. If `expected` is
    given and the file no longer holds it (someone saved in between), nothing is written.
    """
    info = check_fixable(path)
    try:
        if expected is not None:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
            with os.fdopen(fd, "rb") as handle:
                same = os.fstat(handle.fileno()).st_ino == info.st_ino
                if not same or handle.read() != expected:
                    raise InputError(path, "file changed while it was being fixed; not written")
        folder = os.path.dirname(path) or "."
        fd, temp = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".supplint-fix"
        )
    except OSError as err:
        raise InputError(path, f"cannot write fix: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            _keep_owner_and_mode(handle.fileno(), info)
        _replace_if_unchanged(temp, path, info)
    except OSError as err:
        _remove(temp)
        raise InputError(path, f"cannot write fix: {err.strerror or err}") from None
    except BaseException:
        _remove(temp)
        raise


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    """The new file is ours already (only our own files are rewritten); keep the group too
    (the temp file gets the process's), then the mode. Never a chown to another user."""
    if hasattr(os, "fchown") and os.fstat(fd).st_gid != info.st_gid:
        os.fchown(fd, -1, info.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(info.st_mode))


def _replace_if_unchanged(temp: str, path: str, info: os.stat_result) -> None:
    """os.replace, unless `path` was swapped (for a link, say) since it was checked."""
    now = os.lstat(path)
    if (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino) or refusal(path, now):
        raise InputError(path, "file changed while it was being fixed; not written")
    if not hasattr(os, "fchmod"):
        os.chmod(temp, stat.S_IMODE(info.st_mode))
    os.replace(temp, path)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)

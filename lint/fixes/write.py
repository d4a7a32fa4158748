"""Write a fixed article back: same encoding and BOM, same mode, atomically, or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile

from lint.errors import InputError
from lint.sources import UTF8_BOM


def encode(text: str, bom: bool) -> bytes:
    """The inverse of sources.decode: UTF-8, with the BOM the file had."""
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


def write_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace `path` with `data` via a temp file in the same folder and os.replace.

    A crash leaves either the old file or the new one, never half of each. If `expected` is
    given and the file no longer holds it (someone saved in between), nothing is written.
    """
    target = os.path.realpath(path)  # fix the file a symlink points at, keep the link
    try:
        if expected is not None:
            with open(target, "rb") as handle:
                if handle.read() != expected:
                    raise InputError(path, "file changed while it was being fixed; not written")
        mode = os.stat(target).st_mode & 0o7777
        folder = os.path.dirname(target) or "."
        fd, temp = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".supplint-fix"
        )
    except OSError as err:
        raise InputError(path, f"cannot write fix: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as err:
        _remove(temp)
        raise InputError(path, f"cannot write fix: {err.strerror or err}") from None
    except BaseException:
        _remove(temp)
        raise


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)

"""What makes a cache entry trustworthy: a private folder and a per-user HMAC key.

A cache folder is used only when it is a directory owned by the running user and not writable by
group or others (it is created 0700). The key is 32 random bytes in a 0600 file in a 0700 folder
owned by the user, kept apart from the caches ($XDG_STATE_HOME/supplint/cache-key, else
~/.local/state/supplint/cache-key): a cache restored from elsewhere (a CI artifact, a shared
folder) carries no key, so nothing in it verifies and it is rebuilt. Any doubt means "no cache",
with a note on stderr when SUPPLINT_DEBUG is set; never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

KEY_BYTES = 32
TAG_BYTES = 32  # HMAC-SHA256
KEEP = 8  # newest entries of a kind kept; older ones are removed when a new one is written


def debug(message: str) -> None:
    if os.environ.get("SUPPLINT_DEBUG"):
        print(f"supplint: debug: {message}", file=sys.stderr)


def _owner() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1


def trusted(info: os.stat_result) -> bool:
    """Owned by us and not writable by anyone else (POSIX; elsewhere the HMAC alone decides)."""
    if _owner() < 0:
        return True
    return info.st_uid == _owner() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_dir(folder: Path) -> bool:
    """Create `folder` 0700 if missing; True when it exists and is ours alone to write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError as err:
        debug(f"cache folder {folder} unusable: {err.strerror or err}")
        return False
    if not stat.S_ISDIR(info.st_mode) or not trusted(info):
        debug(f"cache folder {folder} ignored: not a folder owned by this user and private")
        return False
    return True


def key_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(base) / "supplint" / "cache-key"


@lru_cache(maxsize=4)
def _key_at(path: Path) -> bytes | None:
    if not private_dir(path.parent):
        return None
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        debug(f"cache key {path} unreadable: {err.strerror or err}")
        return None
    # written whole under a private name, then published with link(): two first runs at once
    # never overwrite each other's key, and neither reads a key that is still being written
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(KEY_BYTES))
        os.link(draft, path)
        return _read_key(path)
    except OSError as err:
        if isinstance(err, FileExistsError):
            return _read_key_or_none(path)
        debug(f"cache key {path} cannot be created: {err.strerror or err}")
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(draft)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_key(path: Path) -> bytes | None:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        key = handle.read(KEY_BYTES + 1)
    loose = info.st_mode & 0o077 if _owner() >= 0 else 0
    if not stat.S_ISREG(info.st_mode) or not trusted(info) or loose or len(key) != KEY_BYTES:
        debug(f"cache key {path} ignored: not a private {KEY_BYTES}-byte file of this user")
        return None
    return key


def _read_key_or_none(path: Path) -> bytes | None:
    try:
        return _read_key(path)
    except OSError:
        return None


def user_key() -> bytes | None:
    """This user's cache key, created on first use; None when it cannot be kept private."""
    return _key_at(key_path())


def sign(key: bytes, *parts: bytes) -> bytes:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:  # length-prefixed: ("ab", "c") and ("a", "bc") get different tags
        mac.update(len(part).to_bytes(8, "big") + part)
    return mac.digest()


def verify(key: bytes, tag: bytes, *parts: bytes) -> bool:
    return hmac.compare_digest(sign(key, *parts), tag)


def read_signed(entry: Path, secret: bytes, magic: bytes) -> bytes | None:
    """The payload of a cache entry written by `write_signed` with this key, else None.

    The tag is checked before the caller sees a byte: what a foreign or damaged file holds is
    never parsed."""
    try:
        fd = os.open(entry, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as err:
        debug(f"cache entry {entry.name} unreadable ({err.strerror or err}); rebuilding it")
        return None
    head = len(magic) + TAG_BYTES
    tag, payload = data[len(magic) : head], data[head:]
    if not data.startswith(magic) or not verify(secret, tag, entry.name.encode(), payload):
        debug(f"cache entry {entry.name} does not verify (foreign, damaged or old); rebuilding it")
        return None
    return payload


def write_signed(folder: Path, entry: Path, payload: bytes, secret: bytes, magic: bytes) -> bool:
    """Write `payload` to `entry` behind its tag, atomically; False (and no file) on failure."""
    tmp = None
    try:
        tag = sign(secret, entry.name.encode(), payload)
        fd, tmp = tempfile.mkstemp(
            dir=folder, prefix=f".{entry.name.partition('-')[0]}-", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as handle:  # mkstemp: 0600
            handle.write(magic + tag + payload)
        os.replace(tmp, entry)  # atomic: a concurrent reader sees the old file or the new one
        return True
    except OSError as err:  # read-only home, full disk: run without
        debug(f"cache entry {entry.name} not written: {err.strerror or err}")
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def cache_dir() -> Path | None:
    if os.environ.get("SUPPLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("SUPPLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "supplint"


def prune(folder: Path, pattern: str) -> None:
    """Keep the KEEP newest entries matching `pattern`."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)

"""Where the daemon's socket lives, who may use it, and the key that names it.

Kept to the standard library's cheapest modules: the client imports this on every run.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys

from lint import __version__
from lint.resources import builtin_rules_dir

DIR_ENV = "SUPPLINT_DAEMON_DIR"  # tests (and users) may put the sockets elsewhere
KEY_LENGTH = 24  # hex digits in the socket name; short, so paths stay under AF_UNIX's 108 bytes
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # .../lint


def socket_dir() -> str | None:
    """A folder only this user can enter, created 0700; None when no safe one exists."""
    explicit = os.environ.get(DIR_ENV)
    if explicit:
        folder = explicit
    elif os.environ.get("XDG_RUNTIME_DIR"):
        folder = os.path.join(os.environ["XDG_RUNTIME_DIR"], "supplint")
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(cache, "supplint", "daemon")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    return folder if private(info, stat.S_ISDIR) else None


def private(info: os.stat_result, kind: object) -> bool:
    """Ours, of the right kind, and closed to group and others (a 0700 folder, a 0600 socket)."""
    is_kind = kind(info.st_mode)  # type: ignore[operator]
    return bool(is_kind) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def owned_socket(path: str) -> bool:
    try:
        return private(os.lstat(path), stat.S_ISSOCK)
    except OSError:
        return False


def daemon_key() -> str:
    """Everything a warm process holds in memory: a change in any of it needs a fresh daemon.

    The code (every module's size and modification time, and the built-in rule files'), the
    version, the interpreter and its flags, and the environment read at import time. Config
    files and house rules are not part of it: each request reads them from disk, as a run does.
    """
    digest = hashlib.sha256()
    header = (__version__, sys.executable, sys.version, repr(sys.flags), _PACKAGE)
    digest.update("\0".join(header).encode())
    for name, value in sorted(os.environ.items()):
        if _keyed(name):
            digest.update(f"\0env\0{name}={value}".encode())
    for root in (_PACKAGE, str(builtin_rules_dir())):
        for path, info in _files(root):
            digest.update(f"\0{path}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:KEY_LENGTH]


def _keyed(name: str) -> bool:
    if name.startswith("SUPPLINT_DAEMON"):  # the daemon's own switches and folder
        return False
    return name.startswith(("SUPPLINT_", "PYTHON", "LC_")) or name == "LANG"


def _files(root: str) -> list[tuple[str, os.stat_result]]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".yaml", ".json")):
                path = os.path.join(folder, name)
                found.append((path, os.stat(path)))
    return found

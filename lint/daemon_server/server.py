"""The daemon process: warm the pipeline once, then fork one child per connection.

Started by the client as `python -m lint.daemon_server.server SOCKET KEY COMMAND` in its own
session, with stdio on /dev/null (a log file next to the socket takes its own errors). A lock
file keeps one daemon per key; the socket is bound only after the warm-up, so a client never
waits on one. It exits after SUPPLINT_DAEMON_IDLE seconds without a request (default 900), on
SIGTERM (`supplint daemon stop`), or when its socket file is removed or replaced.
"""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import sys
import time
from typing import Any

from lint.daemon_server import spare

IDLE_ENV = "SUPPLINT_DAEMON_IDLE"
DEFAULT_IDLE = 15 * 60
TICK = 1.0  # seconds between looks at the clock, the children and the socket file


def idle_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get(IDLE_ENV, DEFAULT_IDLE)))
    except ValueError:
        return DEFAULT_IDLE


def main(argv: list[str]) -> int:
    path, key, first = argv  # first: the command that started it, to warm its config too
    from lint.daemon.paths import daemon_key

    if daemon_key() != key:  # this interpreter found other code or settings than the client
        print(f"supplint daemon: key {daemon_key()} is not {key}; not starting", file=sys.stderr)
        return 1
    lock = open(f"{path}.lock", "a")  # noqa: SIM115 - held for the daemon's whole life
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another daemon for this key is starting or running
    from lint.daemon_server import warm

    warm.install()
    warm.warm_up()
    import json

    command = json.loads(first)
    warm.prepare(command["argv"], command["cwd"])
    listener, inode = bind(path)
    info = {"pid": os.getpid(), "key": key, "socket": path, "python": sys.executable}
    from lint import __version__

    info.update(version=__version__, started=time.time(), idle=idle_seconds())
    signal.signal(signal.SIGTERM, _stop)
    try:
        serve(listener, (path, inode), key, info)
    except Stopped:
        pass
    finally:
        if _still_ours((path, inode)):
            os.unlink(path)
        listener.close()
    return 0


def bind(path: str) -> tuple[socket.socket, int]:
    if os.path.lexists(path):
        os.unlink(path)  # a dead daemon's socket: we hold the lock, so no live one owns it
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)  # created 0600: never a moment when others could connect
    try:
        listener.bind(path)
    finally:
        os.umask(old)
    listener.listen(64)
    listener.settimeout(TICK)
    return listener, os.stat(path).st_ino


def serve(listener: socket.socket, bound: tuple[str, int], key: str, info: dict[str, Any]) -> None:
    idle, last, served = idle_seconds(), time.monotonic(), 0
    children: dict[int, int] = {}  # pid -> read end of its pipe (the command, if it missed)
    ready = spare.start(listener, key)
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                if _reap(children) and ready is not None:  # it lacks the checkers just built
                    ready = _replace(ready, listener, key, children)
                if not _still_ours(bound):
                    return
                if not children and time.monotonic() - last > idle:
                    return
                continue
            served += 1
            info["requests"] = served
            last = time.monotonic()
            handed = ready is not None and ready.hand(conn, info)
            if ready is not None and not handed:
                ready.retire()
            if not handed:
                _fork_child(listener, conn, key, info, children)
            if ready is not None:
                children[ready.pid] = ready.reader
            conn.close()
            _reap(children)
            ready = spare.start(listener, key)
    finally:
        if ready is not None:
            ready.retire()


def _replace(
    old: spare.Spare, listener: socket.socket, key: str, children: dict[int, int]
) -> spare.Spare | None:
    old.retire()
    children[old.pid] = old.reader
    return spare.start(listener, key)


def _fork_child(
    listener: socket.socket, conn: socket.socket, key: str, info: dict[str, Any], children: dict
) -> None:
    reader, writer = os.pipe()
    pid = spare.fork()
    if pid == 0:
        os.close(reader)
        _child(listener, conn, key, info, writer)
    os.close(writer)
    children[pid] = reader


def _child(
    listener: socket.socket, conn: socket.socket, key: str, info: dict[str, Any], pipe: int
) -> None:
    from lint.daemon_server import child

    listener.close()
    code = 0
    try:
        child.serve(conn, key, info, pipe)
    except BaseException as err:  # logged; the client sees the connection close and falls back
        print(f"supplint daemon: request failed: {type(err).__name__}: {err}", file=sys.__stderr__)
        code = 1
    finally:
        os._exit(code)


def _reap(children: dict[int, int]) -> bool:
    """Forget finished children; warm the checkers of any command that had to build its own
    (True if one did)."""
    prepared = False
    for pid, reader in list(children.items()):
        try:
            done, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done == 0:
            continue
        del children[pid]
        with os.fdopen(reader, "rb") as pipe:
            recipe = pipe.read()
        if recipe:
            import json

            from lint.daemon_server import warm

            command = json.loads(recipe)
            warm.prepare(command["argv"], command["cwd"])
            prepared = True
    return prepared


def _still_ours(bound: tuple[str, int]) -> bool:
    """The socket file is the one we bound (not removed, not replaced by a newer daemon)."""
    path, inode = bound
    try:
        return os.stat(path).st_ino == inode
    except OSError:
        return False


class Stopped(BaseException):
    """SIGTERM: not an Exception (nor a SystemExit), so no handler on the way swallows it."""


def _stop(signum: int, frame: Any) -> None:
    raise Stopped


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The thin client: hand `supplint check` to the warm daemon, or run it here as before.

Imported on every run of the console command, so it uses only cheap standard-library modules
(no spaCy, numpy or rules; tests/test_daemon.py checks). Any failure to reach the daemon, a
time-out or a daemon of another version falls back to running in-process: the result is never
wrong or missing. A daemon that dies is one warning line on stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

ENV = "SUPPLINT_DAEMON"  # 1: use it for every check; 0: never (beats --daemon)
FLAG = "--daemon"
HELLO_TIMEOUT = 5.0  # seconds for the daemon's child to answer; it forks at once when healthy
Main = Callable[[Sequence[str]], int]


def wanted(argv: Sequence[str]) -> bool:
    """`check` with --daemon or SUPPLINT_DAEMON=1; never with SUPPLINT_DAEMON=0, never in CI."""
    if not argv or argv[0] != "check" or sys.platform == "win32":
        return False
    setting = os.environ.get(ENV, "")
    if setting == "0":
        return False
    if setting == "1":
        return True
    options = argv[: argv.index("--")] if "--" in argv else argv
    return FLAG in options and not os.environ.get("CI")  # CI: one run, nothing to keep warm


def answer(argv: Sequence[str], main: Main) -> int | None:
    """The exit code of `supplint ARGV`, run by the daemon or here; None: not the daemon's."""
    if not wanted(argv):
        return None
    from lint.daemon import paths

    folder = paths.socket_dir()
    if folder is None or not _streams_usable():
        return None
    key = paths.daemon_key()
    path = os.path.join(folder, f"{key}.sock")
    code = _ask(path, key, list(argv))
    if code is not None:
        return code
    try:
        return main(list(argv))  # as today; the daemon starts behind it, for the next run
    finally:
        start(path, key, list(argv))


def _streams_usable() -> bool:
    """Real stdin/stdout/stderr descriptors (a closed one: let the in-process run handle it)."""
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)
    except OSError:
        return False
    return all(stream is not None for stream in (sys.stdin, sys.stdout, sys.stderr))


def _ask(path: str, key: str, argv: list[str]) -> int | None:
    """The daemon's exit code after writing its output; None when it cannot answer."""
    from lint.daemon import paths

    if not os.path.lexists(path):
        return None
    if not paths.owned_socket(path):
        _warn(f"{path} is not a socket private to this user; not using it")
        return None
    import socket

    from lint.daemon import protocol

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(HELLO_TIMEOUT)
        try:
            sock.connect(path)
        except (ConnectionRefusedError, FileNotFoundError):  # died without removing its socket
            _warn("the supplint daemon stopped unexpectedly; running in-process, starting anew")
            return None
        if protocol.peer_uid(sock) not in (None, os.getuid()):
            return None
        socket.send_fds(sock, [protocol.CHECK], [0])
        protocol.send(sock, protocol.REQUEST, _request(key, argv))
        return _receive(sock)
    except (OSError, protocol.Closed, ValueError) as err:
        reason = err or type(err).__name__
        _warn(f"the supplint daemon did not answer ({reason}); running in-process")
        return None
    finally:
        sock.close()


def _request(key: str, argv: list[str]) -> bytes:
    import json

    mask = os.umask(0o022)
    os.umask(mask)
    return json.dumps(
        {
            "key": key,
            "argv": argv,
            "argv0": sys.argv[0] if sys.argv else "supplint",
            "cwd": os.getcwd(),
            "env": dict(os.environ),
            "umask": mask,
            "stdin": [sys.stdin.encoding, sys.stdin.errors],
            "stdout": _spec(sys.stdout, 1),
            "stderr": _spec(sys.stderr, 2),
            "stdout_tty": os.isatty(1),
        }
    ).encode()


def _spec(stream: object, fd: int) -> list[object]:
    """What Python built the client's stream with: the child builds its own the same way."""
    size = os.fstat(fd).st_blksize
    return [
        getattr(stream, "encoding", "utf-8"),
        getattr(stream, "errors", "strict"),
        bool(getattr(stream, "line_buffering", False)),
        bool(getattr(stream, "write_through", False)),
        type(getattr(stream, "buffer", None)).__name__ == "FileIO",  # -u: no buffer at all
        size if size > 1 else 8192,
    ]


def _receive(sock: object) -> int | None:
    import socket

    from lint.daemon import protocol

    assert isinstance(sock, socket.socket)
    kind, payload = protocol.receive(sock)
    if kind != protocol.PID:
        return None
    sock.settimeout(None)  # the child works now: a big folder takes as long as it takes
    pid, frames = int(payload), list[tuple[bytes, bytes]]()
    while True:
        try:
            kind, payload = protocol.receive(sock)
        except KeyboardInterrupt:  # Ctrl-C reaches this process: pass it on, as in-process
            os.kill(pid, 2)
            continue
        except protocol.Closed:
            _warn("the supplint daemon stopped during a run; running in-process")
            return None
        if kind == protocol.EXIT:
            return _write(frames, int(payload))
        frames.append((kind, payload))


def _write(frames: list[tuple[bytes, bytes]], code: int) -> int:
    from lint.daemon import protocol

    try:
        for kind, data in frames:
            fd = 1 if kind == protocol.OUT else 2
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
    except BrokenPipeError:  # as in-process: the reader left (`| head`), exit 2
        return 2
    return code


def start(path: str, key: str, argv: list[str]) -> None:
    """Start the daemon in the background, in its own session; it binds the socket when warm."""
    import json
    import subprocess

    command = json.dumps({"argv": argv, "cwd": os.getcwd()})  # its config is warmed first
    try:
        with open(f"{path}.log", "ab") as log:
            subprocess.Popen(
                [sys.executable, "-m", "lint.daemon_server.server", path, key, command],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
                cwd="/",
            )
    except OSError as err:
        _warn(f"cannot start the supplint daemon: {err}")


def _warn(message: str) -> None:
    print(f"supplint: warning: {message}", file=sys.stderr)

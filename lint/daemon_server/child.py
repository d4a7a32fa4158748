"""One request, in a child forked from the warm daemon: the same `main(argv)` as a run.

The child takes on the client's working directory, environment, umask and stdin (the descriptor
itself), and gets stdout and stderr objects built as Python builds them for the client's own
streams (encoding, errors, line buffering, buffer size). Their bytes are recorded in the order
the streams flush them, as the operating system would see them from the client.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import sys
import warnings
from typing import Any

from lint.daemon import protocol

STDERR_TTY = False  # the progress bar is for a live terminal: recorded, it would be noise


class Recorder(io.RawIOBase):
    """A raw stream that keeps (frame kind, bytes) pairs in write order."""

    def __init__(self, kind: bytes, chunks: list[tuple[bytes, bytes]], tty: bool):
        self.kind, self.chunks, self.tty = kind, chunks, tty

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.tty

    def write(self, data: Any) -> int:
        self.chunks.append((self.kind, bytes(data)))
        return len(data)


def serve(conn: socket.socket, key: str, info: dict[str, Any], pipe: int) -> None:
    """Answer one connection; never returns to the daemon's loop (the caller exits)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if protocol.peer_uid(conn) not in (None, os.getuid()):
        return  # only the owner is served; the socket's mode should already make this moot
    conn.settimeout(10)  # a client that connects and says nothing does not hold a process
    message, fds, _flags, _addr = socket.recv_fds(conn, 1, 1)
    if message == protocol.STATUS:
        protocol.send(conn, protocol.INFO, json.dumps(info).encode())
    elif message == protocol.STOP:
        protocol.send(conn, protocol.INFO, json.dumps(info).encode())
        os.kill(os.getppid(), signal.SIGTERM)
    elif message == protocol.CHECK and len(fds) == 1:
        kind, payload = protocol.receive(conn, protocol.MAX_REQUEST)
        request = json.loads(payload)
        if kind != protocol.REQUEST or request.get("key") != key:
            return  # the client sees the connection close and runs in-process
        conn.settimeout(None)  # a long run is not a hang
        protocol.send(conn, protocol.PID, str(os.getpid()).encode())
        chunks, code = run(request, fds[0])
        for stream, data in chunks:
            protocol.send(conn, stream, data)
        protocol.send(conn, protocol.EXIT, str(code).encode())
        _report_miss(pipe, request)


def _report_miss(pipe: int, request: dict[str, Any]) -> None:
    """Tell the daemon this command's checkers were not warm, so it builds them for next time."""
    from lint.daemon_server import warm

    if warm.missed:
        recipe = json.dumps({"argv": request["argv"], "cwd": request["cwd"]}).encode()
        if len(recipe) <= 65536:  # fits the pipe: the write never blocks
            os.write(pipe, recipe)


def run(request: dict[str, Any], stdin_fd: int) -> tuple[list[tuple[bytes, bytes]], int]:
    os.dup2(stdin_fd, 0)
    os.close(stdin_fd)
    os.chdir(request["cwd"])
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["argv0"], *request["argv"]]
    if hasattr(warnings, "_filters_mutated"):
        warnings._filters_mutated()  # a warning shown once in the daemon is shown again here
    chunks: list[tuple[bytes, bytes]] = []
    encoding, errors = request["stdin"]
    sys.stdin = io.TextIOWrapper(
        io.BufferedReader(io.FileIO(0, "rb", closefd=False)), encoding=encoding, errors=errors
    )
    sys.stdout = _writer(protocol.OUT, chunks, request["stdout"], request["stdout_tty"])
    sys.stderr = _writer(protocol.ERR, chunks, request["stderr"], STDERR_TTY)
    code = _main(request["argv"])
    for stream in (sys.stdout, sys.stderr):  # the order Python flushes them at exit
        stream.flush()
    return chunks, code


def _writer(kind: bytes, chunks: list[tuple[bytes, bytes]], spec: list[Any], tty: bool) -> Any:
    encoding, errors, line_buffering, write_through, unbuffered, buffer_size = spec
    raw = Recorder(kind, chunks, tty)
    binary = raw if unbuffered else io.BufferedWriter(raw, buffer_size=buffer_size)
    return io.TextIOWrapper(
        binary,
        encoding=encoding,
        errors=errors,
        line_buffering=line_buffering,
        write_through=write_through,
    )


def _main(argv: list[str]) -> int:
    """lint.cli.main, with SystemExit turned into an exit code the way Python does."""
    from lint.cli import main

    try:
        return main(argv)
    except SystemExit as exit_:
        if exit_.code is None:
            return 0
        if isinstance(exit_.code, int):
            return exit_.code
        print(exit_.code, file=sys.stderr)
        return 1

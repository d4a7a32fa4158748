"""A child forked before the next request arrives, its share of the warm heap already its own.

A freshly forked child pays for copy-on-write while it works: every object it reads gets its
reference count written, so each page of the warm heap it touches is copied on first use
(measured: a 1,674-word check took 0.15-0.21 s in a fresh child, 0.09-0.14 s when the same
child ran it a second time). The spare pays that before any request: after a short pause, so
that it does not compete with a request being served, it lints the warm-up samples, then waits
for the daemon to hand it a connection (the descriptor, over a socket pair) and serves that one
request exactly as a freshly forked child would. A spare that is gone is never waited for: the
daemon forks a child per request as before.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys
from dataclasses import dataclass
from typing import Any

PAUSE = 1.0  # seconds a new spare waits before warming: the request just handed off runs first
MAX_INFO = 1 << 16


@dataclass
class Spare:
    pid: int
    control: socket.socket  # the daemon's end of the socket pair
    reader: int  # read end of the pipe on which the served request reports a checker miss

    def hand(self, conn: socket.socket, info: dict[str, Any]) -> bool:
        """Give the spare this connection; False if it is gone (then fork as before)."""
        try:
            if os.waitpid(self.pid, os.WNOHANG)[0] != 0:
                return False
            message = json.dumps(info).encode()  # the status the spare reports is today's
            socket.send_fds(self.control, [message], [conn.fileno()])
        except (OSError, ChildProcessError):
            return False
        self.control.close()
        return True

    def retire(self) -> None:
        """The spare sees its socket close and exits (the caller reaps it as a child)."""
        self.control.close()


def fork() -> int:
    """os.fork with SIGTERM held until it has returned: a stop landing in fork's after-fork
    hooks is raised inside them, where Python prints and ignores it (the daemon would go on)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        pid = os.fork()
        if pid == 0:  # a child stops as any process does; the daemon's handler is not its own
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    return pid


def start(listener: socket.socket, key: str) -> Spare | None:
    opened: list[socket.socket | int] = []  # closed again if the spare cannot be made
    try:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        opened += [ours, theirs]
        reader, writer = os.pipe()
        opened += [reader, writer]
        pid = fork()
    except OSError:
        for item in opened:  # a daemon failing to fork per request must not also leak fds
            if isinstance(item, socket.socket):
                item.close()
            else:
                os.close(item)
        return None  # no spare: each request gets a fresh child, as without one
    if pid == 0:
        ours.close()
        os.close(reader)
        listener.close()
        _wait(theirs, key, writer)
    theirs.close()
    os.close(writer)
    return Spare(pid, ours, reader)


def _wait(control: socket.socket, key: str, pipe: int) -> None:
    """In the spare: warm, take one connection, serve it, exit (never returns)."""
    from lint.daemon_server import child

    code = 0
    try:
        if not select.select([control], [], [], PAUSE)[0]:
            _touch()
        message, fds, _flags, _addr = socket.recv_fds(control, MAX_INFO, 1)
        if fds:  # nothing: the daemon has gone or is stopping
            conn = socket.socket(fileno=fds[0])
            child.serve(conn, key, json.loads(message), pipe)
    except BaseException as err:  # logged; the client sees the connection close and falls back
        print(f"supplint daemon: spare failed: {type(err).__name__}: {err}", file=sys.__stderr__)
        code = 1
    finally:
        os._exit(code)


def _touch() -> None:
    """Lint the warm-up samples here, so the pages a check reads are this process's own."""
    from lint.daemon_server import warm

    here = os.getcwd()
    try:
        warm.warm_up(("text",))
    finally:
        os.chdir(here)
    warm.missed = False  # the samples' checkers are the daemon's; a miss later is the request's

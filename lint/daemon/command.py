"""`supplint daemon status|stop`: what runs, or stop every supplint daemon of this user."""

from __future__ import annotations

import json
import os
import time
from typing import Any


def command(action: str) -> int:
    from lint.daemon.paths import socket_dir

    folder = socket_dir()
    sockets = sorted(_sockets(folder)) if folder else []
    running = []
    for path in sockets:
        try:
            info = _call(path, b"Q" if action == "stop" else b"S")
        except ConnectionRefusedError:  # a dead daemon's socket: nothing listens on it any more
            os.unlink(path)
            continue
        if info is not None:
            running.append((path, info))
    if not running:
        print("no supplint daemon is running")
    for _path, info in running:
        print(_describe(info) if action == "status" else f"stopped daemon {info['pid']}")
    if action == "stop":
        _wait_gone([path for path, _info in running])
    return 0


def _sockets(folder: str) -> list[str]:
    from lint.daemon.paths import owned_socket

    names = (os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".sock"))
    return [path for path in names if owned_socket(path)]


def _call(path: str, operation: bytes) -> dict[str, Any] | None:
    import socket

    from lint.daemon import protocol

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(5)
    try:
        sock.connect(path)  # ConnectionRefusedError goes up: the caller removes a dead socket
        if protocol.peer_uid(sock) not in (None, os.getuid()):
            return None
        socket.send_fds(sock, [operation], [])
        kind, payload = protocol.receive(sock, protocol.MAX_REQUEST)
        info: dict[str, Any] = json.loads(payload)
        return info if kind == protocol.INFO else None
    except ConnectionRefusedError:
        raise
    except (OSError, protocol.Closed, ValueError):
        return None
    finally:
        sock.close()


def _describe(info: dict[str, Any]) -> str:
    up = int(time.time() - info["started"])
    return (
        f"daemon {info['pid']}: supplint {info['version']}, {info['python']}, "
        f"up {up // 60}m{up % 60:02d}s, {info.get('requests', 0)} connections served, "
        f"stops after {int(info['idle'])} s idle, socket {info['socket']}"
    )


def _wait_gone(paths: list[str], timeout: float = 5.0) -> None:
    """`stop` returns once the daemons have removed their sockets (or after `timeout`)."""
    deadline = time.monotonic() + timeout
    while any(os.path.exists(path) for path in paths) and time.monotonic() < deadline:
        time.sleep(0.05)

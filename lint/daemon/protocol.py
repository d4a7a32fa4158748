"""Frames on the daemon's socket: one type byte, a 4-byte big-endian length, the payload.

A connection opens with one byte, the operation, sent with the client's stdin descriptor
attached (SCM_RIGHTS) for a check. Then the client sends a REQUEST frame (JSON); the daemon's
child answers PID (so Ctrl-C can be passed on), then OUT/ERR frames in the order the bytes were
written, then EXIT. Nothing is written by the client before EXIT arrives: a daemon that dies
half-way leaves no half output behind, and the run is repeated in-process.
"""

from __future__ import annotations

import socket
import struct

CHECK, STATUS, STOP = b"C", b"S", b"Q"  # the opening byte
REQUEST, PID, OUT, ERR, EXIT, INFO = b"R", b"P", b"1", b"2", b"X", b"I"
_HEADER = struct.Struct(">cI")
MAX_REQUEST = 1 << 24  # argv and environment: far below this; a larger frame is not ours


class Closed(Exception):
    """The other end went away before a whole frame arrived."""


def send(sock: socket.socket, kind: bytes, payload: bytes = b"") -> None:
    sock.sendall(_HEADER.pack(kind, len(payload)) + payload)


def receive(sock: socket.socket, limit: int | None = None) -> tuple[bytes, bytes]:
    kind, size = _HEADER.unpack(_exactly(sock, _HEADER.size))
    if limit is not None and size > limit:
        raise Closed(f"frame of {size} bytes")
    return kind, _exactly(sock, size)


def _exactly(sock: socket.socket, size: int) -> bytes:
    parts, left = [], size
    while left:
        part = sock.recv(min(left, 1 << 20))
        if not part:
            raise Closed("connection closed")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end (Linux SO_PEERCRED); None elsewhere."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    creds = struct.Struct("3i")  # struct ucred: pid, uid, gid
    _pid, uid, _gid = creds.unpack(sock.getsockopt(socket.SOL_SOCKET, option, creds.size))
    return int(uid)

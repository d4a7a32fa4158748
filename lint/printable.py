"""Text from articles, file names, rule files and archives, made safe to print.

A raw ESC starts a terminal control sequence (OSC 52 writes the clipboard, OSC 0 the window
title), a CR or LF inside a file name starts a new output line that a CI runner may execute
as a workflow command (`::warning ...::`), and bidi overrides reorder what a reader sees.
Every human-readable output shows these characters as visible escapes instead.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, and the bidi embedding/override/isolate controls
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, newlines: bool = False) -> str:
    """`text` with unsafe characters written as `\\x1b` / `\\u202e`; tab stays, and with
    `newlines` CR and LF too (for outputs that escape those their own way)."""
    return (_UNSAFE_BUT_LINES if newlines else _UNSAFE).sub(_escape, text)

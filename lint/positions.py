"""Offsets in decoded source text <-> 1-based line and column (code points)."""

from __future__ import annotations

import bisect
import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the one line-break rule (LSP's too): not str.splitlines


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their breaks, split where LineIndex splits: CR, LF, CRLF.

    `str.splitlines` also splits at U+2028, U+2029, \\f, \\v, \\x85 and \\x1c-\\x1e, which
    put every position after such a character on the wrong line. A text ending in a break
    gives a last, empty line (the line the next character would start)."""
    return LINE_BREAK.split(text)


class LineIndex:
    """Maps a code-point offset to (line, column); CRLF, CR and LF each end one line."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of line_col for 1-based line and column."""
        return self.starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_count(self) -> int:
        return len(self.starts)

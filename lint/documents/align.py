"""Find where parsed text came from in the source, scanning forward only.

Parsers give us decoded text (entities resolved, markup removed) but not inline positions.
Every character is matched at or after the previous match, so a word that occurs twice maps
to the right occurrence; entities (`&amp;`) match the character they decode to.
"""

from __future__ import annotations

import html
import re

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
WINDOW = 256  # how far ahead a character may be, past markup, before we give up on it


class Aligner:
    def __init__(self, source: str, cursor: int = 0):
        self.source = source
        self.cursor = cursor
        # the rest of a multi-character entity (`&NotEqualTilde;` is two code points) and
        # where it starts: its later characters map to the same `&`
        self._tail, self._tail_at = "", 0

    def match(self, text: str) -> list[int] | range:
        """Source offsets for each character of `text`, advancing the cursor (a range where
        the text is the source's own: no list of ints per character)."""
        src = self.source
        if src.startswith(text, self.cursor):
            start = self.cursor
            self.cursor += len(text)
            return range(start, self.cursor)
        offsets: list[int] = []
        self._tail = ""
        for char in text:
            offsets.append(self._char(char))
        return offsets

    def _char(self, char: str) -> int:
        if self._tail:
            tail, self._tail = self._tail, ""
            if tail[0] == char:
                self._tail = tail[1:]
                return self._tail_at
        src, pos = self.source, self.cursor
        limit = min(len(src), pos + WINDOW)
        while pos < limit:
            here = src[pos]
            if here == char:
                self.cursor = pos + 1
                return pos
            if char == "\n" and here == "\r":  # parsers turn CR and CRLF into LF
                self.cursor = pos + 1  # not past a following LF: markup may have split the pair
                return pos
            if here == "&":
                entity = _ENTITY.match(src, pos)
                decoded = html.unescape(entity.group()) if entity else ""
                if entity and decoded[:1] == char and decoded != entity.group():
                    self.cursor = entity.end()
                    self._tail, self._tail_at = decoded[1:], pos
                    return pos
            pos += 1
        return max(0, min(self.cursor, len(src) - 1))  # unmatched: stay put, keep order

    def skip_to(self, needle: str, limit: int | None = None) -> bool:
        found = self.source.find(needle, self.cursor, limit)
        if found < 0:
            return False
        self.cursor = found + len(needle)
        return True

    def skip_balanced(self, open_char: str, close_char: str) -> None:
        """Cursor at open_char: move past its matching close_char (for `(url "title")`)."""
        depth, pos, src = 0, self.cursor, self.source
        while pos < len(src):
            if src[pos] == "\\":
                pos += 2
                continue
            if src[pos] == open_char:
                depth += 1
            elif src[pos] == close_char:
                depth -= 1
                if depth == 0:
                    self.cursor = pos + 1
                    return
            elif src[pos] == "\n" and pos + 1 < len(src) and src[pos + 1] == "\n":
                return
            pos += 1

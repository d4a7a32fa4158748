"""The Document every parser returns: prose blocks with an exact map back to the source."""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lint.documents.normalise import normalise
from lint.sources import Source

BLOCK_SEPARATOR = "\n\n"
_SPACES = re.compile(r"\s+")  # \s is exactly str.isspace()
_LONG_SPACES = re.compile(r"\s{2,}")


@dataclass
class Link:
    """A hyperlink. `start`/`end` span its markup in the source; text_* span the visible text."""

    url: str
    text: str
    rel: tuple[str, ...]
    start: int
    end: int
    text_start: int
    text_end: int
    block: int = -1


@dataclass(frozen=True)
class Cell:
    """Where a table cell stands: rules read a column by its header ("| Condition | Pick |")."""

    table: int  # the document's tables in order, from 0
    row: int  # row 0 is the header row
    column: int


@dataclass
class Block:
    """A prose block: [start, end) indexes Document.prose."""

    kind: str  # paragraph | heading | list_item | table_cell
    start: int
    end: int
    section: int
    level: int = 0  # heading level
    quote: bool = False  # inside a block quote
    cell: Cell | None = None  # a table cell's place


@dataclass
class Document:
    source: Source
    prose: str
    offsets: array  # prose index -> source offset, plus one sentinel at the end
    blocks: list[Block]
    links: list[Link]
    front_matter: dict[str, Any] = field(default_factory=dict)
    prose_end: int = 0  # source offset just after the last prose character
    _block_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.source.path

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Prose [start, end) -> source [start, end). Empty spans stay empty."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def block_at(self, prose_offset: int) -> Block | None:
        # blocks are in prose order and do not overlap: binary search, not a scan per sentence
        # (a scan made a 20 MB article quadratic)
        if len(self._block_starts) != len(self.blocks):
            self._block_starts = [block.start for block in self.blocks]
        i = bisect.bisect_right(self._block_starts, prose_offset) - 1
        if i >= 0 and prose_offset < self.blocks[i].end:
            return self.blocks[i]
        return None


class ProseBuilder:
    """Collects (character, source offset) runs into blocks, collapsing whitespace runs.

    Whitespace inside a block becomes one space mapped to the first whitespace character, so
    NLP sees `boosts memory` even when the source breaks the line between the words.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets = array("q")
        self.blocks: list[Block] = []
        self.section = 0
        self._block_start: int | None = None
        self._tables = 0
        self._table_stack: list[list[int]] = []  # [table, row, column] per open (nested) table

    def table_open(self) -> None:
        self._table_stack.append([self._tables, -1, -1])
        self._tables += 1

    def table_close(self) -> None:
        if self._table_stack:
            self._table_stack.pop()

    def row_open(self) -> None:
        if self._table_stack:
            self._table_stack[-1][1:] = [self._table_stack[-1][1] + 1, -1]

    def cell_open(self) -> None:
        if self._table_stack:
            self._table_stack[-1][2] += 1

    def _cell(self) -> Cell | None:
        if not self._table_stack or self._table_stack[-1][1] < 0:
            return None
        table, row, column = self._table_stack[-1]
        return Cell(table, row, max(column, 0))

    def begin(self) -> None:
        if self._block_start is None:
            if self.chars:
                last = self.offsets[-1] + 1
                self.chars.extend(BLOCK_SEPARATOR)
                self.offsets.extend([last] * len(BLOCK_SEPARATOR))
            self._block_start = len(self.chars)

    def add(self, text: str, offsets: list[int] | range) -> None:
        self.begin()
        if len(offsets) < len(text):
            text = text[: len(offsets)]
        text, offsets = normalise(text, offsets)  # invisible characters out, lookalikes folded
        if not text:
            return
        start = 0
        if text[0].isspace() and (len(self.chars) == self._block_start or self.chars[-1] == " "):
            leading = _SPACES.match(text)  # dropped: no space at a block start or after one
            start = leading.end() if leading else 0
        rest = text[start:]
        if rest.isprintable() and "  " not in rest:
            # the only printable whitespace is " " (a test checks every code point): single
            # spaces only, nothing to collapse, so the regexes below would copy it as it is
            _extend(self.offsets, offsets[start : len(text)])
            self.chars.extend(rest)
            return
        # each whitespace run becomes one space at its first character: copy the offsets
        # between the runs longer than one character (a loop per word was a fifth of a check)
        kept = start
        for run in _LONG_SPACES.finditer(text, start):
            _extend(self.offsets, offsets[kept : run.start() + 1])
            kept = run.end()
        _extend(self.offsets, offsets[kept : len(text)])
        self.chars.extend(_SPACES.sub(" ", rest))

    def end(self, kind: str, level: int = 0, quote: bool = False) -> None:
        if self._block_start is None:
            return
        while len(self.chars) > self._block_start and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
        if len(self.chars) == self._block_start:  # nothing but whitespace: drop the block
            sep = len(BLOCK_SEPARATOR) if self._block_start else 0
            del self.chars[self._block_start - sep :]
            del self.offsets[self._block_start - sep :]
        else:
            if kind == "heading":
                self.section += 1
            cell = self._cell() if kind == "table_cell" else None
            self.blocks.append(
                Block(kind, self._block_start, len(self.chars), self.section, level, quote, cell)
            )
        self._block_start = None

    def build(self, source: Source, links: list[Link], front_matter: dict[str, Any]) -> Document:
        prose = "".join(self.chars)
        end = self.offsets[-1] + 1 if self.offsets else 0
        offsets = array("q", self.offsets)
        offsets.append(end)
        locate = _block_locator(self.blocks, offsets)
        for link in links:
            link.block = locate(link.text_start)
        return Document(source, prose, offsets, self.blocks, links, front_matter, end)


def _extend(offsets: array, more: list[int] | range) -> None:
    """`offsets.extend(more)`: a long range through numpy's buffer, since `array.extend` reads
    a range one Python int at a time (~50 ns each, most of parsing's own time)."""
    if type(more) is range and len(more) > 16 and more.step == 1:
        import numpy  # loaded with spaCy already; only a lint parses

        offsets.frombytes(numpy.arange(more.start, more.stop, dtype=numpy.int64).tobytes())
    else:
        offsets.extend(more)


def _block_locator(blocks: list[Block], offsets: array) -> Callable[[int], int]:
    """source offset -> the block holding it, else the next block, else the last one.

    Blocks come in source order, so a binary search answers what a scan of every block
    would (a scan per link made 100,000 paragraphs with links quadratic); a parser that ever
    emits blocks out of order gets the scan.
    """
    starts = [offsets[block.start] for block in blocks]
    ends = [offsets[block.end - 1] + 1 for block in blocks]
    if not (_ascending(starts) and _ascending(ends)):
        return lambda source_offset: _scan_block_index(blocks, source_offset, offsets)
    last = len(blocks) - 1
    # every block before the first one ending at or after the offset ends before it; that
    # block holds the offset, or starts after it and so is the next block
    return lambda source_offset: min(bisect.bisect_left(ends, source_offset), last)


def _ascending(values: list[int]) -> bool:
    return all(a <= b for a, b in itertools.pairwise(values))


def _scan_block_index(blocks: list[Block], source_offset: int, offsets: array) -> int:
    for index, block in enumerate(blocks):
        if offsets[block.start] <= source_offset <= offsets[block.end - 1] + 1:
            return index
    # a link outside any prose block (e.g. an image-only line): attach to the next block
    for index, block in enumerate(blocks):
        if offsets[block.start] > source_offset:
            return index
    return len(blocks) - 1

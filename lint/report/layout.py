"""How an article reads: its source cut into blocks (headings, paragraphs, list items, quotes,
code, front matter) with the markup characters marked hidden and inline styles (links, emphasis,
code) as ranges. Nothing is removed: every source character stays in the page, so every
highlight keeps its exact span; markup is only hidden (and shown again where a finding sits in
it). Presentation only: the linter's own parse (lint/documents) decides what is prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    kind: str  # p | h | li | quote | pre | meta | hr | title
    start: int
    end: int
    level: int = 0  # heading level, list depth


@dataclass(frozen=True)
class Inline:
    kind: str  # link | em | strong | code | key | value (a front-matter row's cells)
    start: int
    end: int
    href: str = ""


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)

    def hide(self, start: int, end: int) -> None:
        if end > start:
            self.hidden.append((start, end))


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end without the line break, end with it) of each line in text[start:end]."""
    stop = len(text) if end is None else end
    out = []
    here = start
    while here < stop:
        nl = text.find("\n", here, stop)
        after = stop if nl < 0 else nl + 1
        content_end = after - 1 if nl >= 0 else stop
        if content_end > here and text[content_end - 1] == "\r":
            content_end -= 1
        out.append((here, content_end, after))
        here = after
    return out


def text_layout(text: str) -> Layout:
    """Plain text: paragraphs between blank lines."""
    layout = Layout()
    begin = None
    last = 0
    for start, end, _ in lines(text):
        if text[start:end].strip():
            begin = start if begin is None else begin
            last = end
        elif begin is not None:
            layout.blocks.append(Block("p", begin, last))
            begin = None
    if begin is not None:
        layout.blocks.append(Block("p", begin, last))
    return layout

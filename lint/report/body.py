"""The article's HTML: its blocks and inline styles (lint/report/layout.py) with the finding
highlights (lint/report/annotate.py) woven in. Every source character is written, in order, so
the page's text is the article's and a highlight is exactly its span; markup characters sit in
hidden spans, except under a highlight, where they are shown (the finding is about them).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from lint.report.layout import Block, Inline, Layout

_INLINE_TAGS = {
    "link": "span",
    "em": "em",
    "strong": "strong",
    "code": "code",
    "key": "span",
    "value": "span",
}


def _blocks(layout: Layout, size: int) -> list[Block]:
    """Sorted, inside the text, not overlapping (a later overlapping block is dropped)."""
    out: list[Block] = []
    for block in sorted(layout.blocks, key=lambda b: (b.start, -b.end)):
        block = Block(block.kind, max(0, block.start), min(size, block.end), block.level)
        if block.end > block.start and (not out or block.start >= out[-1].end):
            out.append(block)
    return out


def _inlines(layout: Layout, blocks: list[Block]) -> list[Inline]:
    """Properly nested, each inside one block: HTML elements must nest."""
    starts = [b.start for b in blocks]
    out: list[Inline] = []
    stack: list[Inline] = []
    for inline in sorted(layout.inlines, key=lambda i: (i.start, -i.end)):
        if inline.end <= inline.start:
            continue
        i = bisect.bisect_right(starts, inline.start) - 1
        if i < 0 or inline.end > blocks[i].end:
            continue
        while stack and stack[-1].end <= inline.start:
            stack.pop()
        if stack and inline.end > stack[-1].end:
            continue  # crosses its parent
        out.append(inline)
        stack.append(inline)
    return out


def _hidden(layout: Layout) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(layout.hidden):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return merged


def _open_block(block: Block) -> str:
    if block.kind == "h":
        level = min(max(block.level, 1), 6)
        return f'<div class="blk h h{level}" role="heading" aria-level="{level}">'
    if block.kind == "li":
        return f'<div class="blk li lvl{min(block.level, 4)}">'
    return f'<div class="blk {block.kind}">'


def _open_inline(inline: Inline) -> str:
    tag = _INLINE_TAGS[inline.kind]
    if inline.kind == "link":
        return f'<span class="link" title="{escape(inline.href)}">'
    if inline.kind in ("key", "value"):
        return f'<span class="fm-{inline.kind}">'
    return f"<{tag}>"


class _Writer:
    def __init__(self, text: str, layout: Layout, mark: Callable[[Any, str], str]):
        self.out: list[str] = []
        self.blocks = _blocks(layout, len(text))
        self.inlines = _inlines(layout, self.blocks)
        self.hidden = _hidden(layout)
        self.mark = mark
        self.block_i = 0  # next block to open
        self.in_block: Block | None = None
        self.inline_i = 0
        self.stack: list[Inline] = []
        self.hidden_i = 0
        cuts = {b.start for b in self.blocks} | {b.end for b in self.blocks}
        cuts |= {i.start for i in self.inlines} | {i.end for i in self.inlines}
        self.structure = sorted(cuts)  # a highlight is cut only where elements begin and end
        self.cuts = sorted(cuts | {h for pair in self.hidden for h in pair})

    def close_inlines(self, at: int | None) -> None:
        while self.stack and (at is None or self.stack[-1].end <= at):
            self.out.append(f"</{_INLINE_TAGS[self.stack.pop().kind]}>")

    def move_to(self, at: int) -> None:
        """Close what ends at or before `at`, open what starts there."""
        self.close_inlines(at)
        if self.in_block is not None and self.in_block.end <= at:
            self.close_inlines(None)
            self.out.append("</div>")
            self.in_block = None
        if (
            self.in_block is None
            and self.block_i < len(self.blocks)
            and self.blocks[self.block_i].start <= at
        ):
            self.in_block = self.blocks[self.block_i]
            self.block_i += 1
            self.out.append(_open_block(self.in_block))
        while self.inline_i < len(self.inlines) and self.inlines[self.inline_i].start <= at:
            inline = self.inlines[self.inline_i]
            self.inline_i += 1
            if inline.end > at:
                self.out.append(_open_inline(inline))
                self.stack.append(inline)

    def is_hidden(self, at: int) -> bool:
        while self.hidden_i < len(self.hidden) and self.hidden[self.hidden_i][1] <= at:
            self.hidden_i += 1
        if self.in_block is None:
            return True  # between blocks: blank lines
        return self.hidden_i < len(self.hidden) and self.hidden[self.hidden_i][0] <= at

    def piece(self, text: str, at: int, seg: Any) -> None:
        self.move_to(at)
        body = escape(text)
        if seg.ids:  # markup under a highlight is shown: the finding is about those characters
            self.out.append(self.mark(seg, str(body)))
        else:
            self.out.append(f'<span class="mu">{body}</span>' if self.is_hidden(at) else str(body))

    def write(self, text: str, segments: Sequence[Any]) -> str:
        at = 0
        for seg in segments:
            anchors = "".join(f'<span class="anchor" id="hl-{i}"></span>' for i in seg.starts)
            if not seg.text:  # an empty span: its marker where it falls
                self.out.append(anchors + self.mark(seg, ""))
                continue
            end = at + len(seg.text)
            cuts = self.structure if seg.ids else self.cuts
            first = bisect.bisect_right(cuts, at)
            last = bisect.bisect_left(cuts, end)
            bounds = [at, *cuts[first:last], end]
            for n, (start, stop) in enumerate(itertools.pairwise(bounds)):
                if n == 0:
                    self.move_to(start)
                    self.out.append(anchors)
                self.piece(text[start:stop], start, seg)
            at = end
        self.close_inlines(None)
        if self.in_block is not None:
            self.out.append("</div>")
        return "".join(self.out)


def render_body(
    text: str, layout: Layout, segments: Sequence[Any], mark: Callable[[Any, str], str]
) -> Markup:
    """`mark(segment, escaped_text)` writes one highlight's <mark> element."""
    return Markup(_Writer(text, layout, mark).write(text, segments))
